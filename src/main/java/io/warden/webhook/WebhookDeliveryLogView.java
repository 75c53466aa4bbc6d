package io.warden.webhook;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;

/**
 * One row of a webhook's delivery log. {@code outcome} is delivered, error or skipped, and
 * {@code attempt} is 0 for an event skipped because the webhook was paused.
 */
public record WebhookDeliveryLogView(Instant attemptedAt, String eventType, String deliveryId, int attempt,
        String outcome, @JsonbNillable Integer responseStatus, @JsonbNillable Integer latencyMs,
        @JsonbNillable String error) {

    public static WebhookDeliveryLogView of(WebhookDeliveryLog row) {
        return new WebhookDeliveryLogView(row.getAttemptedAt(), row.getEventType(), row.getDeliveryId(),
                row.getAttempt(), row.getOutcome(), row.getResponseStatus(), row.getLatencyMillis(), row.getError());
    }
}
