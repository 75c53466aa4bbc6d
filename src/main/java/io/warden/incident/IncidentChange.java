package io.warden.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One change made to an incident through the API, with its actor. Rows are never updated or deleted. */
@Entity
@Table(name = "incident_change")
public class IncidentChange {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    /** Order of insertion, assigned by the database. */
    @Column(name = "seq", insertable = false, updatable = false)
    private Long sequence;

    @Column(name = "workspace_id", nullable = false, updatable = false, length = 36)
    private String workspaceId;

    @Column(name = "incident_id", nullable = false, updatable = false, length = 100)
    private String incidentId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "actor", nullable = false, updatable = false, length = 100)
    private String actor;

    /** Such as {@code incident.updated}, {@code owner.changed} or {@code comment.created}. */
    @Column(name = "change_type", nullable = false, updatable = false, length = 40)
    private String changeType;

    /** A JSON object mapping each changed field to {@code {"before": ..., "after": ...}}. */
    @Column(name = "changes", nullable = false, updatable = false, length = 32000)
    private String changes;

    protected IncidentChange() {
    }

    IncidentChange(String workspaceId, String incidentId, Instant occurredAt, String actor, String changeType,
            String changes) {
        this.id = UUID.randomUUID().toString();
        this.workspaceId = workspaceId;
        this.incidentId = incidentId;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.changeType = changeType;
        this.changes = changes;
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

    public String getActor() {
        return actor;
    }

    public String getChangeType() {
        return changeType;
    }

    public String getChanges() {
        return changes;
    }
}
