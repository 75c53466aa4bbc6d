package io.warden.platform.problem;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Gives the JAX-RS runtime's own errors (unknown route, wrong method, unreadable body) the
 * problem+json shape. Details are fixed texts, so no parser message or class name leaks.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse() == null ? 500 : exception.getResponse().getStatus();
        String detail;
        if (exception instanceof NotFoundException) {
            detail = "No resource exists at this path.";
        } else if (exception instanceof NotAllowedException) {
            detail = "This HTTP method is not allowed on this path.";
        } else if (exception instanceof NotSupportedException) {
            detail = "Send the request body as application/json.";
        } else if (status == 400) {
            detail = "The request body is not valid JSON for this endpoint: check the syntax and the field types.";
        } else if (status >= 500) {
            return UnexpectedExceptionMapper.logAndRespond(exception);
        } else {
            detail = Response.Status.fromStatusCode(status) == null
                    ? "The request failed." : Response.Status.fromStatusCode(status).getReasonPhrase() + ".";
        }
        Response.StatusType reason = Response.Status.fromStatusCode(status);
        Response response = Problem.response(status, reason == null ? "Error" : reason.getReasonPhrase(), detail, List.of());
        if (exception instanceof NotAllowedException && exception.getResponse() != null) {
            String allow = exception.getResponse().getHeaderString("Allow");
            if (allow != null) {
                return Response.fromResponse(response).header("Allow", allow).build();
            }
        }
        return response;
    }
}
