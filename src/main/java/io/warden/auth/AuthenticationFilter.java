package io.warden.auth;

import io.warden.requestlog.CredentialUse;
import io.warden.user.PortalUserDirectory;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Authenticates every API request before routing. Every request carries HTTP Basic credentials.
 * A user id that is not a UUID is a portal user's login name, checked by the Jakarta Security
 * identity store ({@link PortalUserDirectory}). A UUID is a service account's Client ID, checked in
 * this order:
 * <ol>
 * <li>missing or malformed header, unknown Client ID, wrong secret or mismatched pair: 401, one
 * body for all, so nothing about the account leaks to a caller without its secret;</li>
 * <li>only once the secret is verified: account disabled or deleted, then credential revoked or
 * expired: 403 with the reason, because the caller has proven who it is;</li>
 * <li>a route outside {@code /api/v2/}, decided on the normalized path: 403.</li>
 * </ol>
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(AuthenticationFilter.class.getName());

    @Inject
    CredentialAuthenticator authenticator;

    @Inject
    PortalUserDirectory portalUsers;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        long startNanos = System.nanoTime();
        Optional<BasicCredentials> credentials =
                BasicCredentials.parse(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (credentials.isEmpty()) {
            LOG.fine("Rejected a request without valid credentials");
            request.abortWith(AuthenticationProblems.unauthenticated());
            return;
        }
        if (!ClientIds.isClientId(credentials.get().userId())) {
            authenticatePortalUser(request, credentials.get());
            return;
        }

        String clientId = ClientIds.canonical(credentials.get().userId());
        CredentialAuthenticator.Result result = authenticator.authenticate(clientId, credentials.get().password());
        request.setProperty(CredentialUse.PROPERTY, new CredentialUse(clientId, result.credentialId(),
                result.secretPrefix(), startNanos, result.outcome() == CredentialAuthenticator.Outcome.AUTHENTICATED));
        switch (result.outcome()) {
            case UNAUTHENTICATED -> {
                LOG.fine(() -> "Rejected a wrong secret or unknown Client ID " + clientId);
                request.abortWith(AuthenticationProblems.unauthenticated());
            }
            case ACCOUNT_UNUSABLE -> {
                LOG.fine(() -> "Rejected service account " + clientId + ": disabled or deleted");
                request.abortWith(AuthenticationProblems.forbidden(AuthenticationProblems.ACCOUNT_DISABLED));
            }
            case CREDENTIAL_INACTIVE -> {
                LOG.fine(() -> "Rejected service account " + clientId + ": credential revoked or expired");
                request.abortWith(AuthenticationProblems.forbidden(AuthenticationProblems.CREDENTIAL_INACTIVE));
            }
            case AUTHENTICATED -> admitServiceAccount(request, result.caller());
        }
    }

    private void admitServiceAccount(ContainerRequestContext request, Caller caller) {
        if (!RequestPaths.isV2(servletRequest.getRequestURI())) {
            if (LOG.isLoggable(Level.FINE)) {
                LOG.fine("Rejected service account " + caller.id() + " on a non-v2 route");
            }
            request.abortWith(AuthenticationProblems.forbidden(AuthenticationProblems.V2_ONLY));
            return;
        }
        request.setSecurityContext(new CallerSecurityContext(caller, request.getSecurityContext().isSecure()));
    }

    private void authenticatePortalUser(ContainerRequestContext request, BasicCredentials credentials) {
        Optional<Caller> caller = portalUsers.authenticate(credentials.userId(), credentials.password());
        if (caller.isEmpty()) {
            LOG.fine("Rejected a portal sign-in with a wrong login name or password");
            request.abortWith(AuthenticationProblems.unauthenticated());
            return;
        }
        request.setSecurityContext(new CallerSecurityContext(caller.get(), request.getSecurityContext().isSecure()));
    }
}
