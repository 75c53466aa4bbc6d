package io.warden.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One delivery attempt, or the record of an event skipped because its webhook was paused. */
@Entity
@Table(name = "webhook_delivery_log")
public class WebhookDeliveryLog {

    static final int MAX_ERROR_LENGTH = 500;

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "delivery_id", nullable = false, length = 36)
    private String deliveryId;

    @Column(name = "webhook_id", nullable = false, length = 36)
    private String webhookId;

    @Column(name = "event_type", nullable = false, length = 40)
    private String eventType;

    @Column(name = "attempted_at", nullable = false)
    private Instant attemptedAt;

    @Column(name = "attempt", nullable = false)
    private int attempt;

    @Column(name = "outcome", nullable = false, length = 16)
    private String outcome;

    @Column(name = "response_status")
    private Integer responseStatus;

    @Column(name = "latency_ms")
    private Integer latencyMillis;

    @Column(name = "error", length = MAX_ERROR_LENGTH)
    private String error;

    protected WebhookDeliveryLog() {
    }

    public WebhookDeliveryLog(WebhookDelivery delivery, Instant attemptedAt, int attempt, String outcome,
            Integer responseStatus, Integer latencyMillis, String error) {
        this(delivery.getId(), delivery.getWebhookId(), delivery.getEventType(), attemptedAt, attempt, outcome,
                responseStatus, latencyMillis, error);
    }

    /** Logs an attempt that has no outbox row, such as a test ping. */
    public WebhookDeliveryLog(String deliveryId, String webhookId, String eventType, Instant attemptedAt, int attempt,
            String outcome, Integer responseStatus, Integer latencyMillis, String error) {
        this.id = UUID.randomUUID().toString();
        this.deliveryId = deliveryId;
        this.webhookId = webhookId;
        this.eventType = eventType;
        this.attemptedAt = attemptedAt;
        this.attempt = attempt;
        this.outcome = outcome;
        this.responseStatus = responseStatus;
        this.latencyMillis = latencyMillis;
        this.error = error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }

    public String getId() {
        return id;
    }

    public String getDeliveryId() {
        return deliveryId;
    }

    public String getEventType() {
        return eventType;
    }

    public Instant getAttemptedAt() {
        return attemptedAt;
    }

    public int getAttempt() {
        return attempt;
    }

    public String getOutcome() {
        return outcome;
    }

    public Integer getResponseStatus() {
        return responseStatus;
    }

    public Integer getLatencyMillis() {
        return latencyMillis;
    }

    public String getError() {
        return error;
    }
}
