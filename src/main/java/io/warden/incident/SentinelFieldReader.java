package io.warden.incident;

import io.warden.platform.problem.FieldError;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Reads the fields of one item of a Sentinel body, adding a field error for each rule it breaks.
 * JSON null counts as absent, because real exports send null for missing optional values.
 */
class SentinelFieldReader {

    protected final List<FieldError> errors;
    private final int errorsBefore;

    SentinelFieldReader(List<FieldError> errors) {
        this.errors = errors;
        this.errorsBefore = errors.size();
    }

    /** Returns true when this item added no field error. */
    boolean valid() {
        return errors.size() == errorsBefore;
    }

    JsonValue present(JsonObject object, String key) {
        JsonValue value = object.get(key);
        return value == null || value == JsonValue.NULL ? null : value;
    }

    String string(JsonObject object, String key, String field, int maxLength, boolean required) {
        JsonValue value = present(object, key);
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        if (!(value instanceof JsonString text)) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        String result = text.getString();
        if (required && result.isBlank()) {
            errors.add(new FieldError(field, "must not be blank"));
        } else if (result.length() > maxLength) {
            errors.add(new FieldError(field, "must be at most " + maxLength + " characters"));
        }
        return result;
    }

    JsonObject object(JsonObject object, String key, String field, boolean required) {
        JsonValue value = present(object, key);
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        if (!(value instanceof JsonObject result)) {
            errors.add(new FieldError(field, "must be an object"));
            return null;
        }
        return result;
    }

    Integer integer(JsonObject object, String key, String field) {
        JsonValue value = present(object, key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            errors.add(new FieldError(field, "must be a whole number"));
            return null;
        }
        try {
            return number.intValueExact();
        } catch (ArithmeticException e) {
            errors.add(new FieldError(field, "must be a whole number below 2147483648"));
            return null;
        }
    }

    /** Reads a count, which must be zero or more. */
    Integer count(JsonObject object, String key, String field) {
        Integer value = integer(object, key, field);
        if (value != null && value < 0) {
            errors.add(new FieldError(field, "must be zero or more"));
            return null;
        }
        return value;
    }

    String oneOf(JsonObject object, String key, String field, Set<String> allowed) {
        String value = string(object, key, field, 64, true);
        if (value == null) {
            return null;
        }
        String canonical = SentinelIncidentParser.canonical(value, allowed);
        if (canonical != null) {
            return canonical;
        }
        errors.add(new FieldError(field, "must be one of " + String.join(", ", allowed.stream().sorted().toList())));
        return null;
    }

    Instant time(JsonObject object, String key, String field, boolean required) {
        String value = string(object, key, field, 64, required);
        if (value == null) {
            return null;
        }
        Instant parsed = SentinelIncidentParser.parseTime(value);
        if (parsed == null) {
            errors.add(new FieldError(field, "must be an ISO-8601 date-time such as 2019-01-01T13:15:30Z"));
        }
        return parsed;
    }

    /** Reads a list of strings, each at most {@code maxLength} characters; absent gives null. */
    List<String> strings(JsonObject object, String key, String field, int maxLength) {
        JsonValue value = present(object, key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonArray array)) {
            errors.add(new FieldError(field, "must be a list of strings"));
            return null;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonValue item = array.get(i);
            if (!(item instanceof JsonString text)) {
                errors.add(new FieldError(field + "[" + i + "]", "must be a string"));
            } else if (text.getString().isBlank() || text.getString().length() > maxLength) {
                errors.add(new FieldError(field + "[" + i + "]", "must be 1 to " + maxLength + " characters"));
            }
        }
        return valid() ? array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList() : null;
    }
}
