package io.warden.auth;

import io.warden.platform.problem.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The fixed responses of authentication. Every 401 is byte-for-byte the same, whatever failed
 * (missing or malformed header, unknown Client ID, wrong secret, mismatched pair, wrong password),
 * so a caller cannot learn which part was wrong.
 */
public final class AuthenticationProblems {

    public static final String CHALLENGE = "Basic realm=\"warden\", charset=\"UTF-8\"";
    public static final String UNAUTHENTICATED_DETAIL = "Authentication is required: send HTTP Basic credentials "
            + "(Client ID and Client Secret of a service account, or a portal user's login name and password).";
    public static final String ACCOUNT_DISABLED = "service account is disabled or not found";
    public static final String CREDENTIAL_INACTIVE = "credential is not active";
    public static final String V2_ONLY = "Service accounts must use the v2 API";

    private AuthenticationProblems() {
    }

    public static Response unauthenticated() {
        Response problem = Problem.response(401, "Unauthorized", UNAUTHENTICATED_DETAIL, List.of());
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build();
    }

    public static Response forbidden(String detail) {
        return Problem.response(403, "Forbidden", detail, List.of());
    }
}
