package io.warden.webhook;

import java.time.Instant;
import java.util.List;

/**
 * A webhook as the API returns it. {@code signingSecret} is set only in the response that creates
 * the webhook and is left out of the JSON everywhere else.
 */
public record WebhookView(String id, String name, String url, List<String> eventTypes, String status,
        Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, String signingSecret) {

    public static WebhookView of(Webhook webhook) {
        List<String> eventTypes = webhook.getEventTypes().stream().map(WebhookEventType::eventName).sorted().toList();
        return new WebhookView(webhook.getId(), webhook.getName(), webhook.getUrl(), eventTypes,
                webhook.isPaused() ? "paused" : "active", webhook.getCreatedAt(), webhook.getCreatedBy(),
                webhook.getUpdatedAt(), webhook.getUpdatedBy(), null);
    }

    public WebhookView withSigningSecret(String secret) {
        return new WebhookView(id, name, url, eventTypes, status, createdAt, createdBy, updatedAt, updatedBy, secret);
    }
}
