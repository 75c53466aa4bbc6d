package io.warden.credential;

import io.warden.serviceaccount.ServiceAccount;
import io.warden.webhook.WebhookEventType;
import io.warden.webhook.WebhookEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Publishes {@code credential.expiring} webhook events before credentials expire, once per
 * credential and lead time. Each notice handled is a row of {@code credential_expiry_notice},
 * inserted in the transaction that publishes the event, so the primary key of that table keeps a
 * second node or a later run from sending the same notice again.
 *
 * <p>NOTE: if a slow run overlaps the next slot's run on another node, both may pick the same
 * credential. The second insert then violates the primary key and its batch rolls back, so no
 * notice goes out twice, but the sweep logs that rollback as a SEVERE failure.
 *
 * <p>Only active credentials of enabled, not deleted accounts get notices. A disabled account's
 * credentials are skipped while it is disabled. Once it is enabled again, the next run sends the
 * notice of the lead time that each credential is then inside.
 */
@ApplicationScoped
public class CredentialExpiryNotices {

    private static final Logger LOG = Logger.getLogger(CredentialExpiryNotices.class.getName());

    @PersistenceContext(unitName = "warden")
    EntityManager entityManager;

    @Inject
    WebhookEvents webhookEvents;

    /** How many credentials a batch recorded lead times for and how many notices it published. */
    public record Batch(int credentials, int notices) {
    }

    /**
     * Handles up to {@code batchSize} credentials that are inside a lead time not yet recorded for
     * them, in one transaction: publishes the due notice, if any, and records the lead times.
     *
     * @param leadDays the configured lead times in days
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Batch sendDue(Instant now, List<Integer> leadDays, int batchSize) {
        if (leadDays.isEmpty()) {
            return new Batch(0, 0);
        }
        List<String> credentialIds = selectCandidates(now, leadDays, batchSize);
        int handled = 0;
        int notices = 0;
        for (String credentialId : credentialIds) {
            Credential credential = entityManager.find(Credential.class, credentialId);
            ExpiryNoticeDecision decision = ExpiryNoticeDecision.decide(leadDays, credential.getExpiresAt(), now,
                    recordedLeadDays(credentialId));
            if (decision.isNothingDue()) {
                continue;
            }
            handled++;

            if (decision.leadDays().isPresent()) {
                publish(credential, decision.leadDays().get());
                notices++;
            }
            for (int days : decision.leadDaysToRecord()) {
                record(credentialId, days, decision.leadDays().filter(sent -> sent == days).isPresent(), now);
            }
        }
        return new Batch(handled, notices);
    }

    /**
     * Selects active credentials of enabled, not deleted accounts that expire after {@code now} and
     * are inside at least one lead time without a recorded notice, soonest expiry first.
     */
    private List<String> selectCandidates(Instant now, List<Integer> leadDays, int batchSize) {
        StringBuilder sql = new StringBuilder("SELECT c.id FROM credential c JOIN service_account a "
                + "ON a.id = c.service_account_id WHERE c.status = ? AND a.enabled = ? AND a.deleted_at IS NULL "
                + "AND c.expires_at > ? AND (");
        for (int i = 0; i < leadDays.size(); i++) {
            if (i > 0) {
                sql.append(" OR ");
            }
            sql.append("(c.expires_at <= ? AND NOT EXISTS (SELECT 1 FROM credential_expiry_notice n "
                    + "WHERE n.credential_id = c.id AND n.lead_days = ?))");
        }
        // The row limit is part of the SQL because Query.setMaxResults on a native query becomes JDBC
        // setMaxRows, and Liberty's statement cleanup after setMaxRows fails on the Derby network client.
        sql.append(") ORDER BY c.expires_at, c.id FETCH FIRST ? ROWS ONLY");

        Query query = entityManager.createNativeQuery(sql.toString())
                .setParameter(1, CredentialStatus.ACTIVE.name())
                .setParameter(2, true)
                .setParameter(3, now.toEpochMilli());
        int position = 4;
        for (int days : leadDays) {
            query.setParameter(position++, now.plus(Duration.ofDays(days)).toEpochMilli());
            query.setParameter(position++, days);
        }
        query.setParameter(position, batchSize);
        return query.getResultList().stream().map(String.class::cast).toList();
    }

    private Set<Integer> recordedLeadDays(String credentialId) {
        List<?> rows = entityManager.createNativeQuery(
                        "SELECT lead_days FROM credential_expiry_notice WHERE credential_id = ?")
                .setParameter(1, credentialId)
                .getResultList();
        Set<Integer> recorded = new HashSet<>();
        for (Object days : rows) {
            recorded.add(((Number) days).intValue());
        }
        return recorded;
    }

    private void publish(Credential credential, int leadDays) {
        ServiceAccount account = entityManager.find(ServiceAccount.class, credential.getServiceAccountId());
        webhookEvents.publish(account.getOrganizationId(), WebhookEventType.CREDENTIAL_EXPIRING,
                Json.createObjectBuilder()
                        .add("serviceAccountId", account.getId())
                        .add("serviceAccountName", account.getName())
                        .add("credentialId", credential.getId())
                        .add("secretPrefix", credential.getSecretPrefix())
                        .add("expiresAt", credential.getExpiresAt().toString())
                        .add("daysBefore", leadDays)
                        .build());
        LOG.fine(() -> "Published the " + leadDays + "-day expiry notice of credential " + credential.getId()
                + " (prefix " + credential.getSecretPrefix() + ") of service account " + account.getId());
    }

    private void record(String credentialId, int leadDays, boolean sent, Instant now) {
        entityManager.createNativeQuery("INSERT INTO credential_expiry_notice (credential_id, lead_days, "
                        + "recorded_at, sent) VALUES (?, ?, ?, ?)")
                .setParameter(1, credentialId)
                .setParameter(2, leadDays)
                .setParameter(3, now.toEpochMilli())
                .setParameter(4, sent)
                .executeUpdate();
    }
}
