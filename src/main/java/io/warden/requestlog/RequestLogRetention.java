package io.warden.requestlog;

import io.warden.platform.ServerClock;
import io.warden.platform.config.WardenConfig;
import io.warden.platform.jobs.Batches;
import io.warden.platform.jobs.JobSlots;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Purges request-log entries older than {@code WARDEN_REQUEST_LOG_RETENTION_DAYS}, every hour, in
 * batches of 1000 (one transaction each), once per hour across all nodes.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RequestLogRetention {

    static final String JOB = "request-log-retention";
    private static final Logger LOG = Logger.getLogger(RequestLogRetention.class.getName());
    private static final int BATCH_SIZE = 1000;

    @Inject
    JobSlots slots;

    @Inject
    RequestLogStore store;

    @Inject
    WardenConfig config;

    @Schedule(hour = "*", minute = "17", persistent = false)
    void purge() {
        Instant now = ServerClock.now();
        try {
            if (!slots.claim(JOB, JobSlots.slot(now, Duration.ofHours(1)))) {
                return;
            }
            Instant cutoff = now.minus(config.requestLogRetention());
            long count = Batches.untilShort(BATCH_SIZE, () -> store.purgeOlderThan(cutoff, BATCH_SIZE));
            LOG.info(() -> "Request-log retention deleted " + count + " entries older than " + cutoff);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Request-log retention failed; the next run retries", e);
        }
    }
}
