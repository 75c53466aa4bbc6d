package io.warden.webhook;

import io.warden.platform.ServerClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * Writes events to the webhook outbox inside the caller's transaction, so an event exists exactly
 * when its change was committed. The background sender delivers the rows later.
 */
@ApplicationScoped
public class WebhookEvents {

    private static final Logger LOG = Logger.getLogger(WebhookEvents.class.getName());

    @PersistenceContext(unitName = "warden")
    EntityManager entityManager;

    /**
     * Inserts one delivery per webhook of the organization that subscribes to {@code type}. A paused
     * webhook gets its delivery as skipped, with a log row, and is never sent.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String organizationId, WebhookEventType type, JsonObject data) {
        List<Webhook> subscribers = entityManager.createQuery("SELECT w FROM Webhook w JOIN w.eventTypes t "
                + "WHERE w.organizationId = :organizationId AND t = :type", Webhook.class)
                .setParameter("organizationId", organizationId)
                .setParameter("type", type)
                .getResultList();
        Instant now = ServerClock.now();
        for (Webhook webhook : subscribers) {
            String deliveryId = WebhookDelivery.newId();
            JsonObject payload = Json.createObjectBuilder()
                    .add("id", deliveryId)
                    .add("type", type.eventName())
                    .add("createdAt", now.toString())
                    .add("organizationId", organizationId)
                    .add("webhookId", webhook.getId())
                    .add("data", data)
                    .build();
            WebhookDelivery delivery = new WebhookDelivery(deliveryId, webhook, type.eventName(), payload.toString(),
                    now);
            entityManager.persist(delivery);
            if (webhook.isPaused()) {
                entityManager.persist(new WebhookDeliveryLog(delivery, now, 0, WebhookDelivery.SKIPPED, null, null,
                        "webhook was paused"));
                LOG.fine(() -> "Event " + type.eventName() + " skipped for paused webhook " + webhook.getId());
            }
        }
    }

    /** Returns a payload for {@code POST .../test}, which is sent at once and never stored in the outbox. */
    static JsonObject pingPayload(Webhook webhook, String deliveryId, Instant now) {
        return Json.createObjectBuilder()
                .add("id", deliveryId)
                .add("type", "ping")
                .add("createdAt", now.toString())
                .add("organizationId", webhook.getOrganizationId())
                .add("webhookId", webhook.getId())
                .add("data", JsonObject.EMPTY_JSON_OBJECT)
                .build();
    }
}
