package io.warden.webhook;

import jakarta.json.bind.annotation.JsonbNillable;

/** The outcome of a test ping: the target's status (null when no response arrived) and the latency. */
public record WebhookTestResult(String deliveryId, boolean succeeded, @JsonbNillable Integer responseStatus,
        long latencyMs, @JsonbNillable String error) {
}
