package io.warden.workspace;

import io.warden.auth.Caller;
import io.warden.scope.AnyAuthenticatedCaller;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The workspaces the caller may see (v2). */
@Path("/v2/workspaces")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Workspaces")
public class WorkspaceResource {

    @Inject
    WorkspaceService workspaces;

    /** The visible workspaces as returned by the API. */
    public record WorkspaceList(List<WorkspaceView> items) {
    }

    @GET
    @AnyAuthenticatedCaller
    @Operation(summary = "List the workspaces the caller may see",
            description = "Open to any authenticated caller; requires no scope. An account limited to some "
                    + "workspaces sees only those.")
    public WorkspaceList list(@Context SecurityContext securityContext) {
        return new WorkspaceList(workspaces.listVisible(Caller.of(securityContext)));
    }
}
