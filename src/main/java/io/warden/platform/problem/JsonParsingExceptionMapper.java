package io.warden.platform.problem;

import jakarta.json.JsonException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** Maps a body that JSON-P cannot parse (endpoints that read a raw JSON object) to the same 400 as {@link JsonbExceptionMapper}. */
@Provider
public class JsonParsingExceptionMapper implements ExceptionMapper<JsonException> {

    @Override
    public Response toResponse(JsonException exception) {
        return Problem.response(400, "Bad Request", JsonbExceptionMapper.DETAIL, List.of());
    }
}
