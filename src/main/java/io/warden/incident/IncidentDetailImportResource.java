package io.warden.incident;

import io.warden.auth.Caller;
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

/** Portal (v1) import of the entities and comments of one incident, exported from Microsoft Sentinel. */
@Path("/workspaces/{workspaceId}/incidents/{incidentId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Portal (v1)")
public class IncidentDetailImportResource {

    @Inject
    IncidentDetailService details;

    @Context
    SecurityContext securityContext;

    @POST
    @Path("/entities/import")
    @RequiresOrganizationAdmin
    @Operation(summary = "Import the Sentinel entities of an incident",
            description = "Body: the Incidents - List Entities response {\"entities\": [...], \"metaData\": [...]}."
                    + " Importing the same entities again updates them. A malformed item rejects the whole "
                    + "request with 400 naming it, and nothing of the request is kept.")
    public IncidentDetailService.ImportResult entities(@PathParam("workspaceId") String workspaceId,
            @PathParam("incidentId") String incidentId, JsonObject body) {
        return details.importEntities(Caller.of(securityContext), workspaceId, incidentId, body);
    }

    @POST
    @Path("/comments/import")
    @RequiresOrganizationAdmin
    @Operation(summary = "Import the Sentinel comments of an incident",
            description = "Body: the Incident Comments - List response {\"value\": [...]}. Importing the same "
                    + "comments again updates them. A malformed item rejects the whole request with 400 naming it, "
                    + "and nothing of the request is kept.")
    public IncidentDetailService.ImportResult comments(@PathParam("workspaceId") String workspaceId,
            @PathParam("incidentId") String incidentId, JsonObject body) {
        return details.importComments(Caller.of(securityContext), workspaceId, incidentId, body);
    }
}
