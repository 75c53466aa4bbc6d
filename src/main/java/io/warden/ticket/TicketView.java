package io.warden.ticket;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;

/** A ticket as returned by the API, with the ids of the incidents it is linked to. */
@JsonbPropertyOrder({"workspaceId", "workspaceName", "id", "externalSystem", "number", "shortDescription",
        "description", "state", "priority", "assignedTo", "callerId", "createdAt", "updatedAt", "linkedIncidentIds"})
public record TicketView(String workspaceId, String workspaceName, String id, String externalSystem, String number,
        String shortDescription, String description, String state, String priority, String assignedTo,
        String callerId, Instant createdAt, Instant updatedAt, List<String> linkedIncidentIds) {

    static TicketView of(Ticket ticket, String workspaceName, List<String> linkedIncidentIds) {
        return new TicketView(ticket.workspaceId, workspaceName, ticket.id, ticket.externalSystem, ticket.number,
                ticket.shortDescription, ticket.description, ticket.state, ticket.priority, ticket.assignedTo,
                ticket.callerId, ticket.createdAt, ticket.updatedAt, linkedIncidentIds);
    }
}
