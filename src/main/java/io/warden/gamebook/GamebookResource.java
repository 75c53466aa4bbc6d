package io.warden.gamebook;

import io.warden.auth.Caller;
import io.warden.platform.paging.KeyPage;
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

/** Gamebooks of one workspace and their run history (v2). */
@Path("/v2/workspaces/{workspaceId}/gamebooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Gamebooks")
public class GamebookResource {

    @Inject
    GamebookService gamebooks;

    @Context
    SecurityContext securityContext;

    @GET
    @RequiresScope(Scope.GAMEBOOKS_READ)
    @Operation(summary = "List the Gamebooks of a workspace by name",
            description = "pageSize 1-500 (default 100). Pass nextCursor as cursor for the next page.")
    public TimePage.Page<GamebookView> list(@PathParam("workspaceId") String workspaceId,
            @QueryParam("pageSize") String pageSize, @QueryParam("cursor") String cursor) {
        return gamebooks.gamebooks(Caller.of(securityContext), workspaceId, KeyPage.parse(pageSize, cursor));
    }

    @GET
    @Path("/{gamebookId}/runs")
    @RequiresScope(Scope.GAMEBOOKS_READ)
    @Operation(summary = "List the runs of a Gamebook, newest first",
            description = "Filters: from (inclusive) and to (exclusive) as ISO-8601 instants of startedAt, pageSize "
                    + "1-500 (default 100). Pass nextCursor as cursor, with the same filters, for the next page.")
    public TimePage.Page<GamebookRunView> runs(@PathParam("workspaceId") String workspaceId,
            @PathParam("gamebookId") String gamebookId, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("pageSize") String pageSize, @QueryParam("cursor") String cursor) {
        return gamebooks.runs(Caller.of(securityContext), workspaceId, gamebookId,
                TimePage.parse(from, to, pageSize, cursor));
    }
}
