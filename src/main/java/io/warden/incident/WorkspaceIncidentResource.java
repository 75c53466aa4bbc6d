package io.warden.incident;

import io.warden.auth.Caller;
import io.warden.scope.RequiresScope;
import io.warden.scope.Scope;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Incidents of one workspace (v2). */
@Path("/v2/workspaces/{workspaceId}/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Incidents")
public class WorkspaceIncidentResource {

    @Inject
    IncidentService incidents;

    @Context
    SecurityContext securityContext;

    @GET
    @Path("/{incidentId}")
    @RequiresScope(Scope.INCIDENTS_READ)
    @Operation(summary = "Get one incident of a workspace",
            description = "A workspace the caller cannot see returns 404, like one that does not exist.")
    public IncidentView get(@PathParam("workspaceId") String workspaceId, @PathParam("incidentId") String incidentId) {
        return incidents.get(Caller.of(securityContext), workspaceId, incidentId);
    }
}
