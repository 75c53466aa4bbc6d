package io.warden.webhook;

import io.warden.auth.Caller;
import io.warden.platform.ServerClock;
import io.warden.platform.paging.ContinuationTokens;
import io.warden.platform.paging.TimePage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.logging.Logger;

/** The delivery log of a webhook and the test ping. */
@ApplicationScoped
public class WebhookDeliveryService {

    private static final Logger LOG = Logger.getLogger(WebhookDeliveryService.class.getName());

    @PersistenceContext(unitName = "warden")
    EntityManager entityManager;

    @Inject
    WebhookService webhooks;

    @Inject
    WebhookDeliveryStore store;

    @Inject
    WebhookTransport transport;

    @Inject
    ContinuationTokens tokens;

    /** Returns one page of the webhook's delivery log, newest attempt first. */
    public TimePage.Page<WebhookDeliveryLogView> list(Caller caller, String webhookId, TimePage page) {
        Webhook webhook = webhooks.require(caller, webhookId);
        TimePage.Query query = new TimePage.Query("SELECT e FROM WebhookDeliveryLog e WHERE e.webhookId = :webhookId",
                "webhookId", webhook.getId());
        TimePage.Order<WebhookDeliveryLog> order = new TimePage.Order<>("attemptedAt",
                WebhookDeliveryLog::getAttemptedAt, "id", WebhookDeliveryLog::getId);
        return page.run(entityManager, WebhookDeliveryLog.class, query, order, caller, "webhook-deliveries",
                Json.createObjectBuilder().add("webhookId", webhook.getId()).build(), WebhookDeliveryLogView::of,
                tokens);
    }

    /**
     * Sends a signed ping to the webhook now, outside any transaction, logs the attempt and returns
     * the target's status and latency. A paused webhook is pinged too, because a ping is no event.
     */
    public WebhookTestResult ping(Caller caller, String webhookId) {
        Webhook webhook = webhooks.require(caller, webhookId);
        String deliveryId = WebhookDelivery.newId();
        Instant attemptedAt = ServerClock.now();
        String body = WebhookEvents.pingPayload(webhook, deliveryId, attemptedAt).toString();

        WebhookHttp.Result result = transport.send(WebhookTransport.Target.of(webhook), deliveryId, "ping", body);
        store.recordPing(deliveryId, webhook.getId(), result, attemptedAt);
        LOG.info(() -> "Test ping " + deliveryId + " to webhook " + webhookId + " by " + caller.actor() + ": "
                + (result.succeeded() ? "HTTP " + result.status() : result.error()));
        return new WebhookTestResult(deliveryId, result.succeeded(), result.status(),
                WebhookDeliveryStore.latencyMillis(result), result.error());
    }
}
