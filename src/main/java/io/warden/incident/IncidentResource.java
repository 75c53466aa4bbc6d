package io.warden.incident;

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

/** The cross-workspace incident query for integrations (v2). */
@Path("/v2/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Incidents")
public class IncidentResource {

    @Inject
    IncidentService incidents;

    @Inject
    IncidentBulkUpdater bulkUpdater;

    @Context
    SecurityContext securityContext;

    @POST
    @Path("/across-workspaces")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresScope(Scope.INCIDENTS_READ)
    @Operation(summary = "Query incidents across the caller's workspaces, newest first",
            description = "First call: {\"isFirstCall\": true, \"pageSize\": 100, \"status\": [\"New\"], "
                    + "\"severity\": [\"High\"], \"workspaceIds\": [...], \"createdFrom\": \"...\", \"createdTo\": \"...\"}"
                    + " (all filters optional, pageSize 1-500). Next pages: {\"isFirstCall\": false, "
                    + "\"continuationToken\": \"...\"}. continuationToken is null on the last page. Only workspaces "
                    + "the caller may see contribute; none gives an empty list.")
    public IncidentPage acrossWorkspaces(JsonObject body) {
        return incidents.acrossWorkspaces(Caller.of(securityContext), IncidentQuery.parse(body));
    }

    @POST
    @Path("/bulk-update")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresScope(Scope.INCIDENTS_WRITE)
    @Operation(summary = "Change the status of up to 500 incidents",
            description = "Body: {\"items\": [{\"workspaceId\": ..., \"incidentId\": ..., \"status\": ..., "
                    + "\"classification\": ..., \"classificationReason\": ..., \"classificationComment\": ...}]} "
                    + "with the rules of PATCH on one incident. Each item is changed in its own transaction and "
                    + "gets a result in request order: updated, notFound (a missing incident or a workspace the "
                    + "caller cannot see, never touched) or invalid with the reason. No If-Match check applies.")
    public IncidentBulkUpdater.Result bulkUpdate(JsonObject body) {
        return bulkUpdater.apply(Caller.of(securityContext), body);
    }
}
