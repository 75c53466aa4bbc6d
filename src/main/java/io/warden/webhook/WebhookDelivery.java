package io.warden.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One event to send to one webhook: a row of the outbox. Its id is the {@code X-Warden-Delivery} header. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "webhook_id", nullable = false, length = 36)
    private String webhookId;

    @Column(name = "organization_id", nullable = false, length = 36)
    private String organizationId;

    @Column(name = "event_type", nullable = false, length = 40)
    private String eventType;

    @Column(name = "payload", nullable = false, length = 8000)
    private String payload;

    @Column(name = "status", nullable = false, length = 16)
    private String status;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    protected WebhookDelivery() {
    }

    public WebhookDelivery(String id, Webhook webhook, String eventType, String payload, Instant now) {
        this.id = id;
        this.webhookId = webhook.getId();
        this.organizationId = webhook.getOrganizationId();
        this.eventType = eventType;
        this.payload = payload;
        this.status = webhook.isPaused() ? SKIPPED : PENDING;
        this.createdAt = now;
        this.nextAttemptAt = webhook.isPaused() ? null : now;
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public String getId() {
        return id;
    }

    public String getWebhookId() {
        return webhookId;
    }

    public String getEventType() {
        return eventType;
    }

    public String getPayload() {
        return payload;
    }

    public String getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    boolean isClaimable(Instant now) {
        return PENDING.equals(status) && nextAttemptAt != null && !nextAttemptAt.isAfter(now)
                && (claimedUntil == null || claimedUntil.isBefore(now));
    }

    void claimUntil(Instant until) {
        this.claimedUntil = until;
    }

    /** Marks a pending delivery skipped because its webhook was paused before it was sent. */
    void skip() {
        this.status = SKIPPED;
        this.nextAttemptAt = null;
        this.claimedUntil = null;
    }

    /** Records a finished attempt: the new status and, while it stays pending, when to try again. */
    public void recordAttempt(String newStatus, Instant retryAt) {
        this.attempts++;
        this.status = newStatus;
        this.nextAttemptAt = retryAt;
        this.claimedUntil = null;
    }
}
