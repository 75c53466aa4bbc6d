package io.warden.workspace;

import io.warden.auth.Caller;
import io.warden.platform.paging.KeyPage;
import io.warden.platform.paging.TimePage;
import io.warden.scope.AnyAuthenticatedCaller;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The workspaces the caller may see (v2). */
@Path("/v2/workspaces")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Workspaces")
public class WorkspaceResource {

    @Inject
    WorkspaceService workspaces;

    @GET
    @AnyAuthenticatedCaller
    @Operation(summary = "List the workspaces the caller may see",
            description = "Open to any authenticated caller; requires no scope. An account limited to some "
                    + "workspaces sees only those. Ordered by name; pageSize 1-500 (default 100), pass nextCursor as "
                    + "cursor for the next page.")
    public TimePage.Page<WorkspaceView> list(@Context SecurityContext securityContext,
            @QueryParam("pageSize") String pageSize, @QueryParam("cursor") String cursor) {
        return workspaces.pageVisible(Caller.of(securityContext), KeyPage.parse(pageSize, cursor));
    }
}
