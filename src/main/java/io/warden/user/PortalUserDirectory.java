package io.warden.user;

import io.warden.auth.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import java.util.List;
import java.util.Optional;

/**
 * Signs portal users in. The login name and password are validated by the container's Jakarta
 * Security identity store handler, which consults {@link PortalIdentityStore}. The role is read on
 * every request, so a role change applies to the user's next request.
 */
@ApplicationScoped
public class PortalUserDirectory {

    @PersistenceContext(unitName = "warden")
    EntityManager entityManager;

    @Inject
    IdentityStoreHandler identityStoreHandler;

    /** Returns the caller for a valid login name and password, or empty for any failure. */
    public Optional<Caller> authenticate(String loginName, String password) {
        CredentialValidationResult result =
                identityStoreHandler.validate(new UsernamePasswordCredential(loginName, password));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return Optional.empty();
        }
        List<PortalUser> found = entityManager.createNamedQuery(PortalUser.BY_LOGIN, PortalUser.class)
                .setParameter("login", result.getCallerPrincipal().getName())
                .getResultList();
        return found.stream().findFirst().map(user -> Caller.portalUser(user.getId(), user.getLoginName(),
                user.getOrganizationId(), user.getRole(), user.getWorkspaceAccess()));
    }
}
