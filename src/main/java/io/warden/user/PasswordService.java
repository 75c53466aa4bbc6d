package io.warden.user;

import io.warden.audit.AuditEventType;
import io.warden.audit.AuditTrail;
import io.warden.auth.Caller;
import io.warden.auth.CallerKind;
import io.warden.platform.ServerClock;
import io.warden.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * Passwords of portal users: generated initial passwords, self-service changes and resets by an
 * admin. Only the container's PBKDF2 hash is stored, and no password reaches a log or audit event.
 * Because portal users send their password with every request, a change applies to the next one.
 */
@ApplicationScoped
public class PasswordService {

    private static final Logger LOG = Logger.getLogger(PasswordService.class.getName());

    /** Random bytes of an initial password: 144 bits, 24 characters of URL-safe Base64. */
    private static final int INITIAL_PASSWORD_BYTES = 18;

    private final SecureRandom random = new SecureRandom();

    @PersistenceContext(unitName = "warden")
    EntityManager entityManager;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Inject
    AuditTrail auditTrail;

    @Inject
    UserService users;

    /** A password set by an admin, returned once. */
    public record Reset(String userId, String loginName, String initialPassword) {

        @Override
        public String toString() {
            return "Reset[userId=" + userId + ", loginName=" + loginName + "]";
        }
    }

    String generateInitialPassword() {
        byte[] bytes = new byte[INITIAL_PASSWORD_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Changes the calling portal user's own password after checking the current one. Service
     * accounts have no password (they rotate credentials) and get 403.
     */
    @Transactional
    public void change(Caller caller, UserRequests.PasswordChange change) {
        if (caller.kind() != CallerKind.USER) {
            throw ProblemException.forbidden("Only portal users have a password; service accounts issue a new "
                    + "credential instead.");
        }
        PortalUser user = entityManager.find(PortalUser.class, caller.id(), LockModeType.PESSIMISTIC_WRITE);
        if (user == null || user.isRemoved()) {
            throw ProblemException.notFound("User " + caller.id() + " was not found.");
        }

        char[] current = change.currentPassword().toCharArray();
        try {
            if (user.getPasswordHash() == null || !passwordHash.verify(current, user.getPasswordHash())) {
                throw ProblemException.invalidField("currentPassword", "does not match your current password");
            }
        } finally {
            Arrays.fill(current, '\0');
        }

        storeHash(user, change.newPassword());
        auditTrail.record(AuditEventType.USER_PASSWORD_CHANGED, user.getOrganizationId(), null, null, caller.actor(),
                UserService.userDetails(user).build());
        LOG.info(() -> "Portal user " + user.getId() + " changed its password");
    }

    /**
     * Replaces a user's password with a generated one that only the returned value contains. The
     * caller must be allowed to manage the user, as for profile changes and removal.
     */
    @Transactional
    public Reset reset(Caller caller, String userId) {
        PortalUser user = users.requireUser(caller, userId);
        RoleGrants.requireManageable(caller, user);
        entityManager.lock(user, LockModeType.PESSIMISTIC_WRITE);

        String initialPassword = generateInitialPassword();
        storeHash(user, initialPassword);
        auditTrail.record(AuditEventType.USER_PASSWORD_RESET, user.getOrganizationId(), null, null, caller.actor(),
                UserService.userDetails(user).build());
        LOG.info(() -> "Reset the password of portal user " + user.getId() + " for " + caller.actor());
        return new Reset(user.getId(), user.getLoginName(), initialPassword);
    }

    private void storeHash(PortalUser user, String password) {
        char[] characters = password.toCharArray();
        try {
            user.changePasswordHash(passwordHash.generate(characters), ServerClock.now());
        } finally {
            Arrays.fill(characters, '\0');
        }
    }
}
