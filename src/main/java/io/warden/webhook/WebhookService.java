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
        webhook.touch(caller.actor(), ServerClock.now());
        LOG.info(() -> "Webhook " + webhookId + " updated by " + caller.actor() + ": " + body.keySet());
        return WebhookView.of(webhook);
    }

    /** Pauses or resumes a webhook. Setting the state it already has changes only the update time. */
    @Transactional
    public WebhookView setPaused(Caller caller, String webhookId, boolean paused) {
        Webhook webhook = requireLocked(caller, webhookId);
        webhook.setPaused(paused);
        webhook.touch(caller.actor(), ServerClock.now());
        LOG.info(() -> "Webhook " + webhookId + (paused ? " paused" : " resumed") + " by " + caller.actor());
        return WebhookView.of(webhook);
    }

    @Transactional
    public void delete(Caller caller, String webhookId) {
        Webhook webhook = requireLocked(caller, webhookId);
        entityManager.remove(webhook);
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
