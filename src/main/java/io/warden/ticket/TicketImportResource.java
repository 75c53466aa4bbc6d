package io.warden.ticket;

import io.warden.auth.Caller;
import io.warden.platform.importing.ImportResult;
import io.warden.scope.RequiresOrganizationAdmin;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Portal (v1) import of tickets exported from ServiceNow. */
@Path("/workspaces/{workspaceId}/tickets/import")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Portal (v1)")
public class TicketImportResource {

    @Inject
    TicketService tickets;

    @Context
    SecurityContext securityContext;

    @POST
    @RequiresOrganizationAdmin
    @Operation(summary = "Import ServiceNow incident records into a workspace as tickets",
            description = "Body: the Table API response of the incident table {\"result\": [...]}, without display "
                    + "values. Importing the same sys_id again updates the ticket. A malformed item rejects the "
                    + "whole request with 400 naming it, such as result[2].sys_created_on.")
    public ImportResult serviceNow(@PathParam("workspaceId") String workspaceId, JsonObject body) {
        return tickets.importServiceNow(Caller.of(securityContext), workspaceId, body);
    }
}
