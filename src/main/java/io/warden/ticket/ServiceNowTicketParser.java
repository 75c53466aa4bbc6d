package io.warden.ticket;

import io.warden.platform.importing.ItemReader;
import io.warden.platform.problem.FieldError;
import io.warden.platform.problem.ProblemException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a ServiceNow Table API response for the {@code incident} table ({@code {"result": [...]}},
 * as returned by {@code GET /api/now/table/incident} without display values). Every item is
 * validated before anything is stored; all problems are reported together, each under the path of
 * the item and field, such as {@code result[2].sys_created_on}. Unknown fields, null fields and
 * empty strings (ServiceNow's way of writing "no value") are accepted.
 */
final class ServiceNowTicketParser {

    static final String EXTERNAL_SYSTEM = "ServiceNow";
    static final int MAX_ITEMS = 5000;

    private ServiceNowTicketParser() {
    }

    /** Parses and validates the body; the result keeps one record per sys_id, the last one given. */
    static List<TicketRecord> parse(JsonObject body) {
        JsonArray items = ItemReader.items(body, "result", MAX_ITEMS,
                "the ServiceNow Table API response {\"result\": [ ...incident records ]}");
        List<FieldError> errors = new ArrayList<>();
        Map<String, TicketRecord> records = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            TicketRecord record = read(new ItemReader("result[" + i + "]", errors), items.get(i));
            if (record != null) {
                records.put(record.id(), record);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return List.copyOf(records.values());
    }

    private static TicketRecord read(ItemReader reader, JsonValue value) {
        JsonObject item = reader.object(value, "a ServiceNow incident record");
        if (item == null) {
            return null;
        }
        TicketRecord record = new TicketRecord(
                reader.string(item, "sys_id", "sys_id", 64, true),
                EXTERNAL_SYSTEM,
                reader.string(item, "number", "number", 64, true),
                reader.string(item, "short_description", "short_description", 1000, false),
                reader.string(item, "description", "description", 32000, false),
                code(reader, item, "state"),
                code(reader, item, "priority"),
                reference(reader, item, "assigned_to"),
                reference(reader, item, "caller_id"),
                reader.serviceNowTime(item, "sys_created_on", "sys_created_on", true),
                reader.serviceNowTime(item, "sys_updated_on", "sys_updated_on", false));
        return reader.valid() ? record : null;
    }

    /** Reads a choice value such as state {@code "2"}; a JSON number is accepted and kept as its text. */
    private static String code(ItemReader reader, JsonObject item, String key) {
        if (item.get(key) instanceof JsonNumber number) {
            return number.toString();
        }
        return reader.string(item, key, key, 64, false);
    }

    /**
     * Reads a reference field: {@code {"link": "...", "value": "<sys_id>"}}, a bare sys_id, or
     * {@code ""} for none. Returns the sys_id.
     */
    private static String reference(ItemReader reader, JsonObject item, String key) {
        JsonValue value = item.get(key);
        if (value instanceof JsonObject reference) {
            return reader.string(reference, "value", key + ".value", 64, false);
        }
        if (value == null || value == JsonValue.NULL || value instanceof JsonString) {
            return reader.string(item, key, key, 64, false);
        }
        reader.reject(key, "must be a reference {\"link\", \"value\"}, a sys_id or \"\"");
        return null;
    }
}
