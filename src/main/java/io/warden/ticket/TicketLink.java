package io.warden.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A link from a ticket to an incident of the same workspace. */
@Entity
@Table(name = "ticket_link")
@IdClass(TicketLink.Key.class)
public class TicketLink {

    @Id
    @Column(name = "workspace_id", length = 36)
    String workspaceId;

    @Id
    @Column(name = "ticket_id", length = 64)
    String ticketId;

    @Id
    @Column(name = "incident_id", length = 100)
    String incidentId;

    @Column(name = "linked_at", nullable = false)
    Instant linkedAt;

    /** The actor that created the link, such as {@code service-account:<id>}. */
    @Column(name = "linked_by", nullable = false, length = 100)
    String linkedBy;

    protected TicketLink() {
    }

    TicketLink(String workspaceId, String ticketId, String incidentId, Instant linkedAt, String linkedBy) {
        this.workspaceId = workspaceId;
        this.ticketId = ticketId;
        this.incidentId = incidentId;
        this.linkedAt = linkedAt;
        this.linkedBy = linkedBy;
    }

    /** Primary key: workspace, ticket and incident. */
    public static class Key implements Serializable {

        private String workspaceId;
        private String ticketId;
        private String incidentId;

        public Key() {
        }

        Key(String workspaceId, String ticketId, String incidentId) {
            this.workspaceId = workspaceId;
            this.ticketId = ticketId;
            this.incidentId = incidentId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(workspaceId, key.workspaceId)
                    && Objects.equals(ticketId, key.ticketId) && Objects.equals(incidentId, key.incidentId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(workspaceId, ticketId, incidentId);
        }
    }
}
