package io.warden.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One lifecycle change of a service account, credential or portal user. Events are append-only: nothing
 * updates or deletes them, and they outlive the account they describe. Details never hold a secret.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    /** Order of insertion, assigned by the database. */
    @Column(name = "seq", insertable = false, updatable = false)
    private Long sequence;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "organization_id", nullable = false, updatable = false, length = 36)
    private String organizationId;

    @Column(name = "service_account_id", updatable = false, length = 36)
    private String serviceAccountId;

    @Column(name = "credential_id", updatable = false, length = 36)
    private String credentialId;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_type", nullable = false, updatable = false, length = 40)
    private AuditEventType eventType;

    @Column(name = "actor", nullable = false, updatable = false, length = 100)
    private String actor;

    /** A JSON object with the facts of the change (changed fields, scopes, expiry, prefix). */
    @Column(name = "details", nullable = false, updatable = false, length = 4000)
    private String details;

    protected AuditEvent() {
    }

    AuditEvent(Instant occurredAt, String organizationId, String serviceAccountId, String credentialId,
            AuditEventType eventType, String actor, String details) {
        this.id = UUID.randomUUID().toString();
        this.occurredAt = occurredAt;
        this.organizationId = organizationId;
        this.serviceAccountId = serviceAccountId;
        this.credentialId = credentialId;
        this.eventType = eventType;
        this.actor = actor;
        this.details = details;
    }

    public String getId() {
        return id;
    }

    public Long getSequence() {
        return sequence;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public String getServiceAccountId() {
        return serviceAccountId;
    }

    public String getCredentialId() {
        return credentialId;
    }

    public AuditEventType getEventType() {
        return eventType;
    }

    public String getActor() {
        return actor;
    }

    public String getDetails() {
        return details;
    }
}
