package io.warden.credential;

import io.warden.audit.AuditEventType;
import io.warden.audit.AuditTrail;
import io.warden.auth.Caller;
import io.warden.crypto.EnvelopeCipher;
import io.warden.platform.ServerClock;
import io.warden.platform.config.WardenConfig;
import io.warden.scope.Scope;
import io.warden.serviceaccount.ServiceAccount;
import io.warden.serviceaccount.ServiceAccountChanged;
import io.warden.webhook.WebhookEventType;
import io.warden.webhook.WebhookEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
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

    @Inject
    AuditTrail audit;

    @Inject
    WardenConfig config;

    @Inject
    EnvelopeCipher envelopeCipher;

    @Inject
    WebhookEvents webhookEvents;

    /** A newly issued credential together with its secret, which exists nowhere else. */
    public record IssuedCredential(Credential credential, String secret) {
    }

    @Transactional
    public IssuedCredential issue(ServiceAccount account, Set<Scope> scopes, Instant expiresAt, Caller actor) {
        String secret = ClientSecrets.generate();
        Credential credential = new Credential(account.getId(), ClientSecrets.prefix(secret),
                ClientSecrets.hash(secret), scopes, expiresAt, actor.actor(), ServerClock.now());
        if (config.storeEncryptedSecret()) {
            byte[] plaintext = secret.getBytes(StandardCharsets.UTF_8);
            credential.storeEncryptedSecret(envelopeCipher.encrypt(plaintext, credential.getId()));
            Arrays.fill(plaintext, (byte) 0);
        }
        entityManager.persist(credential);

        JsonArrayBuilder scopeNames = Json.createArrayBuilder();
        credential.getScopes().forEach(scope -> scopeNames.add(scope.scopeName()));
        JsonObjectBuilder details = Json.createObjectBuilder()
                .add("secretPrefix", credential.getSecretPrefix())
                .add("scopes", scopeNames);
        if (expiresAt == null) {
            details.addNull("expiresAt");
        } else {
            details.add("expiresAt", expiresAt.toString());
        }
        audit.record(AuditEventType.CREDENTIAL_ISSUED, account.getOrganizationId(), account.getId(),
                credential.getId(), actor.actor(), details.build());
        LOG.info(() -> "Credential " + credential.getId() + " (prefix " + credential.getSecretPrefix()
                + ") issued to service account " + account.getId() + " by " + actor.actor());
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

    /** Revokes the credential; revoking a revoked credential changes nothing and records nothing. */
    @Transactional
    public Credential revoke(ServiceAccount account, Credential credential, Caller actor) {
        Credential managed = entityManager.merge(credential);
        if (managed.getStoredStatus() != CredentialStatus.REVOKED) {
            revoke(account, managed, actor.actor(), "revoked by request");
            changes.fire(new ServiceAccountChanged(managed.getServiceAccountId()));
        }
        return managed;
    }

    /** Revokes every credential of an account that is being deleted that is not revoked yet. */
    @Transactional
    public void revokeAll(ServiceAccount account, Caller actor) {
        for (Credential credential : list(account.getId())) {
            if (credential.getStoredStatus() != CredentialStatus.REVOKED) {
                revoke(account, credential, actor.actor(), "service account deleted");
            }
        }
    }

    /**
     * Marks up to {@code batchSize} active credentials whose expiry is at or before {@code now} as
     * expired, with one audit event each, in one transaction. Returns how many were marked.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int expireDue(Instant now, int batchSize) {
        List<Credential> due = entityManager.createNamedQuery(Credential.DUE_FOR_EXPIRY, Credential.class)
                .setParameter("now", now)
                .setMaxResults(batchSize)
                .getResultList();
        for (Credential credential : due) {
            credential.markExpired();
            ServiceAccount account = entityManager.find(ServiceAccount.class, credential.getServiceAccountId());
            audit.record(AuditEventType.CREDENTIAL_EXPIRED, account.getOrganizationId(), account.getId(),
                    credential.getId(), AuditTrail.SYSTEM_ACTOR, Json.createObjectBuilder()
                            .add("secretPrefix", credential.getSecretPrefix())
                            .add("expiresAt", credential.getExpiresAt().toString())
                            .build());
            changes.fire(new ServiceAccountChanged(account.getId()));
        }
        return due.size();
    }

    private void revoke(ServiceAccount account, Credential credential, String actor, String reason) {
        credential.revoke(actor, ServerClock.now());
        audit.record(AuditEventType.CREDENTIAL_REVOKED, account.getOrganizationId(), account.getId(),
                credential.getId(), actor, Json.createObjectBuilder()
                        .add("secretPrefix", credential.getSecretPrefix())
                        .add("reason", reason)
                        .build());
        webhookEvents.publish(account.getOrganizationId(), WebhookEventType.CREDENTIAL_REVOKED,
                Json.createObjectBuilder()
                        .add("serviceAccountId", account.getId())
                        .add("credentialId", credential.getId())
                        .add("secretPrefix", credential.getSecretPrefix())
                        .add("reason", reason)
                        .add("revokedBy", actor)
                        .build());
        LOG.info(() -> "Credential " + credential.getId() + " of service account " + account.getId() + " revoked by "
                + actor + " (" + reason + ")");
    }
}
