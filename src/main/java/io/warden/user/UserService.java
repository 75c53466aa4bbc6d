package io.warden.user;

import io.warden.audit.AuditEventType;
import io.warden.audit.AuditTrail;
import io.warden.auth.Caller;
import io.warden.organization.Organization;
import io.warden.platform.ServerClock;
import io.warden.platform.paging.ContinuationTokens;
import io.warden.platform.paging.KeyPage;
import io.warden.platform.paging.TimePage;
import io.warden.platform.problem.FieldError;
import io.warden.platform.problem.ProblemException;
import io.warden.serviceaccount.WorkspaceAccess;
import io.warden.workspace.WorkspaceService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * Lists, adds, changes and removes the portal users of the caller's organization. Users of other
 * organizations and removed users are not found (404). Service accounts are a separate table and
 * never appear here.
 */
@ApplicationScoped
public class UserService {

    private static final Logger LOG = Logger.getLogger(UserService.class.getName());

    @PersistenceContext(unitName = "warden")
    EntityManager entityManager;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Inject
    PasswordService passwords;

    @Inject
    WorkspaceService workspaces;

    @Inject
    AuditTrail auditTrail;

    @Inject
    ContinuationTokens tokens;

    /** Lists the organization's users by login name. */
    public TimePage.Page<UserView> list(Caller caller, KeyPage page) {
        TimePage.Query query = new TimePage.Query("SELECT e FROM PortalUser e WHERE e.deletedAt IS NULL "
                + "AND e.organizationId = :organizationId", "organizationId", caller.organizationId());
        KeyPage.Order<PortalUser> order =
                new KeyPage.Order<>("loginName", PortalUser::getLoginName, "id", PortalUser::getId);
        return page.run(entityManager, PortalUser.class, query, order, caller, "users",
                Json.createObjectBuilder().build(), UserView::of, tokens);
    }

    public UserView get(Caller caller, String userId) {
        return UserView.of(requireUser(caller, userId));
    }

    /**
     * Adds a user with a generated initial password, which only the returned view contains. The
     * database keeps its PBKDF2 hash.
     */
    @Transactional
    public UserView.Created add(Caller caller, UserRequests.NewUser request) {
        RoleGrants.requireAssignable(caller, request.role());
        WorkspaceAccess access = grantableAccess(caller, request.workspaceAccess());
        boolean loginNameTaken = !entityManager.createNamedQuery(PortalUser.BY_LOGIN, PortalUser.class)
                .setParameter("login", request.loginName())
                .getResultList().isEmpty();
        if (loginNameTaken) {
            throw new ProblemException(409, "Conflict", "The login name " + request.loginName()
                    + " is already taken; choose another one.",
                    List.of(new FieldError("loginName", "is already taken")));
        }

        String initialPassword = passwords.generateInitialPassword();
        PortalUser user = new PortalUser(caller.organizationId(), request.loginName(), request.displayName(),
                request.role(), passwordHash.generate(initialPassword.toCharArray()), ServerClock.now());
        user.setEmail(request.email());
        user.setWorkspaceAccess(access);
        entityManager.persist(user);

        auditTrail.record(AuditEventType.USER_ADDED, caller.organizationId(), null, null, caller.actor(),
                userDetails(user).add("role", user.getRole().name()).add("workspaceAccess", access.toJson()).build());
        LOG.info(() -> "Added portal user " + user.getId() + " with role " + user.getRole() + " for " + caller.actor());
        return UserView.Created.of(user, initialPassword);
    }

    /** Changes the display name, email or workspace access. The audit event lists the changed fields. */
    @Transactional
    public UserView update(Caller caller, String userId, UserRequests.ProfileChange change) {
        PortalUser user = requireUser(caller, userId);
        RoleGrants.requireManageable(caller, user);

        JsonObjectBuilder changed = Json.createObjectBuilder();
        if (change.displayName().isPresent() && !change.displayName().get().equals(user.getDisplayName())) {
            user.setDisplayName(change.displayName().get());
            changed.add("displayName", change.displayName().get());
        }
        if (change.emailPresent() && !Objects.equals(change.email(), user.getEmail())) {
            user.setEmail(change.email());
            if (change.email() == null) {
                changed.addNull("email");
            } else {
                changed.add("email", change.email());
            }
        }

        if (change.workspaceAccess().isPresent()) {
            WorkspaceAccess access = grantableAccess(caller, change.workspaceAccess().get());
            if (!access.equals(user.getWorkspaceAccess())) {
                user.setWorkspaceAccess(access);
                changed.add("workspaceAccess", access.toJson());
            }
        }

        JsonObject changedFields = changed.build();
        if (!changedFields.isEmpty()) {
            user.markUpdated(ServerClock.now());
            auditTrail.record(AuditEventType.USER_UPDATED, caller.organizationId(), null, null, caller.actor(),
                    userDetails(user).add("changed", changedFields).build());
            LOG.info(() -> "Updated portal user " + user.getId() + " for " + caller.actor());
        }
        return UserView.of(user);
    }

