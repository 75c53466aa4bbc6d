package io.warden.platform.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Maps any unexpected failure to a 500 that carries only an error id. The full exception is
 * logged under that id, so an operator can find it while the caller learns nothing internal.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        return logAndRespond(exception);
    }

    static Response logAndRespond(Throwable exception) {
        String errorId = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Request failed with error id " + errorId, exception);
        return Problem.response(500, "Internal Server Error",
                "The server failed to process the request. Report error id " + errorId + " to the operator.",
                List.of());
    }
}
