package io.warden.webhook;

import io.warden.platform.ServerClock;
import io.warden.platform.persistence.TransientFailures;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends due outbox rows every second. A failed attempt with a network error, 5xx, 408 or 429 is
 * retried after 2, 4, 8 and 16 seconds, so a delivery gets at most {@value #MAX_ATTEMPTS} attempts.
 * Any other status outside 2xx fails it at once.
 *
 * <p>When the application stops, the sender finishes the attempt in progress, records it, and
 * leaves every other delivery pending in the outbox for the next start or another node.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());
    static final int MAX_ATTEMPTS = 5;
    static final Duration FIRST_RETRY_DELAY = Duration.ofSeconds(2);
    private static final long INTERVAL_MILLIS = 1000;
    /** Maximum attempts per run, so that a long outbox does not keep one run going indefinitely. */
    static final int BATCH_SIZE = 20;
    /**
     * Longer than one attempt can take (connect and request timeout) plus recording it, so a claim
     * only expires after its node crashed or was stopped in the middle of an attempt.
     */
    static final Duration CLAIM = Duration.ofMinutes(1);
    private static final Duration WARNING_INTERVAL = Duration.ofMinutes(1);
    /** How long a stopping application waits for the attempt in progress. */
    private static final Duration STOP_WAIT = WebhookHttp.CONNECT_TIMEOUT.plus(WebhookHttp.REQUEST_TIMEOUT)
            .plusSeconds(5);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    WebhookDeliveryStore store;

    @Inject
    WebhookTransport transport;

    private final FailureWarnings failureWarnings = new FailureWarnings(WARNING_INTERVAL);
    /** Held by the run in progress, so that stopping can wait for its attempt to be recorded. */
    private final ReentrantLock running = new ReentrantLock();
    private volatile boolean stopping;
    private ScheduledFuture<?> task;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        task = scheduler.scheduleWithFixedDelay(this::sendDueSafely, INTERVAL_MILLIS, INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Stops sending while the database is still open. In Open Liberty 26.0.0.5 this event comes
     * before the EJB module and its persistence unit stop. {@code @PreDestroy} alone comes too late,
     * because a run that started after the persistence unit had closed failed.
     */
    void stopBeforeShutdown(@Observes @BeforeDestroyed(ApplicationScoped.class) Object applicationStopping) {
        stop();
    }

    /**
     * Cancels the schedule, ends the current run after its attempt in progress, and waits up to
     * {@link #STOP_WAIT} for that attempt to be recorded. Calls after the first return at once.
     */
    @PreDestroy
    synchronized void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        if (task != null) {
            task.cancel(false);
        }
        boolean finished;
        try {
            finished = running.tryLock(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        if (finished) {
            running.unlock();
            LOG.info("Webhook sender stopped; pending deliveries stay in the outbox");
        } else {
            LOG.warning(() -> "Webhook sender still had an attempt in progress after " + STOP_WAIT.toSeconds()
                    + " s; if it is not recorded, its delivery is sent again after its claim of " + CLAIM.toSeconds()
                    + " s expires");
        }
    }

    private void sendDueSafely() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            if (stopping) {
                LOG.log(Level.INFO, "Webhook sender run ended by the application stop; pending deliveries stay in "
                        + "the outbox", e);
            } else if (TransientFailures.isTransient(e)) {
                LOG.log(Level.WARNING, "Claiming or recording a webhook delivery was rolled back by a lock conflict; "
                        + "the next run retries", e);
            } else {
                LOG.log(Level.SEVERE, "Sending due webhook deliveries failed; they are retried on the next run", e);
            }
        }
    }

    /**
     * Claims, sends and records due deliveries one at a time, up to {@link #BATCH_SIZE}, and stops
     * before the next one when the application is stopping.
     */
    void sendDue() {
        running.lock();
        try {
            failureWarnings.prune(ServerClock.now());
            for (int sent = 0; sent < BATCH_SIZE && !stopping; sent++) {
                Optional<WebhookDeliveryStore.ClaimedDelivery> claimed = store.claimNext(ServerClock.now(), BATCH_SIZE,
                        CLAIM);
                if (claimed.isEmpty()) {
                    return;
                }
                send(claimed.get());
            }
        } finally {
            running.unlock();
        }
    }

    /** Sends one attempt of a claimed delivery and records its outcome and any retry. */
    private void send(WebhookDeliveryStore.ClaimedDelivery delivery) {
        Instant attemptedAt = ServerClock.now();
        WebhookHttp.Result result = transport.send(delivery.target(), delivery.deliveryId(), delivery.eventType(),
                delivery.payload());
        Instant retryAt = null;
        if (!result.succeeded() && result.retryable() && delivery.attempt() < MAX_ATTEMPTS) {
            retryAt = ServerClock.now().plus(FIRST_RETRY_DELAY.multipliedBy(1L << (delivery.attempt() - 1)));
        }
        store.recordAttempt(delivery, result, attemptedAt, retryAt);
        if (!result.succeeded()) {
            logFailure(delivery, result, retryAt);
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
