package io.warden.ticket;

import io.warden.platform.problem.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.util.List;

/**
 * The filters of a ticket search. {@code text} matches the ticket number or short description,
 * without regard to case. Lists are sorted so that equal filters compare equal; an empty list or a
 * null value means no filter.
 */
record TicketFilter(String text, List<String> states, List<String> externalSystems, String linkedIncidentId,
        List<String> workspaceIds) {

    static final int MAX_TEXT_LENGTH = 200;

    static final TicketFilter NONE = new TicketFilter(null, List.of(), List.of(), null, List.of());

    /** Returns the rule a search text breaks, or null. */
    static FieldError checkText(String text) {
        if (text != null && text.length() > MAX_TEXT_LENGTH) {
            return new FieldError("text", "must be at most " + MAX_TEXT_LENGTH + " characters");
        }
        return null;
    }

    JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("states", array(states))
                .add("externalSystems", array(externalSystems))
                .add("workspaceIds", array(workspaceIds));
        if (text != null) {
            json.add("text", text);
        }
        if (linkedIncidentId != null) {
            json.add("linkedIncidentId", linkedIncidentId);
        }
        return json.build();
    }

    static TicketFilter fromJson(JsonObject json) {
        return new TicketFilter(json.getString("text", null), strings(json.getJsonArray("states")),
                strings(json.getJsonArray("externalSystems")), json.getString("linkedIncidentId", null),
                strings(json.getJsonArray("workspaceIds")));
    }

    private static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }

    private static List<String> strings(JsonArray array) {
        return array == null ? List.of()
                : array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
