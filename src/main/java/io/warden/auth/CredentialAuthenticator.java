package io.warden.auth;

import io.warden.credential.Credential;
import io.warden.credential.CredentialStatus;
import io.warden.credential.ClientSecrets;
import io.warden.platform.config.WardenConfig;
import io.warden.serviceaccount.ServiceAccount;
import io.warden.serviceaccount.ServiceAccountChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Verifies a Client ID and Client Secret pair.
 *
 * <p>The secret is hashed with SHA-256 and looked up by that hash (a unique index), so the cost is
 * one hash and one indexed read whatever the number of credentials. The credential found must
 * belong to the Client ID, compared with {@link MessageDigest#isEqual}. Only after the secret is
 * verified are the account and credential states looked at: a caller that does not hold the
 * secret learns nothing about them.
 *
 * <p>Verified lookups are kept in memory for {@link WardenConfig#credentialCacheTtl()}; a change
 * made on this node evicts the entries at once, and other nodes read the database again within
 * that time.
 */
@ApplicationScoped
public class CredentialAuthenticator {

    private static final int MAX_CACHE_ENTRIES = 100_000;

    @PersistenceContext(unitName = "warden")
    EntityManager entityManager;

    @Inject
    WardenConfig config;

    private final Map<String, CredentialSnapshot> cache = new ConcurrentHashMap<>();

    /**
     * Counts evictions. A lookup that started before an eviction may have read the old state, so
     * it caches its result only if no eviction happened in between.
     */
    private final AtomicLong evictions = new AtomicLong();
    private final Clock clock = Clock.systemUTC();

    /** Outcome of verifying a pair, in the order the checks run. */
    public enum Outcome { UNAUTHENTICATED, ACCOUNT_UNUSABLE, CREDENTIAL_INACTIVE, AUTHENTICATED }

    /**
     * The outcome; once the secret is verified, also the credential, and when authenticated the
     * caller it stands for.
     */
    public record Result(Outcome outcome, Caller caller, String credentialId, String secretPrefix) {

        static Result unauthenticated() {
            return new Result(Outcome.UNAUTHENTICATED, null, null, null);
        }

        static Result of(Outcome outcome, CredentialSnapshot snapshot) {
            Caller caller = outcome == Outcome.AUTHENTICATED ? snapshot.caller() : null;
            return new Result(outcome, caller, snapshot.credentialId(), snapshot.secretPrefix());
        }
    }

    public Result authenticate(String clientId, String secret) {
        CredentialSnapshot snapshot = find(ClientSecrets.hash(secret));

        boolean pairMatches = snapshot != null && MessageDigest.isEqual(
                snapshot.clientId().getBytes(StandardCharsets.UTF_8), clientId.getBytes(StandardCharsets.UTF_8));
        if (!pairMatches) {
            return Result.unauthenticated();
        }

        if (!snapshot.accountUsable()) {
            return Result.of(Outcome.ACCOUNT_UNUSABLE, snapshot);
        }
        Instant now = clock.instant();
        if (snapshot.storedStatus() != CredentialStatus.ACTIVE
                || CredentialStatus.isExpired(snapshot.expiresAt(), now)) {
            return Result.of(Outcome.CREDENTIAL_INACTIVE, snapshot);
        }
        return Result.of(Outcome.AUTHENTICATED, snapshot);
    }

    /**
     * Forgets every cached credential of a changed account once the change is committed, so the
     * account's next request on this node reads the new state.
     */
    void evictAccount(@Observes(during = TransactionPhase.AFTER_SUCCESS) ServiceAccountChanged change) {
        evictions.incrementAndGet();
        cache.values().removeIf(snapshot -> snapshot.clientId().equals(change.serviceAccountId()));
    }

    private CredentialSnapshot find(String secretHash) {
        long now = System.nanoTime();
        long ttlNanos = config.credentialCacheTtl().toNanos();
        CredentialSnapshot cached = cache.get(secretHash);
        if (cached != null && now - cached.loadedAtNanos() < ttlNanos) {
            return cached;
        }

        long evictionsBefore = evictions.get();
        CredentialSnapshot loaded = load(secretHash, now);
        if (loaded == null) {
            cache.remove(secretHash);
            return null;
        }
        if (ttlNanos > 0 && evictions.get() == evictionsBefore) {
            if (cache.size() >= MAX_CACHE_ENTRIES) {
                cache.values().removeIf(snapshot -> now - snapshot.loadedAtNanos() >= ttlNanos);
            }
            cache.put(secretHash, loaded);
        }
        return loaded;
    }

    private CredentialSnapshot load(String secretHash, long loadedAtNanos) {
        List<Credential> found = entityManager.createNamedQuery(Credential.BY_SECRET_HASH, Credential.class)
                .setParameter("hash", secretHash)
                .getResultList();
        if (found.isEmpty()) {
            return null;
        }
        Credential credential = found.get(0);
        ServiceAccount account = entityManager.find(ServiceAccount.class, credential.getServiceAccountId());
        return CredentialSnapshot.of(credential, account, loadedAtNanos);
    }
}
