package io.warden.platform.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Turns an expected failure into its problem+json response; 4xx outcomes are not logged as errors. */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    @Override
    public Response toResponse(ProblemException exception) {
        return Problem.response(exception.status(), exception.title(), exception.getMessage(),
                exception.fieldErrors());
    }
}
