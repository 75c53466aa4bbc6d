package io.warden.credential;

import io.warden.auth.Caller;
import io.warden.platform.ServerClock;
import io.warden.scope.Scope;
import io.warden.serviceaccount.ServiceAccountChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Issues, lists and revokes the credentials of a service account. Callers check that the account
 * exists in their organization and that they may manage it before calling in here.
 */
@ApplicationScoped
public class CredentialService {

    private static final Logger LOG = Logger.getLogger(CredentialService.class.getName());

    @PersistenceContext(unitName = "warden")
    EntityManager entityManager;

    @Inject
    Event<ServiceAccountChanged> changes;

    /** A newly issued credential together with its secret, which exists nowhere else. */
    public record IssuedCredential(Credential credential, String secret) {
    }

    @Transactional
    public IssuedCredential issue(String serviceAccountId, Set<Scope> scopes, Instant expiresAt, Caller actor) {
        String secret = ClientSecrets.generate();
        Credential credential = new Credential(serviceAccountId, ClientSecrets.prefix(secret), ClientSecrets.hash(secret),
                scopes, expiresAt, actor.actor(), ServerClock.now());
        entityManager.persist(credential);
        LOG.info(() -> "Credential " + credential.getId() + " (prefix " + credential.getSecretPrefix()
                + ") issued to service account " + serviceAccountId + " by " + actor.actor());
        return new IssuedCredential(credential, secret);
    }

    public List<Credential> list(String serviceAccountId) {
        return entityManager.createNamedQuery(Credential.LIST_BY_ACCOUNT, Credential.class)
                .setParameter("accountId", serviceAccountId)
                .getResultList();
    }

    public Optional<Credential> find(String serviceAccountId, String credentialId) {
        Credential credential = credentialId == null ? null : entityManager.find(Credential.class, credentialId);
        if (credential == null || !credential.getServiceAccountId().equals(serviceAccountId)) {
            return Optional.empty();
        }
        return Optional.of(credential);
    }

    /** Revokes the credential; revoking a revoked credential changes nothing. */
    @Transactional
    public Credential revoke(Credential credential, Caller actor) {
        Credential managed = entityManager.merge(credential);
        if (managed.getStoredStatus() != CredentialStatus.REVOKED) {
            managed.revoke(actor.actor(), ServerClock.now());
            changes.fire(new ServiceAccountChanged(managed.getServiceAccountId()));
            LOG.info(() -> "Credential " + managed.getId() + " of service account " + managed.getServiceAccountId()
                    + " revoked by " + actor.actor());
        }
        return managed;
    }

    /** Revokes every active credential of an account that is being deleted. */
    @Transactional
    public void revokeAll(String serviceAccountId, Caller actor) {
        Instant now = ServerClock.now();
        for (Credential credential : list(serviceAccountId)) {
            if (credential.getStoredStatus() == CredentialStatus.ACTIVE) {
                credential.revoke(actor.actor(), now);
            }
        }
    }
}
