package io.warden.ticket;

import io.warden.platform.importing.WorkspaceItemKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A service ticket of one workspace. Its id is the ticket's id in the external system (the
 * ServiceNow {@code sys_id}), unique within the workspace, so importing again updates it.
 */
@Entity
@Table(name = "ticket")
@IdClass(WorkspaceItemKey.class)
public class Ticket {

    @Id
    @Column(name = "workspace_id", length = 36)
    String workspaceId;

    @Id
    @Column(name = "id", length = 64)
    String id;

    @Column(name = "external_system", nullable = false, length = 40)
    String externalSystem;

    @Column(name = "ticket_number", nullable = false, length = 64)
    String number;

    @Column(name = "short_description", length = 1000)
    String shortDescription;

    @Column(name = "description", length = 32000)
    String description;

    @Column(name = "state", length = 64)
    String state;

    @Column(name = "priority", length = 64)
    String priority;

    /** The sys_id of the assigned user, or null. */
    @Column(name = "assigned_to", length = 64)
    String assignedTo;

    /** The sys_id of the caller (the user who reported the ticket), or null. */
    @Column(name = "caller_id", length = 64)
    String callerId;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at")
    Instant updatedAt;

    @Column(name = "imported_at", nullable = false)
    Instant importedAt;

    protected Ticket() {
    }

    Ticket(String workspaceId, String id) {
        this.workspaceId = workspaceId;
        this.id = id;
    }

    /** Copies every imported field from the record; fields missing from the record become null. */
    void apply(TicketRecord record, Instant now) {
        this.externalSystem = record.externalSystem();
        this.number = record.number();
        this.shortDescription = record.shortDescription();
        this.description = record.description();
        this.state = record.state();
        this.priority = record.priority();
        this.assignedTo = record.assignedTo();
        this.callerId = record.callerId();
        this.createdAt = record.createdAt();
        this.updatedAt = record.updatedAt();
        this.importedAt = now;
    }

    public String getWorkspaceId() {
        return workspaceId;
    }

    public String getId() {
        return id;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
