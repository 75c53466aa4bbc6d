package io.warden.ticket;

import io.warden.platform.problem.FieldError;
import io.warden.platform.problem.ProblemException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A cross-workspace ticket query: {@code isFirstCall}, {@code continuationToken}, {@code pageSize}
 * and the filters {@code text}, {@code state}, {@code externalSystem}, {@code linkedIncidentId}
 * and {@code workspaceIds}. Read from the raw JSON so that each rule broken is reported under its
 * field name, and so that a single value is accepted where a list is expected.
 */
record TicketQuery(boolean firstCall, String continuationToken, Integer pageSize, TicketFilter filter,
        boolean filterGiven) {

    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 500;
    private static final Set<String> FILTER_FIELDS = Set.of("text", "state", "externalSystem", "linkedIncidentId",
            "workspaceIds");
    private static final Set<String> FIELDS = Set.of("isFirstCall", "continuationToken", "pageSize", "text", "state",
            "externalSystem", "linkedIncidentId", "workspaceIds");

    static TicketQuery parse(JsonObject body) {
        if (body == null) {
            throw ProblemException.badRequest("The request body is missing: send {\"isFirstCall\": true} "
                    + "with optional filters, then {\"isFirstCall\": false, \"continuationToken\": \"...\"}.");
        }
        List<FieldError> errors = new ArrayList<>();
        for (String field : body.keySet()) {
            if (!FIELDS.contains(field)) {
                errors.add(new FieldError(field, "is not a known field; use " + String.join(", ", new TreeSet<>(FIELDS))));
            }
        }

        JsonValue first = body.get("isFirstCall");
        if (first != JsonValue.TRUE && first != JsonValue.FALSE) {
            errors.add(new FieldError("isFirstCall", "is required and must be true or false"));
        }
        String token = text(body.get("continuationToken"), "continuationToken", errors);
        if (first == JsonValue.FALSE && token == null) {
            errors.add(new FieldError("continuationToken", "is required when isFirstCall is false: send the token "
                    + "of the previous page"));
        }
        if (first == JsonValue.TRUE && token != null) {
            errors.add(new FieldError("continuationToken", "must be absent when isFirstCall is true"));
        }

        Integer pageSize = pageSize(body.get("pageSize"), errors);
        String text = text(body.get("text"), "text", errors);
        FieldError textError = TicketFilter.checkText(text);
        if (textError != null) {
            errors.add(textError);
        }
        TicketFilter filter = new TicketFilter(text, values(body.get("state"), "state", errors),
                values(body.get("externalSystem"), "externalSystem", errors),
                text(body.get("linkedIncidentId"), "linkedIncidentId", errors),
                values(body.get("workspaceIds"), "workspaceIds", errors));

        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        boolean filterGiven = body.keySet().stream().anyMatch(FILTER_FIELDS::contains);
        return new TicketQuery(first == JsonValue.TRUE, token, pageSize, filter, filterGiven);
    }

    /** Reads an optional string; blank counts as absent. */
    private static String text(JsonValue value, String field, List<FieldError> errors) {
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString string)) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        return string.getString().isBlank() ? null : string.getString().strip();
    }

    /** Reads the page size; null when absent, so a continuation can keep the size of the first call. */
    private static Integer pageSize(JsonValue value, List<FieldError> errors) {
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral()
                && number.longValue() >= 1 && number.longValue() <= MAX_PAGE_SIZE) {
            return number.intValue();
        }
        errors.add(new FieldError("pageSize", "must be a whole number from 1 to " + MAX_PAGE_SIZE));
        return null;
    }

    /** Reads a string or a list of strings, sorted. */
    private static List<String> values(JsonValue value, String field, List<FieldError> errors) {
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        List<JsonValue> items = value instanceof JsonArray array ? array : List.of(value);
        TreeSet<String> result = new TreeSet<>();
        for (JsonValue item : items) {
            if (!(item instanceof JsonString text) || text.getString().isBlank()) {
                errors.add(new FieldError(field, "must be a string or a list of strings"));
                return List.of();
            }
            result.add(text.getString().strip());
        }
        return List.copyOf(result);
    }
}
