package io.warden.webhook;

import io.warden.crypto.EncryptedSecret;
import io.warden.crypto.WrappedKey;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** A subscription of an organization: the target URL, its event types and its encrypted signing secret. */
@Entity
@Table(name = "webhook")
public class Webhook {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "organization_id", nullable = false, length = 36)
    private String organizationId;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "url", nullable = false, length = 2000)
    private String url;

    @Column(name = "paused", nullable = false)
    private boolean paused;

    @Column(name = "follow_redirects", nullable = false)
    private boolean followRedirects;

    /**
     * Loaded on first use, so that the sender, which reads a webhook while it holds outbox row locks,
     * never touches this table.
     */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "webhook_event_type", joinColumns = @JoinColumn(name = "webhook_id"))
    @Column(name = "event_type", length = 40)
    @Enumerated(EnumType.STRING)
    private Set<WebhookEventType> eventTypes = EnumSet.noneOf(WebhookEventType.class);

    @Column(name = "secret_ciphertext", nullable = false, length = 512)
    private String secretCiphertext;

    @Column(name = "secret_iv", nullable = false, length = 24)
    private String secretIv;

    @Column(name = "wrapped_data_key", nullable = false, length = 1024)
    private String wrappedDataKey;

    @Column(name = "kek_id", nullable = false, length = 200)
    private String kekId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 100)
    private String updatedBy;

    protected Webhook() {
    }

    public Webhook(String organizationId, String name, String url, Set<WebhookEventType> eventTypes, String actor,
            Instant now) {
        this.id = UUID.randomUUID().toString();
        this.organizationId = organizationId;
        this.name = name;
        this.url = url;
        this.eventTypes = EnumSet.copyOf(eventTypes);
        this.createdAt = now;
        this.createdBy = actor;
        this.updatedAt = now;
        this.updatedBy = actor;
    }

    /** Returns the additional authenticated data that binds the encrypted signing secret to this webhook. */
    public static String secretBinding(String webhookId) {
        return "webhook:" + webhookId;
    }

    public String getId() {
        return id;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public String getName() {
        return name;
    }

    public String getUrl() {
        return url;
    }

    public boolean isPaused() {
        return paused;
    }

    public boolean isFollowRedirects() {
        return followRedirects;
    }

    public Set<WebhookEventType> getEventTypes() {
        return EnumSet.copyOf(eventTypes.isEmpty() ? EnumSet.noneOf(WebhookEventType.class) : eventTypes);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public EncryptedSecret getEncryptedSecret() {
        Base64.Decoder base64 = Base64.getDecoder();
        return new EncryptedSecret(base64.decode(secretCiphertext), base64.decode(secretIv),
                new WrappedKey(base64.decode(wrappedDataKey), kekId));
    }

    public void storeEncryptedSecret(EncryptedSecret encrypted) {
        Base64.Encoder base64 = Base64.getEncoder();
        this.secretCiphertext = base64.encodeToString(encrypted.ciphertext());
        this.secretIv = base64.encodeToString(encrypted.iv());
        this.wrappedDataKey = base64.encodeToString(encrypted.dataKey().bytes());
        this.kekId = encrypted.dataKey().kekId();
    }

    /** Stores the data key re-wrapped under another KEK; the ciphertext and IV stay valid. */
    public void replaceWrappedKey(WrappedKey wrappedKey) {
        this.wrappedDataKey = Base64.getEncoder().encodeToString(wrappedKey.bytes());
        this.kekId = wrappedKey.kekId();
    }

    public void rename(String newName) {
        this.name = newName;
    }

    public void retarget(String newUrl) {
        this.url = newUrl;
    }

    public void subscribe(Set<WebhookEventType> newEventTypes) {
        this.eventTypes.clear();
        this.eventTypes.addAll(newEventTypes);
    }

    public void setFollowRedirects(boolean followRedirects) {
        this.followRedirects = followRedirects;
    }

    public void setPaused(boolean paused) {
        this.paused = paused;
    }

    public void touch(String actor, Instant now) {
        this.updatedAt = now;
        this.updatedBy = actor;
    }
}
