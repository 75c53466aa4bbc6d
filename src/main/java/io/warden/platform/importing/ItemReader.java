package io.warden.platform.importing;

import io.warden.platform.problem.FieldError;
import io.warden.platform.problem.ProblemException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the fields of one import item and adds a {@link FieldError} for each rule broken, under
 * the item's path and the field name, such as {@code result[2].sys_created_on}. Null values count
 * as absent, and fields the reader is not asked for are ignored, as real exports carry both.
 */
public final class ItemReader {

    private static final DateTimeFormatter SERVICENOW_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final String path;
    private final List<FieldError> errors;
    private final int errorsBefore;

    public ItemReader(String path, List<FieldError> errors) {
        this.path = path;
        this.errors = errors;
        this.errorsBefore = errors.size();
    }

    /** Returns the array under {@code key} of the body, or fails with 400 naming it. */
    public static JsonArray items(JsonObject body, String key, int maxItems, String expected) {
        JsonValue value = body == null ? null : body.get(key);
        if (!(value instanceof JsonArray items)) {
            throw ProblemException.invalidField(key, "is required: send " + expected);
        }
        if (items.size() > maxItems) {
            throw ProblemException.invalidField(key, "has " + items.size() + " items; send at most " + maxItems
                    + " per request");
        }
        return items;
    }

    /** Returns true when no rule was broken since this reader was created. */
    public boolean valid() {
        return errors.size() == errorsBefore;
    }

    public String path() {
        return path;
    }

    /** Returns the item as an object, or adds an error and returns null. */
    public JsonObject object(JsonValue item, String expected) {
        if (item instanceof JsonObject object) {
            return object;
        }
        errors.add(new FieldError(path, "must be " + expected));
        return null;
    }

    public void reject(String field, String message) {
        errors.add(new FieldError(name(field), message));
    }

    private String name(String field) {
        return field.isEmpty() ? path : path + "." + field;
    }

    private static JsonValue present(JsonObject object, String key) {
        JsonValue value = object == null ? null : object.get(key);
        return value == null || value == JsonValue.NULL ? null : value;
    }

    /**
     * Reads a string. {@code field} is the path below the item, such as {@code status.failureReason}.
     * An empty string counts as absent unless the field is required.
     */
    public String string(JsonObject object, String key, String field, int maxLength, boolean required) {
        JsonValue value = present(object, key);
        if (value == null) {
            if (required) {
                reject(field, "is required");
            }
            return null;
        }
        if (!(value instanceof JsonString text)) {
            reject(field, "must be a string");
            return null;
        }
        String result = text.getString();
        if (result.isBlank()) {
            if (required) {
                reject(field, "must not be blank");
            }
            return null;
        }
        if (result.length() > maxLength) {
            reject(field, "must be at most " + maxLength + " characters");
            return null;
        }
        return result;
    }

    /** Reads a string that must be one of {@code allowed}, matched without regard to case. */
    public String oneOf(JsonObject object, String key, String field, Set<String> allowed, boolean required) {
        String value = string(object, key, field, 64, required);
        if (value == null) {
            return null;
        }
        for (String candidate : allowed) {
            if (candidate.equalsIgnoreCase(value.strip())) {
                return candidate;
            }
        }
        reject(field, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
        return null;
    }

    public Integer integer(JsonObject object, String key, String field, boolean required) {
        JsonValue value = present(object, key);
        if (value == null) {
            if (required) {
                reject(field, "is required");
            }
            return null;
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            reject(field, "must be a whole number");
            return null;
        }
        try {
            return number.intValueExact();
        } catch (ArithmeticException e) {
            reject(field, "must be a whole number from -2147483648 to 2147483647");
            return null;
        }
    }

    public Boolean bool(JsonObject object, String key, String field, boolean required) {
        JsonValue value = present(object, key);
        if (value == null) {
            if (required) {
                reject(field, "is required");
            }
            return null;
        }
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            reject(field, "must be true or false");
            return null;
        }
        return value == JsonValue.TRUE;
    }

    /** Reads a nested object; absent or null gives null. */
    public JsonObject child(JsonObject object, String key, String field, boolean required) {
        JsonValue value = present(object, key);
        if (value == null) {
            if (required) {
                reject(field, "is required");
            }
            return null;
        }
        if (!(value instanceof JsonObject result)) {
            reject(field, "must be an object");
            return null;
        }
        return result;
    }

    /** Reads a nested array; absent or null gives an empty list. */
    public JsonArray array(JsonObject object, String key, String field) {
        JsonValue value = present(object, key);
        if (value == null) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        if (!(value instanceof JsonArray result)) {
            reject(field, "must be a list");
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        return result;
    }

    /** Reads an ISO-8601 date-time such as {@code 2024-05-06T07:08:09.1234567Z}. */
    public Instant isoTime(JsonObject object, String key, String field, boolean required) {
        return time(object, key, field, required, ItemReader::parseIsoTime,
                "an ISO-8601 date-time such as 2024-05-06T07:08:09Z");
    }

    /** Reads a ServiceNow Table API date-time such as {@code 2024-05-06 07:08:09}, which is UTC. */
    public Instant serviceNowTime(JsonObject object, String key, String field, boolean required) {
        return time(object, key, field, required, ItemReader::parseServiceNowTime,
                "a date-time in UTC such as 2024-05-06 07:08:09");
    }

    private Instant time(JsonObject object, String key, String field, boolean required,
            Function<String, Instant> parser, String expected) {
        String value = string(object, key, field, 64, required);
        if (value == null) {
            return null;
        }
        Instant parsed = parser.apply(value.strip());
        if (parsed == null) {
            reject(field, "must be " + expected);
        }
        return parsed;
    }

    /** Stores a JSON value as text, or adds an error when it exceeds {@code maxLength} characters. */
    public String jsonText(JsonObject object, String key, String field, int maxLength) {
        JsonValue value = present(object, key);
        if (value == null) {
            return null;
        }
        String text = value.toString();
        if (text.length() > maxLength) {
            reject(field, "must be at most " + maxLength + " characters as JSON");
            return null;
        }
        return text;
    }

    /**
     * Parses an ISO-8601 date-time with up to nine fractional digits (Microsoft Graph sends up to
     * seven). A value without an offset is read as UTC. Precision below a millisecond is dropped.
     */
    public static Instant parseIsoTime(String value) {
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

    /** Parses {@code yyyy-MM-dd HH:mm:ss} as UTC, the format of the Table API without display values. */
    public static Instant parseServiceNowTime(String value) {
        try {
            return LocalDateTime.parse(value, SERVICENOW_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
