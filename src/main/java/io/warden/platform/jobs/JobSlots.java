package io.warden.platform.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;


/**
 * Makes a scheduled job run once per slot across every node that shares the database. Each node's
 * timer fires, and each tries to move the job's {@code last_slot} forward in one conditional
 * UPDATE; the database lets exactly one of them succeed, and only that node runs the slot.
 */
@ApplicationScoped
public class JobSlots {

    private static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

    @PersistenceContext(unitName = "warden")
    EntityManager entityManager;

    /**
     * Returns the slot of a job that runs every {@code period}: the number of whole periods since
     * the epoch at fire time. Nodes whose timers fire in the same period compute the same slot.
     */
    public static long slot(Instant fireTime, Duration period) {
        return fireTime.getEpochSecond() / period.getSeconds();
    }

    /** Claims the slot for this node; returns false if another node already claimed it (or a later one). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claim(String job, long slot) {
        int updated = entityManager.createNativeQuery(
                        "UPDATE job_slot SET last_slot = ?, run_by = ? WHERE name = ? AND last_slot < ?")
                .setParameter(1, slot)
                .setParameter(2, NODE)
                .setParameter(3, job)
                .setParameter(4, slot)
                .executeUpdate();
        return updated == 1;
    }
}
