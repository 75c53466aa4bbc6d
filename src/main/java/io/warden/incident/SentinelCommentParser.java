package io.warden.incident;

import io.warden.platform.problem.FieldError;
import io.warden.platform.problem.ProblemException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Microsoft Sentinel "Incident Comments - List" body ({@code {"value": [...]}}, api-version
 * 2024-09-01). Every item is validated before anything is stored, and each problem is reported
 * under its path, such as {@code value[0].properties.message}.
 */
final class SentinelCommentParser {

    static final int MAX_ITEMS = 5000;
    static final int MAX_MESSAGE_LENGTH = 30000;

    /** One comment, validated and ready to store. */
    record CommentRecord(String id, String message, Instant createdTime, Instant lastModifiedTime,
            String authorObjectId, String authorEmail, String authorUserPrincipalName, String authorName) {
    }

    private SentinelCommentParser() {
    }

    /** Parses and validates the body; the result keeps one record per comment name, the last one given. */
    static List<CommentRecord> parse(JsonObject body) {
        JsonValue value = body == null ? null : body.get("value");
        if (!(value instanceof JsonArray items)) {
            throw ProblemException.invalidField("value",
                    "is required: send the Sentinel comments list body {\"value\": [ ...comments ]}");
        }
        if (items.size() > MAX_ITEMS) {
            throw ProblemException.invalidField("value", "has " + items.size() + " comments; send at most "
                    + MAX_ITEMS + " per request");
        }

        List<FieldError> errors = new ArrayList<>();
        Map<String, CommentRecord> records = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            CommentRecord record = read("value[" + i + "]", items.get(i), errors);
            if (record != null) {
                records.put(record.id(), record);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return List.copyOf(records.values());
    }

    private static CommentRecord read(String path, JsonValue item, List<FieldError> errors) {
        SentinelFieldReader reader = new SentinelFieldReader(errors);
        if (!(item instanceof JsonObject comment)) {
            errors.add(new FieldError(path, "must be a comment object"));
            return null;
        }
        String id = reader.string(comment, "name", path + ".name", 100, true);
        JsonObject properties = reader.object(comment, "properties", path + ".properties", true);
        if (properties == null) {
            return null;
        }
        String p = path + ".properties.";
        JsonObject author = reader.object(properties, "author", p + "author", false);
        String a = p + "author.";

        CommentRecord record = new CommentRecord(
                id,
                reader.string(properties, "message", p + "message", MAX_MESSAGE_LENGTH, true),
                reader.time(properties, "createdTimeUtc", p + "createdTimeUtc", true),
                reader.time(properties, "lastModifiedTimeUtc", p + "lastModifiedTimeUtc", false),
                author == null ? null : reader.string(author, "objectId", a + "objectId", 100, false),
                author == null ? null : reader.string(author, "email", a + "email", 320, false),
                author == null ? null : reader.string(author, "userPrincipalName", a + "userPrincipalName", 320, false),
                author == null ? null : reader.string(author, "name", a + "name", 320, false));
        return reader.valid() ? record : null;
    }
}
