package io.warden.incident;

import io.warden.platform.problem.FieldError;
import io.warden.platform.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A cross-workspace incident query: {@code isFirstCall}, {@code continuationToken},
 * {@code pageSize} and the filters. Read from the raw JSON so that each rule broken is reported
 * under its field name, and so that a single value is accepted where a list is expected.
 */
record IncidentQuery(boolean firstCall, String continuationToken, Integer pageSize, Filter filter, boolean filterGiven) {

    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 500;
    private static final Set<String> FIELDS = Set.of("isFirstCall", "continuationToken", "pageSize", "status",
            "severity", "workspaceIds", "createdFrom", "createdTo");
    private static final Set<String> FILTER_FIELDS = Set.of("status", "severity", "workspaceIds", "createdFrom",
            "createdTo");

    /** The filters of a query; lists are sorted so that equal filters compare equal. */
    record Filter(List<String> status, List<String> severity, List<String> workspaceIds, Instant createdFrom,
            Instant createdTo) {

        JsonObject toJson() {
            JsonObjectBuilder json = Json.createObjectBuilder()
                    .add("status", array(status))
                    .add("severity", array(severity))
                    .add("workspaceIds", array(workspaceIds));
            if (createdFrom != null) {
                json.add("createdFrom", createdFrom.toEpochMilli());
            }
            if (createdTo != null) {
                json.add("createdTo", createdTo.toEpochMilli());
            }
            return json.build();
        }

        static Filter fromJson(JsonObject json) {
            return new Filter(strings(json.getJsonArray("status")), strings(json.getJsonArray("severity")),
                    strings(json.getJsonArray("workspaceIds")), instant(json.get("createdFrom")),
                    instant(json.get("createdTo")));
        }

        private static JsonArrayBuilder array(List<String> values) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            values.forEach(array::add);
            return array;
        }

        private static List<String> strings(JsonArray array) {
            return array == null ? List.of() : array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }

        private static Instant instant(JsonValue value) {
            return value instanceof JsonNumber number ? Instant.ofEpochMilli(number.longValue()) : null;
        }
    }

    static IncidentQuery parse(JsonObject body) {
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
        boolean firstCall = first == JsonValue.TRUE;
        if (first != JsonValue.TRUE && first != JsonValue.FALSE) {
            errors.add(new FieldError("isFirstCall", "is required and must be true or false"));
        }

        String token = null;
        JsonValue tokenValue = body.get("continuationToken");
        if (tokenValue instanceof JsonString text) {
            token = text.getString();
        } else if (tokenValue != null && tokenValue != JsonValue.NULL) {
            errors.add(new FieldError("continuationToken", "must be a string"));
        }
        if (first == JsonValue.FALSE && token == null) {
            errors.add(new FieldError("continuationToken", "is required when isFirstCall is false: send the token "
                    + "of the previous page"));
        }
        if (first == JsonValue.TRUE && token != null) {
            errors.add(new FieldError("continuationToken", "must be absent when isFirstCall is true"));
        }

        Integer pageSize = pageSize(body.get("pageSize"), errors);
        List<String> status = values(body.get("status"), "status", SentinelIncidentParser.STATUSES, errors);
        List<String> severity = values(body.get("severity"), "severity", SentinelIncidentParser.SEVERITIES, errors);
        List<String> workspaceIds = values(body.get("workspaceIds"), "workspaceIds", null, errors);
        Instant from = time(body.get("createdFrom"), "createdFrom", errors);
        Instant to = time(body.get("createdTo"), "createdTo", errors);
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(new FieldError("createdTo", "must be after createdFrom"));
        }

        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        boolean filterGiven = body.keySet().stream().anyMatch(FILTER_FIELDS::contains);
        return new IncidentQuery(firstCall, token, pageSize, new Filter(status, severity, workspaceIds, from, to),
                filterGiven);
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

    /** Reads a string or a list of strings; with {@code allowed} set, each value must be one of them. */
    private static List<String> values(JsonValue value, String field, Set<String> allowed, List<FieldError> errors) {
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        List<JsonValue> items = value instanceof JsonArray array ? array : List.of(value);
        TreeSet<String> result = new TreeSet<>();
        for (JsonValue item : items) {
            if (!(item instanceof JsonString text)) {
                errors.add(new FieldError(field, "must be a string or a list of strings"));
                return List.of();
            }
            String canonical = allowed == null ? text.getString() : SentinelIncidentParser.canonical(text.getString(), allowed);
            if (canonical == null) {
                errors.add(new FieldError(field, "unknown value '" + text.getString() + "'; use "
                        + String.join(", ", new TreeSet<>(allowed))));
                return List.of();
            }
            result.add(canonical);
        }
        return List.copyOf(result);
    }

    private static Instant time(JsonValue value, String field, List<FieldError> errors) {
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        Instant parsed = value instanceof JsonString text ? SentinelIncidentParser.parseTime(text.getString()) : null;
        if (parsed == null) {
            errors.add(new FieldError(field, "must be an ISO-8601 date-time such as 2026-01-31T00:00:00Z"));
        }
        return parsed;
    }
}
