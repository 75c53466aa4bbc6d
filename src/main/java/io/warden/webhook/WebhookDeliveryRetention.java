package io.warden.webhook;

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
 * Purges webhook delivery-log rows and finished outbox rows older than
 * {@code WARDEN_WEBHOOK_DELIVERY_RETENTION_DAYS}, every hour, in batches of 1000 (one transaction
 * each), once per hour across all nodes. Pending deliveries stay until they are sent or fail.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookDeliveryRetention {

    static final String JOB = "webhook-delivery-retention";
    private static final Logger LOG = Logger.getLogger(WebhookDeliveryRetention.class.getName());
    private static final int BATCH_SIZE = 1000;

    @Inject
    JobSlots slots;

    @Inject
    WebhookDeliveryPurge purge;

    @Inject
    WardenConfig config;

    // Half an hour after the request-log retention job, so that the two purges do not start together.
    @Schedule(hour = "*", minute = "47", persistent = false)
    void purge() {
        Instant now = ServerClock.now();
        try {
            if (!slots.claim(JOB, JobSlots.slot(now, Duration.ofHours(1)))) {
                return;
            }
            Instant cutoff = now.minus(config.webhookDeliveryRetention());

            long logRows = Batches.untilShort(BATCH_SIZE, () -> purge.purgeLogBatch(cutoff, BATCH_SIZE));
            long deliveries = Batches.untilShort(BATCH_SIZE, () -> purge.purgeDeliveryBatch(cutoff, BATCH_SIZE));
            LOG.info(() -> "Webhook delivery retention deleted " + logRows + " delivery-log rows and "
                    + deliveries + " finished deliveries older than " + cutoff);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Webhook delivery retention failed; the next run retries", e);
        }
    }
}
