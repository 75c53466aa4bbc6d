package io.warden.platform.problem;

import jakarta.json.Json;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Error page of the servlet container (see web.xml): renders its errors as problem+json with a
 * fixed detail, so no exception text or class name reaches the caller.
 */
@WebServlet("/container-error")
public class ContainerErrorServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ContainerErrorServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : HttpServletResponse.SC_NOT_FOUND;
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (status >= 500 && failure != null) {
            LOG.log(Level.SEVERE, "Request failed in the servlet container", failure);
        }

        String title;
        String detail;
        if (status == HttpServletResponse.SC_NOT_FOUND) {
            title = "Not Found";
            detail = "No resource exists at this path. The API is under /api/v2/ (service accounts and portal users) "
                    + "and /api/ (portal).";
        } else if (status == HttpServletResponse.SC_METHOD_NOT_ALLOWED) {
            title = "Method Not Allowed";
            detail = "This HTTP method is not allowed on this path.";
        } else if (status < 500) {
            title = "Bad Request";
            detail = "The request is malformed.";
        } else {
            title = "Internal Server Error";
            detail = "The server failed to process the request.";
        }

        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status)
                .add("detail", detail)
                .build()
                .toString());
    }
}
