package io.warden.ticket;

import io.warden.auth.Caller;
import io.warden.platform.paging.KeyPage;
import io.warden.scope.RequiresScope;
import io.warden.scope.Scope;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Tickets of one workspace and their links to incidents (v2). */
@Path("/v2/workspaces/{workspaceId}/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets")
public class WorkspaceTicketResource {

    @Inject
    TicketService tickets;

    @Context
    SecurityContext securityContext;

    @GET
    @RequiresScope(Scope.TICKETS_READ)
    @Operation(summary = "Search the tickets of a workspace, newest first",
            description = "Filters: text (part of the number or short description, any case), state (repeatable, "
                    + "such as 1 for New in ServiceNow), externalSystem (repeatable, such as ServiceNow), "
                    + "linkedIncidentId. pageSize 1-500 (default 100). Pass continuationToken as cursor, with the "
                    + "same filters, for the next page; it is null on the last page.")
    public TicketPage search(@PathParam("workspaceId") String workspaceId, @QueryParam("text") String text,
            @QueryParam("state") List<String> states, @QueryParam("externalSystem") List<String> externalSystems,
            @QueryParam("linkedIncidentId") String linkedIncidentId, @QueryParam("pageSize") String pageSize,
            @QueryParam("cursor") String cursor) {
        TicketFilter filter = TicketService.filterOf(text, states, externalSystems, linkedIncidentId);
        KeyPage page = KeyPage.parse(pageSize, cursor);
        return tickets.search(Caller.of(securityContext), workspaceId, filter, page.pageSize(), page.cursor());
    }

    @PUT
    @Path("/{ticketId}/links/{incidentId}")
    @RequiresScope(Scope.TICKETS_MANAGE)
    @Operation(summary = "Link a ticket to an incident",
            description = "The incident must belong to the ticket's workspace; an incident of another workspace "
                    + "returns 404. Linking again changes nothing.")
    @APIResponse(responseCode = "204", description = "Linked")
    public Response link(@PathParam("workspaceId") String workspaceId, @PathParam("ticketId") String ticketId,
            @PathParam("incidentId") String incidentId) {
        tickets.link(Caller.of(securityContext), workspaceId, ticketId, incidentId);
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{ticketId}/links/{incidentId}")
    @RequiresScope(Scope.TICKETS_MANAGE)
    @Operation(summary = "Unlink a ticket from an incident",
            description = "Removing a link that does not exist also returns 204.")
    @APIResponse(responseCode = "204", description = "Not linked")
    public Response unlink(@PathParam("workspaceId") String workspaceId, @PathParam("ticketId") String ticketId,
            @PathParam("incidentId") String incidentId) {
        tickets.unlink(Caller.of(securityContext), workspaceId, ticketId, incidentId);
        return Response.noContent().build();
    }
}
