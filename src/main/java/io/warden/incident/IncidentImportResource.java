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

/** Portal (v1) import of incidents exported from Microsoft Sentinel. */
@Path("/workspaces/{workspaceId}/incidents/import")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Portal (v1)")
public class IncidentImportResource {

    @Inject
    IncidentService incidents;

    @Context
    SecurityContext securityContext;

    @POST
    @RequiresOrganizationAdmin
    @Operation(summary = "Import a Microsoft Sentinel incidents list into a workspace",
            description = "Body: the Incidents - List response {\"value\": [...]}. Importing the same incidents "
                    + "again updates them. A malformed item rejects the whole request with 400 naming it.")
    public IncidentService.ImportResult sentinel(@PathParam("workspaceId") String workspaceId, JsonObject body) {
        return incidents.importSentinel(Caller.of(securityContext), workspaceId, body);
    }
}
