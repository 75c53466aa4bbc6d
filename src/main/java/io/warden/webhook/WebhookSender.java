package io.warden.webhook;

import io.warden.platform.ServerClock;
import io.warden.platform.persistence.TransientFailures;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends due outbox rows every second. A failed attempt with a network error, 5xx, 408 or 429 is
 * retried after 2, 4, 8 and 16 seconds, so a delivery gets at most {@value #MAX_ATTEMPTS} attempts.
 * Any other status outside 2xx fails it at once.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());
    static final int MAX_ATTEMPTS = 5;
    static final Duration FIRST_RETRY_DELAY = Duration.ofSeconds(2);
    private static final long INTERVAL_MILLIS = 1000;
    private static final int BATCH_SIZE = 20;
    private static final Duration WARNING_INTERVAL = Duration.ofMinutes(1);
    /** Longer than a batch of requests can take, so a claim only expires after a crashed node. */
    private static final Duration CLAIM = Duration.ofMinutes(10);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    WebhookDeliveryStore store;

    @Inject
    WebhookTransport transport;
    private final FailureWarnings failureWarnings = new FailureWarnings(WARNING_INTERVAL);
    private ScheduledFuture<?> task;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        task = scheduler.scheduleWithFixedDelay(this::sendDueSafely, INTERVAL_MILLIS, INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void sendDueSafely() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                LOG.log(Level.WARNING, "Claiming or recording webhook deliveries was rolled back by a lock conflict; "
                        + "the next run retries", e);
            } else {
                LOG.log(Level.SEVERE, "Sending due webhook deliveries failed; they are retried on the next run", e);
            }
        }
    }

    synchronized void sendDue() {
        failureWarnings.prune(ServerClock.now());
        List<WebhookDeliveryStore.ClaimedDelivery> batch = store.claimDue(ServerClock.now(), BATCH_SIZE, CLAIM);
        for (WebhookDeliveryStore.ClaimedDelivery delivery : batch) {
            Instant attemptedAt = ServerClock.now();
            WebhookHttp.Result result = transport.send(delivery.target(), delivery.deliveryId(),
                    delivery.eventType(), delivery.payload());
            Instant retryAt = null;
            if (!result.succeeded() && result.retryable() && delivery.attempt() < MAX_ATTEMPTS) {
                retryAt = ServerClock.now().plus(FIRST_RETRY_DELAY.multipliedBy(1L << (delivery.attempt() - 1)));
            }
            store.recordAttempt(delivery, result, attemptedAt, retryAt);
            if (!result.succeeded()) {
                logFailure(delivery, result, retryAt);
            }
        }
    }

    /** Logs a failed attempt as a warning, at most once a minute per webhook, and otherwise at FINE. */
    private void logFailure(WebhookDeliveryStore.ClaimedDelivery delivery, WebhookHttp.Result result, Instant retryAt) {
        String message = "Webhook delivery " + delivery.deliveryId() + " to webhook " + delivery.webhookId()
                + " failed on attempt " + delivery.attempt() + ": " + result.error()
                + (retryAt == null ? "; no further attempt" : "; retrying at " + retryAt);
        int hidden = failureWarnings.onFailure(delivery.webhookId(), ServerClock.now());
        if (hidden < 0) {
            LOG.fine(message);
        } else if (hidden == 0) {
            LOG.warning(message);
        } else {
            LOG.warning(message + " (" + hidden + " more failed attempts of this webhook were logged at FINE "
                    + "since the last warning)");
        }
    }
}
