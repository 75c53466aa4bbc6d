package io.warden.credential;

import io.warden.auth.Caller;
import io.warden.crypto.EnvelopeCipher;
import io.warden.crypto.EnvelopeException;
import io.warden.crypto.KeyWrapper;
import io.warden.crypto.WrappedKey;
import io.warden.platform.config.WardenConfig;
import io.warden.platform.problem.ProblemException;
import io.warden.webhook.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Rotates the key-encryption key (KEK): creates a new current KEK, re-wraps every stored data key
 * under it, verifies every encrypted secret against its lookup hash and then retires the old KEK.
 *
 * <p>Each batch is its own transaction. Re-wrapping reads and writes only the wrapped data key and
 * KEK id columns, never the lookup hash or the ciphertext. A run that stops half-way leaves the new
 * KEK current and the old one in the keystore. The next run finds that older KEK, keeps the current
 * one as its target and picks up the rows still under another KEK id.
 */
@ApplicationScoped
public class KekRotationService {

    private static final Logger LOG = Logger.getLogger(KekRotationService.class.getName());
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);
    private static final int MAX_LOGGED_FAILURES = 100;

    @PersistenceContext(unitName = "warden")
    EntityManager entityManager;

    @Inject
    KeyWrapper keyWrapper;

    @Inject
    EnvelopeCipher envelopeCipher;

    @Inject
    WardenConfig config;

    /** This bean through its proxy, so that each batch runs in a transaction of its own. */
    @Inject
    KekRotationService self;

    private final ReentrantLock running = new ReentrantLock();

    /** Counts of one batch, and the last credential id it read, after which the next batch starts. */
    public record BatchResult(int rows, long succeeded, long failed, String lastId) {
    }

    /**
     * Runs a rotation, or resumes an unfinished one. Only one run at a time per server: a second
     * call while one is running gets 409.
     */
    public KekRotationResult rotate(Caller caller) {
        if (!running.tryLock()) {
            throw ProblemException.conflict("A KEK rotation is already running on this server. Wait for it to finish "
                    + "(its progress is in the server log), then call again if it did not finish.");
        }
        try {
            return rotateExclusively(caller);
        } finally {
            running.unlock();
        }
    }

    private KekRotationResult rotateExclusively(Caller caller) {
        Set<String> unfinished = keyWrapper.olderKekIds();
        boolean resumed = !unfinished.isEmpty();
        String kekId;
        Set<String> olderKekIds;
        if (resumed) {
            kekId = keyWrapper.currentKekId();
            olderKekIds = unfinished;
            LOG.info(() -> "KEK rotation to " + kekId + " resumed by " + caller.actor() + "; KEKs to retire: "
                    + String.join(", ", olderKekIds));
        } else {
            String previousKekId = keyWrapper.currentKekId();
            kekId = keyWrapper.createKek();
            olderKekIds = Set.of(previousKekId);
            LOG.info(() -> "KEK rotation from " + previousKekId + " to " + kekId + " started by " + caller.actor());
        }

        FailureLog failures = new FailureLog(kekId);
        Tally rewrapping = inBatches("re-wrapped", kekId, afterId -> self.rewrapBatch(kekId, afterId, failures));
        Tally verification = inBatches("verified", kekId, afterId -> self.verifyBatch(kekId, afterId, failures));

        int webhookKeys = self.rewrapWebhookKeys(kekId);
        LOG.info(() -> "KEK rotation to " + kekId + " re-wrapped the data keys of " + webhookKeys
                + " webhook signing secrets");

        List<String> retired = verification.failed == 0 ? retireUnused(olderKekIds) : List.of();
        boolean finished = retired.containsAll(olderKekIds);
        if (finished) {
            LOG.info(() -> "KEK rotation to " + kekId + " finished: " + rewrapping.succeeded + " data keys re-wrapped, "
                    + verification.succeeded + " encrypted secrets verified, retired " + String.join(", ", retired));
        } else {
            LOG.warning(() -> "KEK rotation to " + kekId + " is unfinished: " + verification.failed + " of "
                    + (verification.succeeded + verification.failed) + " encrypted secrets failed verification (see "
                    + "the warnings above), so the old KEK stays in the keystore. Call the operation again to resume.");
        }
        return new KekRotationResult(kekId, finished, resumed, rewrapping.succeeded, verification.succeeded,
                verification.failed, retired);
    }

    /**
     * Re-wraps the data keys of up to one batch of credentials after {@code afterId} that are not
     * under {@code kekId}. A row that another run changed meanwhile is left alone.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public BatchResult rewrapBatch(String kekId, String afterId, FailureLog failures) {
        List<Object[]> rows = entityManager.createNamedQuery(Credential.WRAPPED_KEYS_NOT_UNDER_KEK, Object[].class)
                .setParameter("kekId", kekId)
                .setParameter("afterId", afterId)
                .setMaxResults(config.kekRotationBatchSize())
                .getResultList();

        long rewrapped = 0;
        long failed = 0;
        String lastId = afterId;
        for (Object[] row : rows) {
            String id = (String) row[0];
            String storedKey = (String) row[1];
            String oldKekId = (String) row[2];
            lastId = id;

            WrappedKey replacement;
            try {
                if (storedKey == null) {
                    throw new IllegalArgumentException("the wrapped data key is missing");
                }
                replacement = envelopeCipher.rewrap(new WrappedKey(Base64.getDecoder().decode(storedKey), oldKekId));
            } catch (EnvelopeException | IllegalArgumentException e) {
                failed++;
                failures.log(id, "its data key under KEK " + oldKekId + " could not be re-wrapped", e);
                continue;
            }
            if (!replacement.kekId().equals(kekId)) {
                throw ProblemException.conflict("The current KEK changed from " + kekId + " to " + replacement.kekId()
                        + " while this rotation ran, so another rotation has started. Call the operation again to "
                        + "finish under " + replacement.kekId() + ".");
            }

            int updated = entityManager.createNamedQuery(Credential.REPLACE_WRAPPED_KEY)
                    .setParameter("wrappedDataKey", Base64.getEncoder().encodeToString(replacement.bytes()))
                    .setParameter("newKekId", kekId)
                    .setParameter("id", id)
                    .setParameter("oldKekId", oldKekId)
                    .executeUpdate();
            rewrapped += updated;
        }
        return new BatchResult(rows.size(), rewrapped, failed, lastId);
    }

    /**
     * Decrypts each encrypted secret of up to one batch of credentials after {@code afterId} and
     * compares its SHA-256 with the stored lookup hash. A row not yet under {@code kekId} fails.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public BatchResult verifyBatch(String kekId, String afterId, FailureLog failures) {
        List<Credential> rows = entityManager.createNamedQuery(Credential.ENCRYPTED_AFTER, Credential.class)
                .setParameter("afterId", afterId)
                .setMaxResults(config.kekRotationBatchSize())
                .getResultList();

        long verified = 0;
        long failed = 0;
        String lastId = afterId;
        for (Credential credential : rows) {
            lastId = credential.getId();
            if (!kekId.equals(credential.getKekId())) {
                failed++;
                failures.log(credential.getId(), "it is still under KEK " + credential.getKekId(), null);
                continue;
            }

            byte[] plaintext = null;
            try {
                plaintext = envelopeCipher.decrypt(credential.getEncryptedSecret().orElseThrow(), credential.getId());
                if (ClientSecrets.matchesHash(plaintext, credential.getSecretHash())) {
                    verified++;
                } else {
                    failed++;
                    failures.log(credential.getId(), "its decrypted secret does not match its lookup hash", null);
                }
            } catch (EnvelopeException | IllegalArgumentException e) {
                failed++;
                failures.log(credential.getId(), "its encrypted secret could not be decrypted", e);
            } finally {
                if (plaintext != null) {
                    Arrays.fill(plaintext, (byte) 0);
                }
            }
        }
        return new BatchResult(rows.size(), verified, failed, lastId);
    }

    /**
     * Re-wraps the data keys of all webhook signing secrets that are not under {@code kekId}, in one
     * transaction, because an organization has few webhooks compared with credentials.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int rewrapWebhookKeys(String kekId) {
        List<Webhook> stale = entityManager.createQuery("SELECT w FROM Webhook w WHERE w.kekId <> :kekId",
                Webhook.class)
                .setParameter("kekId", kekId)
                .getResultList();
        for (Webhook webhook : stale) {
            webhook.replaceWrappedKey(envelopeCipher.rewrap(webhook.getEncryptedSecret().dataKey()));
        }
        return stale.size();
    }

    /** Retires each older KEK that no row refers to any more; one that is still used stays. */
    private List<String> retireUnused(Set<String> olderKekIds) {
        List<String> retired = new ArrayList<>();
        for (String oldKekId : new LinkedHashSet<>(olderKekIds)) {
            long stillUsed = entityManager.createNamedQuery(Credential.COUNT_BY_KEK, Long.class)
                    .setParameter("kekId", oldKekId)
                    .getSingleResult()
                    + entityManager.createQuery("SELECT COUNT(w) FROM Webhook w WHERE w.kekId = :kekId", Long.class)
                            .setParameter("kekId", oldKekId)
                            .getSingleResult();
            if (stillUsed > 0) {
                LOG.warning(() -> "KEK " + oldKekId + " is not retired because " + stillUsed + " credentials or "
                        + "webhook secrets still refer to it; they were issued during the rotation. Call the operation again to "
                        + "re-wrap them.");
                continue;
            }
            keyWrapper.retireKek(oldKekId);
            retired.add(oldKekId);
        }
        return retired;
    }

    private Tally inBatches(String verb, String kekId, Function<String, BatchResult> nextBatch) {
        Tally tally = new Tally();
        String afterId = "";
        long lastLogNanos = System.nanoTime();
        while (true) {
            BatchResult batch = nextBatch.apply(afterId);
            if (batch.rows() == 0) {
                break;
            }
            tally.succeeded += batch.succeeded();
            tally.failed += batch.failed();
            afterId = batch.lastId();

            if (System.nanoTime() - lastLogNanos >= PROGRESS_INTERVAL.toNanos()) {
                lastLogNanos = System.nanoTime();
                LOG.info(() -> "KEK rotation to " + kekId + ": " + tally.succeeded + " " + verb + " so far, "
                        + tally.failed + " failed");
            }
        }
        LOG.info(() -> "KEK rotation to " + kekId + ": " + tally.succeeded + " " + verb + ", " + tally.failed
                + " failed");
        return tally;
    }

    /** Running counts of one phase. */
    private static final class Tally {
        long succeeded;
        long failed;
    }

    /**
     * Logs the first failures of a run one by one with the credential id, then only counts them, so
     * a damaged table cannot flood the log. Messages carry ids and reasons, never key material.
     */
    public static final class FailureLog {

        private final String kekId;
        private int logged;

        FailureLog(String kekId) {
            this.kekId = kekId;
        }

        void log(String credentialId, String reason, Exception cause) {
            if (logged >= MAX_LOGGED_FAILURES) {
                return;
            }
            logged++;
            String detail = cause == null ? "" : " (" + cause.getMessage() + ")";
            LOG.warning(() -> "KEK rotation to " + kekId + ": credential " + credentialId + " failed because " + reason
                    + detail);
            if (logged == MAX_LOGGED_FAILURES) {
                LOG.warning(() -> "KEK rotation to " + kekId + ": further failures are counted but not logged");
            }
        }
    }
}
