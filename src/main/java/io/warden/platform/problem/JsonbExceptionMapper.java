package io.warden.platform.problem;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Maps a request body that is not valid JSON, or whose values have the wrong JSON types, to a
 * 400. The parser's own message is not echoed because it can quote the request body.
 */
@Provider
public class JsonbExceptionMapper implements ExceptionMapper<JsonbException> {

    static final String DETAIL = "The request body is not valid JSON for this endpoint: check the syntax "
            + "and that each field has the documented type.";

    @Override
    public Response toResponse(JsonbException exception) {
        return Problem.response(400, "Bad Request", DETAIL, List.of());
    }
}
