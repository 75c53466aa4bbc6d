package io.warden.gamebook;

import io.warden.auth.Caller;
import io.warden.platform.paging.TimePage;
import io.warden.scope.RequiresScope;
import io.warden.scope.Scope;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The Gamebooks run on one incident (v2). */
@Path("/v2/workspaces/{workspaceId}/incidents/{incidentId}/gamebooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Gamebooks")
public class IncidentGamebookResource {

    @Inject
    GamebookService gamebooks;

    @Context
    SecurityContext securityContext;

    @GET
    @RequiresScope(Scope.GAMEBOOKS_READ)
    @Operation(summary = "List the Gamebook runs on an incident, newest first",
            description = "Each run names its Gamebook. Filters: from (inclusive) and to (exclusive) as ISO-8601 "
                    + "instants of startedAt, pageSize 1-500 (default 100). Pass nextCursor as cursor for the next "
                    + "page. An incident that does not exist in the workspace returns 404.")
    public TimePage.Page<GamebookRunView> list(@PathParam("workspaceId") String workspaceId,
            @PathParam("incidentId") String incidentId, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("pageSize") String pageSize, @QueryParam("cursor") String cursor) {
        return gamebooks.incidentRuns(Caller.of(securityContext), workspaceId, incidentId,
                TimePage.parse(from, to, pageSize, cursor));
    }
}
