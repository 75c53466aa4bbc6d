package io.warden.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;

/**
 * Signs portal users in through Jakarta Security: HTTP Basic with a login name checked against
 * the identity store ({@link io.warden.user.PortalIdentityStore}).
 *
 * <p>Service accounts use HTTP Basic too, with a UUID Client ID as the user id; those requests
 * are left alone here and authenticated by {@link AuthenticationFilter}. A failed portal sign-in
 * is also left to that filter, so every 401 of the API has the same body.
 */
@ApplicationScoped
public class PortalAuthenticationMechanism implements HttpAuthenticationMechanism {

    @Inject
    IdentityStoreHandler identityStoreHandler;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Optional<BasicCredentials> credentials = BasicCredentials.parse(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (credentials.isEmpty() || ClientIds.isClientId(credentials.get().userId())) {
            return context.doNothing();
        }

        CredentialValidationResult result = identityStoreHandler.validate(
                new UsernamePasswordCredential(credentials.get().userId(), credentials.get().password()));
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            return context.notifyContainerAboutLogin(result);
        }
        return context.doNothing();
    }
}
