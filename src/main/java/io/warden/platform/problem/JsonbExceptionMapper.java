package io.warden.platform.problem;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a request body that is not valid JSON, or whose values have the wrong JSON types, to a
 * 400. The parser's own message is not echoed because it can quote the request body. Only the
 * path of the rejected field is taken from it, so that the response can name that field.
 */
@Provider
public class JsonbExceptionMapper implements ExceptionMapper<JsonbException> {

    static final String DETAIL = "The request body is not valid JSON for this endpoint: check the syntax "
            + "and that each field has the documented type.";

    /**
     * Yasson (the JSON-B implementation in Open Liberty) wraps a failed property as
     * "Unable to deserialize property 'NAME' because of: ...", once per nesting level. Only names
     * that are Java identifiers are taken, which the bound request classes declare themselves.
     */
    private static final Pattern PROPERTY = Pattern.compile("deserialize property '([A-Za-z_][A-Za-z0-9_]{0,63})'");

    @Override
    public Response toResponse(JsonbException exception) {
        Optional<String> field = fieldOf(exception.getMessage());
        if (field.isEmpty()) {
            return Problem.response(400, "Bad Request", DETAIL, List.of());
        }
        String rule = "has the wrong JSON type; see the request schema in /openapi";
        return Problem.response(400, "Bad Request", "Invalid field '" + field.get() + "': " + rule,
                List.of(new FieldError(field.get(), rule)));
    }

    /** Returns the dotted path of the property that failed to bind, such as {@code workspaceAccess.workspaceIds}. */
    static Optional<String> fieldOf(String message) {
        if (message == null) {
            return Optional.empty();
        }
        List<String> path = new ArrayList<>();
        Matcher matcher = PROPERTY.matcher(message);
        while (matcher.find()) {
            path.add(matcher.group(1));
        }
        return path.isEmpty() ? Optional.empty() : Optional.of(String.join(".", path));
    }
}
