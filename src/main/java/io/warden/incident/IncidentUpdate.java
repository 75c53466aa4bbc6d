package io.warden.incident;

import io.warden.platform.problem.FieldError;
import io.warden.platform.problem.ProblemException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A status change of an incident: {@code status} (New, Active or Closed) and, only when closing,
 * {@code classification} (required), {@code classificationReason} and {@code classificationComment}.
 * Values are matched without regard to case and stored in their catalog spelling.
 */
record IncidentUpdate(String status, String classification, String classificationReason,
        String classificationComment) {

    static final Set<String> CLASSIFICATIONS = Set.of("Undetermined", "TruePositive", "BenignPositive",
            "FalsePositive");
    /** The classification reasons of Sentinel incidents, api-version 2024-09-01. */
    static final Set<String> CLASSIFICATION_REASONS = Set.of("SuspiciousActivity", "SuspiciousButExpected",
            "IncorrectAlertLogic", "InaccurateData");
    static final int MAX_COMMENT_LENGTH = 4000;
    private static final Set<String> FIELDS = Set.of("status", "classification", "classificationReason",
            "classificationComment");

    /** Parses a PATCH body and fails with 400 naming every rejected field. */
    static IncidentUpdate parse(JsonObject body) {
        if (body == null) {
            throw ProblemException.badRequest("The request body is missing: send {\"status\": \"Active\"} or "
                    + "{\"status\": \"Closed\", \"classification\": \"FalsePositive\"}.");
        }
        List<FieldError> errors = new ArrayList<>();
        IncidentUpdate update = read(body, Set.of(), "", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return update;
    }

    /**
     * Reads the update from {@code body}, adding a field error (named with {@code prefix}) for each
     * rule broken. Fields in {@code otherFields} belong to the caller and are skipped.
     */
    static IncidentUpdate read(JsonObject body, Set<String> otherFields, String prefix, List<FieldError> errors) {
        for (String field : body.keySet()) {
            if (!FIELDS.contains(field) && !otherFields.contains(field)) {
                Set<String> known = new TreeSet<>(FIELDS);
                known.addAll(otherFields);
                errors.add(new FieldError(prefix + field, "is not a known field; use " + String.join(", ", known)));
            }
        }

        String status = oneOf(body, "status", prefix, SentinelIncidentParser.STATUSES, errors);
        if (status == null && present(body, "status") == null) {
            errors.add(new FieldError(prefix + "status", "is required: one of Active, Closed, New"));
        }
        String classification = oneOf(body, "classification", prefix, CLASSIFICATIONS, errors);
        String reason = oneOf(body, "classificationReason", prefix, CLASSIFICATION_REASONS, errors);
        String comment = text(body, "classificationComment", prefix, errors);

        if ("Closed".equals(status) && classification == null && present(body, "classification") == null) {
            errors.add(new FieldError(prefix + "classification", "is required when status is Closed: one of "
                    + String.join(", ", new TreeSet<>(CLASSIFICATIONS))));
        }
        if (status != null && !"Closed".equals(status)) {
            for (String field : List.of("classification", "classificationReason", "classificationComment")) {
                if (present(body, field) != null) {
                    errors.add(new FieldError(prefix + field, "is accepted only when status is Closed"));
                }
            }
        }
        return new IncidentUpdate(status, classification, reason, comment);
    }

    private static JsonValue present(JsonObject body, String key) {
        JsonValue value = body.get(key);
        return value == null || value == JsonValue.NULL ? null : value;
    }

    private static String oneOf(JsonObject body, String key, String prefix, Set<String> allowed,
            List<FieldError> errors) {
        JsonValue value = present(body, key);
        if (value == null) {
            return null;
        }
        String canonical = value instanceof JsonString text ? SentinelIncidentParser.canonical(text.getString(), allowed)
                : null;
        if (canonical == null) {
            errors.add(new FieldError(prefix + key, "must be one of " + String.join(", ", new TreeSet<>(allowed))));
        }
        return canonical;
    }

    private static String text(JsonObject body, String key, String prefix, List<FieldError> errors) {
        JsonValue value = present(body, key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonString text) || text.getString().length() > MAX_COMMENT_LENGTH) {
            errors.add(new FieldError(prefix + key, "must be a string of at most " + MAX_COMMENT_LENGTH
                    + " characters"));
            return null;
        }
        return text.getString();
    }
}
