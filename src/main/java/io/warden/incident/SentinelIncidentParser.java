package io.warden.incident;

import io.warden.platform.problem.FieldError;
import io.warden.platform.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Microsoft Sentinel "Incidents - List" body ({@code {"value": [...]}}, api-version
 * 2024-09-01). Every item is validated before anything is stored; all problems are reported
 * together, each under the path of the item and field, such as {@code value[2].properties.severity}.
 * Unknown fields and null optional fields are accepted, as real exports carry both.
 */
final class SentinelIncidentParser {

    static final int MAX_ITEMS = 5000;
    /** Size of the column that stores relatedAnalyticRuleIds. */
    static final int MAX_RULE_IDS_JSON = 16000;
    static final Set<String> SEVERITIES = Set.of("High", "Medium", "Low", "Informational");
    static final Set<String> STATUSES = Set.of("New", "Active", "Closed");

    private SentinelIncidentParser() {
    }

    /** Parses and validates the body; the result keeps one record per incident id, the last one given. */
    static List<IncidentRecord> parse(JsonObject body) {
        JsonValue value = body == null ? null : body.get("value");
        if (!(value instanceof JsonArray items)) {
            throw ProblemException.invalidField("value",
                    "is required: send the Sentinel incidents list body {\"value\": [ ...incidents ]}");
        }
        if (items.size() > MAX_ITEMS) {
            throw ProblemException.invalidField("value", "has " + items.size() + " incidents; send at most "
                    + MAX_ITEMS + " per request");
        }

        List<FieldError> errors = new ArrayList<>();
        Map<String, IncidentRecord> records = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            ItemReader reader = new ItemReader("value[" + i + "]", items.get(i), errors);
            IncidentRecord record = reader.read();
            if (record != null) {
                records.put(record.id(), record);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return List.copyOf(records.values());
    }

    /** Reads one incident item. */
    private static final class ItemReader extends SentinelFieldReader {

        private final String path;
        private final JsonValue item;

        ItemReader(String path, JsonValue item, List<FieldError> errors) {
            super(errors);
            this.path = path;
            this.item = item;
        }

        IncidentRecord read() {
            if (!(item instanceof JsonObject incident)) {
                errors.add(new FieldError(path, "must be an incident object"));
                return null;
            }
            String id = string(incident, "name", path + ".name", 100, true);
            JsonObject properties = object(incident, "properties", path + ".properties", true);
            if (properties == null) {
                return null;
            }
            String p = path + ".properties.";
            JsonObject owner = object(properties, "owner", p + "owner", false);
            String o = p + "owner.";
            JsonObject additionalData = object(properties, "additionalData", p + "additionalData", false);
            String a = p + "additionalData.";

            IncidentRecord record = new IncidentRecord(
                    id,
                    integer(properties, "incidentNumber", p + "incidentNumber"),
                    string(properties, "title", p + "title", 1000, true),
                    string(properties, "description", p + "description", 32000, false),
                    oneOf(properties, "severity", p + "severity", SEVERITIES),
                    oneOf(properties, "status", p + "status", STATUSES),
                    string(properties, "classification", p + "classification", 64, false),
                    string(properties, "classificationReason", p + "classificationReason", 64, false),
                    string(properties, "classificationComment", p + "classificationComment", 4000, false),
                    owner == null ? null : string(owner, "objectId", o + "objectId", 100, false),
                    owner == null ? null : string(owner, "email", o + "email", 320, false),
                    owner == null ? null : string(owner, "userPrincipalName", o + "userPrincipalName", 320, false),
                    owner == null ? null : string(owner, "assignedTo", o + "assignedTo", 320, false),
                    string(properties, "providerName", p + "providerName", 200, false),
                    string(properties, "providerIncidentId", p + "providerIncidentId", 200, false),
                    string(properties, "incidentUrl", p + "incidentUrl", 4000, false),
                    labels(properties, p + "labels"),
                    time(properties, "createdTimeUtc", p + "createdTimeUtc", true),
                    time(properties, "lastModifiedTimeUtc", p + "lastModifiedTimeUtc", false),
                    time(properties, "firstActivityTimeUtc", p + "firstActivityTimeUtc", false),
                    time(properties, "lastActivityTimeUtc", p + "lastActivityTimeUtc", false),
                    ruleIds(properties, p + "relatedAnalyticRuleIds"),
                    additionalData == null ? null : count(additionalData, "alertsCount", a + "alertsCount"),
                    additionalData == null ? null : count(additionalData, "bookmarksCount", a + "bookmarksCount"),
                    additionalData == null ? null : count(additionalData, "commentsCount", a + "commentsCount"));
            return valid() ? record : null;
        }

        /** Returns the rule ids as a JSON array, or null when the export carries none. */
        private String ruleIds(JsonObject object, String field) {
            List<String> ids = strings(object, "relatedAnalyticRuleIds", field, 1000);
            if (ids == null) {
                return null;
            }
            JsonArrayBuilder array = Json.createArrayBuilder();
            ids.forEach(array::add);
            String json = array.build().toString();
            if (json.length() > MAX_RULE_IDS_JSON) {
                errors.add(new FieldError(field, "must be at most " + MAX_RULE_IDS_JSON + " characters as JSON"));
                return null;
            }
            return json;
        }

        private String labels(JsonObject object, String field) {
            JsonValue value = present(object, "labels");
            if (value == null) {
                return null;
            }
            if (!(value instanceof JsonArray array)) {
                errors.add(new FieldError(field, "must be a list of labels"));
                return null;
            }
            JsonArrayBuilder labels = Json.createArrayBuilder();
            for (int i = 0; i < array.size(); i++) {
                JsonObject label = array.get(i) instanceof JsonObject o ? o : null;
                String name = label == null ? null : string(label, "labelName", field + "[" + i + "].labelName", 200, true);
                if (label == null) {
                    errors.add(new FieldError(field + "[" + i + "]", "must be an object with labelName"));
                    continue;
                }
                String type = string(label, "labelType", field + "[" + i + "].labelType", 64, false);
                labels.add(Json.createObjectBuilder().add("labelName", name == null ? "" : name)
                        .add("labelType", type == null ? "User" : type));
            }
            String json = labels.build().toString();
            if (json.length() > 4000) {
                errors.add(new FieldError(field, "must be at most 4000 characters as JSON"));
                return null;
            }
            return json;
        }
    }

    /**
     * Parses an ISO-8601 date-time with up to nine fractional digits (Sentinel exports carry seven).
     * A value without an offset is read as UTC. Precision below a millisecond is dropped.
     */
    static Instant parseTime(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    /** Returns the catalog spelling of a value matched without regard to case, or null if none matches. */
    static String canonical(String value, Set<String> allowed) {
        if (value == null) {
            return null;
        }
        for (String candidate : allowed) {
            if (candidate.equalsIgnoreCase(value.strip())) {
                return candidate;
            }
        }
        return null;
    }
}
