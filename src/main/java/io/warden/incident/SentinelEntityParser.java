package io.warden.incident;

import io.warden.platform.problem.FieldError;
import io.warden.platform.problem.ProblemException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Microsoft Sentinel "Incidents - List Entities" body ({@code {"entities": [...],
 * "metaData": [...]}}, api-version 2024-09-01). {@code metaData} is ignored, because the counts
 * per kind follow from the entities. Every item is validated before anything is stored, and each
 * problem is reported under its path, such as {@code entities[1].kind}.
 */
final class SentinelEntityParser {

    static final int MAX_ITEMS = 5000;
    static final int MAX_PROPERTIES_JSON = 32000;

    /** One entity, validated and ready to store. */
    record EntityRecord(String id, String kind, String friendlyName, String propertiesJson) {
    }

    private SentinelEntityParser() {
    }

    /** Parses and validates the body; the result keeps one record per entity name, the last one given. */
    static List<EntityRecord> parse(JsonObject body) {
        JsonValue value = body == null ? null : body.get("entities");
        if (!(value instanceof JsonArray items)) {
            throw ProblemException.invalidField("entities",
                    "is required: send the Sentinel list-entities body {\"entities\": [ ...entities ]}");
        }
        if (items.size() > MAX_ITEMS) {
            throw ProblemException.invalidField("entities", "has " + items.size() + " entities; send at most "
                    + MAX_ITEMS + " per request");
        }

        List<FieldError> errors = new ArrayList<>();
        Map<String, EntityRecord> records = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            EntityRecord record = read("entities[" + i + "]", items.get(i), errors);
            if (record != null) {
                records.put(record.id(), record);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return List.copyOf(records.values());
    }

    private static EntityRecord read(String path, JsonValue item, List<FieldError> errors) {
        SentinelFieldReader reader = new SentinelFieldReader(errors);
        if (!(item instanceof JsonObject entity)) {
            errors.add(new FieldError(path, "must be an entity object"));
            return null;
        }
        String id = reader.string(entity, "name", path + ".name", 100, true);
        String kind = reader.string(entity, "kind", path + ".kind", 64, true);
        JsonObject properties = reader.object(entity, "properties", path + ".properties", false);
        String friendlyName = properties == null ? null
                : reader.string(properties, "friendlyName", path + ".properties.friendlyName", 1000, false);
        String propertiesJson = properties == null ? "{}" : properties.toString();
        if (propertiesJson.length() > MAX_PROPERTIES_JSON) {
            errors.add(new FieldError(path + ".properties", "must be at most " + MAX_PROPERTIES_JSON
                    + " characters as JSON"));
        }
        return reader.valid() ? new EntityRecord(id, kind, friendlyName, propertiesJson) : null;
    }
}
