package io.warden.requestlog;

import io.warden.serviceaccount.ServiceAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Writes batches of request-log records and last-use times, one transaction per batch. */
@ApplicationScoped
public class RequestLogStore {

    private static final String UNKNOWN = "";

    @PersistenceContext(unitName = "warden")
    EntityManager entityManager;

    /** Organization of each account seen; an account never changes organization. */
    private final Map<String, String> organizationOfAccount = new ConcurrentHashMap<>();

    /** Inserts the records; records whose Client ID names no account are skipped. Returns how many were written. */
    @Transactional
    public int insert(List<RequestRecord> records) {
        int written = 0;
        for (RequestRecord record : records) {
            String organizationId = organizationOf(record.clientId());
            if (organizationId.equals(UNKNOWN)) {
                continue;
            }
            entityManager.createNativeQuery("INSERT INTO request_log (id, occurred_at, organization_id, "
                            + "service_account_id, credential_id, secret_prefix, http_method, path, status, latency_ms, "
                            + "source_ip) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .setParameter(1, record.id())
                    .setParameter(2, record.occurredAt().toEpochMilli())
                    .setParameter(3, organizationId)
                    .setParameter(4, record.clientId())
                    .setParameter(5, record.credentialId())
                    .setParameter(6, record.secretPrefix())
                    .setParameter(7, record.httpMethod())
                    .setParameter(8, record.path())
                    .setParameter(9, record.status())
                    .setParameter(10, record.latencyMs())
                    .setParameter(11, record.sourceIp())
                    .executeUpdate();
            written++;
        }
        return written;
    }

    /** Moves each credential's last-use time forward; an older time never overwrites a newer one. */
    @Transactional
    public void updateLastUses(Map<String, Instant> lastUses) {
        for (Map.Entry<String, Instant> use : lastUses.entrySet()) {
            long usedAt = use.getValue().toEpochMilli();
            entityManager.createNativeQuery("UPDATE credential SET last_used_at = ? WHERE id = ? "
                            + "AND (last_used_at IS NULL OR last_used_at < ?)")
                    .setParameter(1, usedAt)
                    .setParameter(2, use.getKey())
                    .setParameter(3, usedAt)
                    .executeUpdate();
        }
    }

    /** Deletes up to {@code batchSize} entries older than the cutoff; returns how many were deleted. */
    @Transactional
    public int purgeOlderThan(Instant cutoff, int batchSize) {
        // JPQL rather than a native query: a row limit on a native query fails through Derby's
        // network client ("Invalid cursor name"), which a second node on the embedded database uses.
        List<String> ids = entityManager.createQuery("SELECT e.id FROM RequestLogEntry e WHERE e.occurredAt < :cutoff",
                        String.class)
                .setParameter("cutoff", cutoff)
                .setMaxResults(batchSize)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        return entityManager.createQuery("DELETE FROM RequestLogEntry e WHERE e.id IN :ids")
                .setParameter("ids", ids)
                .executeUpdate();
    }

    /** Returns the account's organization, or an empty string for an unknown Client ID (not remembered). */
    private String organizationOf(String clientId) {
        String known = organizationOfAccount.get(clientId);
        if (known != null) {
            return known;
        }
        ServiceAccount account = entityManager.find(ServiceAccount.class, clientId);
        if (account == null) {
            return UNKNOWN;
        }
        organizationOfAccount.put(clientId, account.getOrganizationId());
        return account.getOrganizationId();
    }
}
