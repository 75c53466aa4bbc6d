package io.warden.user;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Jakarta Security identity store of portal users, backed by the {@code portal_user} table.
 * Passwords are checked with the container's built-in {@link Pbkdf2PasswordHash}. An unknown login
 * name is checked against a dummy hash, so it costs the same time as a wrong password.
 */
@ApplicationScoped
public class PortalIdentityStore implements IdentityStore {

    @PersistenceContext(unitName = "warden")
    EntityManager entityManager;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    private String dummyHash;

    @PostConstruct
    void prepareDummyHash() {
        dummyHash = passwordHash.generate("not-a-password-of-any-user".toCharArray());
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential usernamePassword)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }

        List<PortalUser> found = entityManager.createNamedQuery(PortalUser.BY_LOGIN, PortalUser.class)
                .setParameter("login", usernamePassword.getCaller())
                .getResultList();
        PortalUser user = found.isEmpty() ? null : found.get(0);
        String storedHash = user == null || user.getPasswordHash() == null ? dummyHash : user.getPasswordHash();

        boolean matches = passwordHash.verify(usernamePassword.getPassword().getValue(), storedHash);
        if (user == null || user.getPasswordHash() == null || !matches) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(user.getLoginName(), Set.of(user.getRole().name()));
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.VALIDATE);
    }
}
