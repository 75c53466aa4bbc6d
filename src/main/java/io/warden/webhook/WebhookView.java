package io.warden.webhook;

import java.time.Instant;
import java.util.List;

/**
 * A webhook as the API returns it. {@code signingSecret} is set only in the response that creates
 * the webhook, and {@code replayedEvents} only in the response to a resume that replays skipped
 * events. Both are left out of the JSON everywhere else.
 */
public record WebhookView(String id, String name, String url, List<String> eventTypes, boolean followRedirects,
        String status, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, String signingSecret,
        Integer replayedEvents) {

    public static WebhookView of(Webhook webhook) {
        List<String> eventTypes = webhook.getEventTypes().stream().map(WebhookEventType::eventName).sorted().toList();
        return new WebhookView(webhook.getId(), webhook.getName(), webhook.getUrl(), eventTypes,
                webhook.isFollowRedirects(), webhook.isPaused() ? "paused" : "active", webhook.getCreatedAt(), webhook.getCreatedBy(),
                webhook.getUpdatedAt(), webhook.getUpdatedBy(), null, null);
    }

    public WebhookView withSigningSecret(String secret) {
        return new WebhookView(id, name, url, eventTypes, followRedirects, status, createdAt, createdBy, updatedAt,
                updatedBy, secret, replayedEvents);
    }

    public WebhookView withReplayedEvents(int count) {
        return new WebhookView(id, name, url, eventTypes, followRedirects, status, createdAt, createdBy, updatedAt,
                updatedBy, signingSecret, count);
    }
}
