package io.warden.webhook;

import io.warden.crypto.EnvelopeCipher;
import io.warden.crypto.EnvelopeException;
import io.warden.platform.ServerClock;
import io.warden.platform.config.WardenConfig;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
    /** Longer than a batch of requests can take, so a claim only expires after a crashed node. */
    private static final Duration CLAIM = Duration.ofMinutes(10);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    WebhookDeliveryStore store;

    @Inject
    EnvelopeCipher envelopeCipher;

    @Inject
    WardenConfig config;

    private final WebhookHttp http = new WebhookHttp();
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
            LOG.log(Level.SEVERE, "Sending due webhook deliveries failed; they are retried on the next run", e);
        }
    }

    synchronized void sendDue() {
        List<WebhookDeliveryStore.ClaimedDelivery> batch = store.claimDue(ServerClock.now(), BATCH_SIZE, CLAIM);
        for (WebhookDeliveryStore.ClaimedDelivery delivery : batch) {
            Instant attemptedAt = ServerClock.now();
            WebhookHttp.Result result = attempt(delivery);
            Instant retryAt = null;
            if (!result.succeeded() && result.retryable() && delivery.attempt() < MAX_ATTEMPTS) {
                retryAt = ServerClock.now().plus(FIRST_RETRY_DELAY.multipliedBy(1L << (delivery.attempt() - 1)));
            }
            store.recordAttempt(delivery, result, attemptedAt, retryAt);
            if (!result.succeeded()) {
                Instant nextAttempt = retryAt;
                LOG.warning(() -> "Webhook delivery " + delivery.deliveryId() + " to webhook " + delivery.webhookId()
                        + " failed on attempt " + delivery.attempt() + ": " + result.error()
                        + (nextAttempt == null ? "; no further attempt" : "; retrying at " + nextAttempt));
            }
        }
    }

    /** Re-checks the URL, decrypts the signing secret and sends one attempt. */
    private WebhookHttp.Result attempt(WebhookDeliveryStore.ClaimedDelivery delivery) {
        // NOTE: the HTTP client resolves the host again, so a DNS change between this check and the
        // connection is not caught.
        Optional<String> rejection = new WebhookUrlValidator(config.webhookAllowedHosts(), InetAddress::getAllByName)
                .rejectionOf(delivery.url());
        if (rejection.isPresent()) {
            return WebhookHttp.Result.notSent("url " + rejection.get());
        }
        byte[] secret;
        try {
            secret = envelopeCipher.decrypt(delivery.secret(), Webhook.secretBinding(delivery.webhookId()));
        } catch (EnvelopeException e) {
            LOG.log(Level.SEVERE, "Decrypting the signing secret of webhook " + delivery.webhookId() + " failed", e);
            return WebhookHttp.Result.notSent("the signing secret could not be decrypted");
        }
        try {
            return http.send(delivery.url(), delivery.deliveryId(), delivery.eventType(), delivery.payload(),
                    new String(secret, StandardCharsets.UTF_8));
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }
}
