package io.warden.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Database work of the webhook sender, each method in its own transaction. */
@ApplicationScoped
public class WebhookDeliveryStore {

    @PersistenceContext(unitName = "warden")
    EntityManager entityManager;

    /** A claimed delivery with everything needed to send it outside a transaction. */
    public record ClaimedDelivery(String deliveryId, WebhookTransport.Target target, String eventType, String payload,
            int attempt) {

        String webhookId() {
            return target.webhookId();
        }
    }

    /**
     * Claims the oldest due delivery for {@code claim}, so that other nodes skip it meanwhile, and
     * returns it. Claiming one delivery at a time keeps a stopped or crashed sender from holding
     * deliveries it never started. Due deliveries whose webhook has been paused since the event are
     * marked skipped on the way. Returns empty when nothing among the first {@code scanLimit} due
     * deliveries can be claimed.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<ClaimedDelivery> claimNext(Instant now, int scanLimit, Duration claim) {
        List<String> dueIds = entityManager.createQuery("SELECT d.id FROM WebhookDelivery d WHERE d.status = :pending "
                + "AND d.nextAttemptAt <= :now AND (d.claimedUntil IS NULL OR d.claimedUntil < :now) "
                + "ORDER BY d.nextAttemptAt", String.class)
                .setParameter("pending", WebhookDelivery.PENDING)
                .setParameter("now", now)
                .setMaxResults(scanLimit)
                .getResultList();
        for (String id : dueIds) {
            WebhookDelivery delivery = entityManager.find(WebhookDelivery.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (delivery == null || !delivery.isClaimable(now)) {
                continue;
            }
            Webhook webhook = entityManager.find(Webhook.class, delivery.getWebhookId());
            if (webhook.isPaused()) {
                delivery.skip();
                entityManager.persist(new WebhookDeliveryLog(delivery, now, 0, WebhookDelivery.SKIPPED, null, null,
                        "webhook was paused"));
                continue;
            }
            delivery.claimUntil(now.plus(claim));
            return Optional.of(new ClaimedDelivery(delivery.getId(), WebhookTransport.Target.of(webhook),
                    delivery.getEventType(), delivery.getPayload(), delivery.getAttempts() + 1));
        }
        return Optional.empty();
    }

    /**
     * Logs one attempt and moves the delivery on: delivered, pending again at {@code retryAt}, or
     * failed when {@code retryAt} is null and the attempt did not succeed.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordAttempt(ClaimedDelivery claimed, WebhookHttp.Result result, Instant attemptedAt,
            Instant retryAt) {
        WebhookDelivery delivery = entityManager.find(WebhookDelivery.class, claimed.deliveryId(),
                LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null) {
            return;
        }
        String status;
        if (result.succeeded()) {
            status = WebhookDelivery.DELIVERED;
        } else {
            status = retryAt == null ? WebhookDelivery.FAILED : WebhookDelivery.PENDING;
        }
        delivery.recordAttempt(status, result.succeeded() ? null : retryAt);
        entityManager.persist(new WebhookDeliveryLog(delivery, attemptedAt, claimed.attempt(), outcomeOf(result),
                result.status(), latencyMillis(result), result.error()));
    }

    /** Logs the single attempt of a test ping, which has no outbox row. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordPing(String deliveryId, String webhookId, WebhookHttp.Result result, Instant attemptedAt) {
        entityManager.persist(new WebhookDeliveryLog(deliveryId, webhookId, "ping", attemptedAt, 1, outcomeOf(result),
                result.status(), latencyMillis(result), result.error()));
    }

    private static String outcomeOf(WebhookHttp.Result result) {
        return result.succeeded() ? WebhookDelivery.DELIVERED : "error";
    }

    static int latencyMillis(WebhookHttp.Result result) {
        return (int) Math.min(Integer.MAX_VALUE, result.latency().toMillis());
    }
}
