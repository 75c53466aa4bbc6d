package io.warden.webhook;

import io.warden.auth.Caller;
import io.warden.crypto.EnvelopeCipher;
import io.warden.platform.ServerClock;
import io.warden.platform.config.WardenConfig;
import io.warden.platform.paging.ContinuationTokens;
import io.warden.platform.paging.KeyPage;
import io.warden.platform.paging.TimePage;
import io.warden.platform.problem.ProblemException;
import io.warden.webhook.WebhookRequests.WebhookFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.logging.Logger;

/**
 * Management of an organization's webhooks. Every operation runs in one transaction and acts only
 * inside the caller's organization, so another organization's webhook is 404.
 */
@ApplicationScoped
public class WebhookService {

    private static final Logger LOG = Logger.getLogger(WebhookService.class.getName());

    @PersistenceContext(unitName = "warden")
    EntityManager entityManager;

    @Inject
    EnvelopeCipher envelopeCipher;

    @Inject
    WardenConfig config;

    @Inject
    ContinuationTokens tokens;

    /**
     * Creates a webhook with a new signing secret, which is stored only envelope-encrypted and
     * returned in this response only.
     */
    @Transactional
    public WebhookView create(Caller caller, JsonObject body) {
        WebhookFields fields = WebhookRequests.parseCreate(body, urlValidator());
        Webhook webhook = new Webhook(caller.organizationId(), fields.name().orElseThrow(),
                fields.url().orElseThrow(), fields.eventTypes().orElseThrow(), caller.actor(), ServerClock.now());
        webhook.setFollowRedirects(fields.followRedirects().orElse(false));

        String secret = WebhookSigning.generateSecret();
        byte[] plaintext = secret.getBytes(StandardCharsets.UTF_8);
        try {
            webhook.storeEncryptedSecret(envelopeCipher.encrypt(plaintext, Webhook.secretBinding(webhook.getId())));
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
        entityManager.persist(webhook);
        LOG.info(() -> "Webhook " + webhook.getId() + " created by " + caller.actor());
        return WebhookView.of(webhook).withSigningSecret(secret);
    }

    /** Returns one page of the organization's webhooks, ordered by name. */
    public TimePage.Page<WebhookView> list(Caller caller, KeyPage page) {
        TimePage.Query query = new TimePage.Query("SELECT e FROM Webhook e WHERE e.organizationId = :organizationId",
                "organizationId", caller.organizationId());
        KeyPage.Order<Webhook> order = new KeyPage.Order<>("name", Webhook::getName, "id", Webhook::getId);
        return page.run(entityManager, Webhook.class, query, order, caller, "webhooks", JsonObject.EMPTY_JSON_OBJECT,
                WebhookView::of, tokens);
    }

    public WebhookView get(Caller caller, String webhookId) {
        return WebhookView.of(require(caller, webhookId));
    }

    @Transactional
    public WebhookView update(Caller caller, String webhookId, JsonObject body) {
        WebhookFields fields = WebhookRequests.parsePatch(body, urlValidator());
        Webhook webhook = requireLocked(caller, webhookId);
        fields.name().ifPresent(webhook::rename);
        fields.url().ifPresent(webhook::retarget);
        fields.eventTypes().ifPresent(webhook::subscribe);
        fields.followRedirects().ifPresent(webhook::setFollowRedirects);
        webhook.touch(caller.actor(), ServerClock.now());
        LOG.info(() -> "Webhook " + webhookId + " updated by " + caller.actor() + ": " + body.keySet());
        return WebhookView.of(webhook);
    }

    /** Pauses a webhook. Pausing a paused webhook changes only the update time. */
    @Transactional
    public WebhookView pause(Caller caller, String webhookId) {
        Webhook webhook = requireLocked(caller, webhookId);
        webhook.setPaused(true);
        webhook.touch(caller.actor(), ServerClock.now());
        LOG.info(() -> "Webhook " + webhookId + " paused by " + caller.actor());
        return WebhookView.of(webhook);
    }

    /**
     * Resumes a webhook. Events skipped while it was paused stay skipped unless
     * {@code replaySkipped} is set. Then they are queued again with their original delivery ids, in
     * the order they happened, and the view reports how many.
     */
    @Transactional
    public WebhookView resume(Caller caller, String webhookId, boolean replaySkipped) {
        Webhook webhook = requireLocked(caller, webhookId);
        webhook.setPaused(false);
        webhook.touch(caller.actor(), ServerClock.now());
        if (!replaySkipped) {
            LOG.info(() -> "Webhook " + webhookId + " resumed by " + caller.actor());
            return WebhookView.of(webhook);
        }

        int replayed = entityManager.createQuery("UPDATE WebhookDelivery d SET d.status = :pending, "
                + "d.nextAttemptAt = d.createdAt, d.claimedUntil = NULL "
                + "WHERE d.webhookId = :webhookId AND d.status = :skipped")
                .setParameter("pending", WebhookDelivery.PENDING)
                .setParameter("webhookId", webhook.getId())
                .setParameter("skipped", WebhookDelivery.SKIPPED)
                .executeUpdate();
        LOG.info(() -> "Webhook " + webhookId + " resumed by " + caller.actor() + ", replaying " + replayed
                + " skipped events");
        return WebhookView.of(webhook).withReplayedEvents(replayed);
    }

    /**
     * Deletes the webhook with its outbox rows and delivery log. The delete is flushed here, so a
     * lock conflict with the sender surfaces to the caller, which may run it again.
     */
    @Transactional
    public void delete(Caller caller, String webhookId) {
        Webhook webhook = requireLocked(caller, webhookId);
        entityManager.remove(webhook);
        entityManager.flush();
        LOG.info(() -> "Webhook " + webhookId + " deleted by " + caller.actor());
    }

    private WebhookUrlValidator urlValidator() {
        return new WebhookUrlValidator(config.webhookAllowedHosts(), InetAddress::getAllByName);
    }

    /** Returns the caller's webhook, or raises 404 for an unknown id or another organization's webhook. */
    Webhook require(Caller caller, String webhookId) {
        Webhook webhook = webhookId == null ? null : entityManager.find(Webhook.class, webhookId);
        if (webhook == null || !webhook.getOrganizationId().equals(caller.organizationId())) {
            throw ProblemException.notFound("Webhook " + webhookId + " was not found.");
        }
        return webhook;
    }

    private Webhook requireLocked(Caller caller, String webhookId) {
        Webhook webhook = require(caller, webhookId);
        entityManager.lock(webhook, LockModeType.PESSIMISTIC_WRITE);
        return webhook;
    }
}
