package io.warden.ticket;

import io.warden.auth.Caller;
import io.warden.scope.RequiresScope;
import io.warden.scope.Scope;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The cross-workspace ticket query for integrations (v2). */
@Path("/v2/tickets/across-workspaces")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets")
public class TicketResource {

    @Inject
    TicketService tickets;

    @Context
    SecurityContext securityContext;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresScope(Scope.TICKETS_READ)
    @Operation(summary = "Query tickets across the caller's workspaces, newest first",
            description = "First call: {\"isFirstCall\": true, \"pageSize\": 100, \"text\": \"INC001\", "
                    + "\"state\": [\"1\"], \"externalSystem\": [\"ServiceNow\"], \"linkedIncidentId\": \"...\", "
                    + "\"workspaceIds\": [...]} (all filters optional, pageSize 1-500). Next pages: "
                    + "{\"isFirstCall\": false, \"continuationToken\": \"...\"}. continuationToken is null on the "
                    + "last page. Only workspaces the caller may see contribute; none gives an empty list.")
    public TicketPage acrossWorkspaces(JsonObject body) {
        return tickets.acrossWorkspaces(Caller.of(securityContext), TicketQuery.parse(body));
    }
}
