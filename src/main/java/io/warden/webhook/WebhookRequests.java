package io.warden.webhook;

import io.warden.platform.problem.FieldError;
import io.warden.platform.problem.ProblemException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads webhook requests from the raw JSON object, so that a PATCH can tell an absent field
 * ("leave as is") from a present one. Every broken rule is reported at once as a 400.
 */
public final class WebhookRequests {

    private static final Set<String> FIELDS = Set.of("name", "url", "eventTypes", "followRedirects");

    private WebhookRequests() {
    }

    /** The fields of a create or update request, where an empty Optional means the field was left out. */
    public record WebhookFields(Optional<String> name, Optional<String> url,
            Optional<Set<WebhookEventType>> eventTypes, Optional<Boolean> followRedirects) {
    }

    /** Reads a create request, which needs all of name, url and eventTypes. */
    public static WebhookFields parseCreate(JsonObject body, WebhookUrlValidator urls) {
        List<FieldError> errors = new ArrayList<>();
        WebhookFields fields = parseFields(body, urls, errors);
        for (String field : List.of("name", "url", "eventTypes")) {
            if (!body.containsKey(field)) {
                errors.add(new FieldError(field, "is required"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return fields;
    }

    /** Reads an update request, in which every field is optional. */
    public static WebhookFields parsePatch(JsonObject body, WebhookUrlValidator urls) {
        List<FieldError> errors = new ArrayList<>();
        WebhookFields fields = parseFields(body, urls, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return fields;
    }

    private static WebhookFields parseFields(JsonObject body, WebhookUrlValidator urls, List<FieldError> errors) {
        if (body == null) {
            throw ProblemException.badRequest("The request body is missing: send a JSON object with name, url "
                    + "and eventTypes.");
        }
        for (String field : body.keySet()) {
            if (!FIELDS.contains(field)) {
                errors.add(new FieldError(field, "is not a webhook field; use name, url, eventTypes or followRedirects"));
            }
        }

        Optional<String> name = Optional.empty();
        if (body.containsKey("name")) {
            JsonValue value = body.get("name");
            if (!(value instanceof JsonString text) || text.getString().isBlank() || text.getString().length() > 200) {
                errors.add(new FieldError("name", "must be a string of 1 to 200 characters, not blank"));
            } else {
                name = Optional.of(text.getString().strip());
            }
        }

        Optional<String> url = Optional.empty();
        if (body.containsKey("url")) {
            JsonValue value = body.get("url");
            if (!(value instanceof JsonString text)) {
                errors.add(new FieldError("url", "must be a string"));
            } else {
                Optional<String> rejection = urls.rejectionOf(text.getString().strip());
                if (rejection.isPresent()) {
                    errors.add(new FieldError("url", rejection.get()));
                } else {
                    url = Optional.of(text.getString().strip());
                }
            }
        }

        Optional<Set<WebhookEventType>> eventTypes = Optional.empty();
        if (body.containsKey("eventTypes")) {
            eventTypes = parseEventTypes(body.get("eventTypes"), errors);
        }
        Optional<Boolean> followRedirects = Optional.empty();
        if (body.containsKey("followRedirects")) {
            JsonValue value = body.get("followRedirects");
            if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
                followRedirects = Optional.of(value == JsonValue.TRUE);
            } else {
                errors.add(new FieldError("followRedirects", "must be true or false"));
            }
        }
        return new WebhookFields(name, url, eventTypes, followRedirects);
    }

    private static Optional<Set<WebhookEventType>> parseEventTypes(JsonValue value, List<FieldError> errors) {
        String rule = "must be a non-empty array of event types from: " + WebhookEventType.validNames();
        if (!(value instanceof JsonArray array) || array.isEmpty()) {
            errors.add(new FieldError("eventTypes", rule));
            return Optional.empty();
        }
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        List<String> unknown = new ArrayList<>();
        for (JsonValue item : array) {
            Optional<WebhookEventType> type = item instanceof JsonString text
                    ? WebhookEventType.fromEventName(text.getString())
                    : Optional.empty();
            if (type.isPresent()) {
                types.add(type.get());
            } else {
                unknown.add(item.toString());
            }
        }
        if (!unknown.isEmpty()) {
            errors.add(new FieldError("eventTypes", "contains unknown event types " + unknown + "; valid ones are: "
                    + WebhookEventType.validNames()));
            return Optional.empty();
        }
        return Optional.of(types);
    }

    /** Reads an optional true/false query parameter, where a missing one is false. */
    public static boolean parseFlag(String name, String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ProblemException.invalidField(name, "must be true or false, not " + value);
    }
}