    /**
     * Assigns a role. The user's next request already carries the new role's scopes, because the
     * authentication filter reads the role on every request.
     */
    @Transactional
    public UserView changeRole(Caller caller, String userId, OrganizationRole role) {
        lockOrganization(caller);
        PortalUser user = requireUser(caller, userId);
        RoleGrants.requireManageable(caller, user);
        RoleGrants.requireAssignable(caller, role);
        if (user.getRole() == role) {
            return UserView.of(user);
        }
        if (user.getRole() == OrganizationRole.ORGANIZATION_ADMIN) {
            requireAnotherAdmin(caller, user, "demoted");
        }

        OrganizationRole previous = user.getRole();
        user.setRole(role);
        user.markUpdated(ServerClock.now());
        auditTrail.record(AuditEventType.USER_ROLE_CHANGED, caller.organizationId(), null, null, caller.actor(),
                userDetails(user).add("previousRole", previous.name()).add("role", role.name()).build());
        LOG.info(() -> "Changed the role of portal user " + user.getId() + " from " + previous + " to " + role
                + " for " + caller.actor());
        return UserView.of(user);
    }

    /**
     * Removes a user softly: the row stays for the audit trail and incident history, the user
     * disappears from the API and its next request gets 401.
     */
    @Transactional
    public void remove(Caller caller, String userId) {
        lockOrganization(caller);
        PortalUser user = requireUser(caller, userId);
        RoleGrants.requireManageable(caller, user);
        if (user.getRole() == OrganizationRole.ORGANIZATION_ADMIN) {
            requireAnotherAdmin(caller, user, "removed");
        }

        user.markRemoved(ServerClock.now());
        auditTrail.record(AuditEventType.USER_REMOVED, caller.organizationId(), null, null, caller.actor(),
                userDetails(user).add("role", user.getRole().name()).build());
        LOG.info(() -> "Removed portal user " + user.getId() + " for " + caller.actor());
    }

    /**
     * Serializes the role changes and removals of one organization, so two concurrent demotions
     * cannot both see another admin and leave the organization without one.
     */
    private void lockOrganization(Caller caller) {
        entityManager.find(Organization.class, caller.organizationId(), LockModeType.PESSIMISTIC_WRITE);
    }

    private void requireAnotherAdmin(Caller caller, PortalUser user, String action) {
        long admins = entityManager.createNamedQuery(PortalUser.COUNT_WITH_ROLE, Long.class)
                .setParameter("organizationId", caller.organizationId())
                .setParameter("role", OrganizationRole.ORGANIZATION_ADMIN)
                .getSingleResult();
        if (admins <= 1) {
            throw ProblemException.conflict("User " + user.getId() + " is the last Organization Admin and cannot be "
                    + action + "; make another user ORGANIZATION_ADMIN first.");
        }
    }

    PortalUser requireUser(Caller caller, String userId) {
        PortalUser user = userId == null ? null : entityManager.find(PortalUser.class, userId);
        if (user == null || user.isRemoved() || !user.getOrganizationId().equals(caller.organizationId())) {
            throw ProblemException.notFound("User " + userId + " was not found.");
        }
        return user;
    }

    private WorkspaceAccess grantableAccess(Caller caller, UserRequests.AccessRequest request) {
        return workspaces.validateGrant(caller, request.allWorkspaces(), request.workspaceIds());
    }

    static JsonObjectBuilder userDetails(PortalUser user) {
        return Json.createObjectBuilder().add("userId", user.getId()).add("loginName", user.getLoginName());
    }
}
