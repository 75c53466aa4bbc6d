package io.warden.audit;

import io.warden.platform.ServerClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Writes audit events inside the transaction of the change they record ({@code MANDATORY}), so a
 * change without its event, or an event for a change that rolled back, cannot happen.
 */
@ApplicationScoped
public class AuditTrail {

    /** The actor of changes made by the server's own timers. */
    public static final String SYSTEM_ACTOR = "system";

    @PersistenceContext(unitName = "warden")
    EntityManager entityManager;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AuditEventType type, String organizationId, String serviceAccountId, String credentialId,
            String actor, JsonObject details) {
        entityManager.persist(new AuditEvent(ServerClock.now(), organizationId, serviceAccountId, credentialId, type,
                actor, details.toString()));
        // Written at once, so the database sequence follows the order of the changes in the transaction.
        entityManager.flush();
    }
}
