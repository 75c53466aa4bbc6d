package io.warden.user;

import io.warden.auth.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * Reads portal users for authentication. The role is read on every request, so a role change
 * applies to the user's next request.
 */
@ApplicationScoped
public class PortalUserDirectory {

    @PersistenceContext(unitName = "warden")
    EntityManager entityManager;

    public Optional<Caller> callerFor(String loginName) {
        List<PortalUser> found = entityManager.createNamedQuery(PortalUser.BY_LOGIN, PortalUser.class)
                .setParameter("login", loginName)
                .getResultList();
        return found.stream().findFirst().map(user -> Caller.portalUser(user.getId(), user.getLoginName(),
                user.getOrganizationId(), user.getRole()));
    }
}
