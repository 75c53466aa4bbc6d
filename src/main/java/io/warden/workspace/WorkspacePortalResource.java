package io.warden.workspace;

import io.warden.auth.Caller;
import io.warden.scope.RequiresOrganizationAdmin;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Portal (v1) management of workspaces, for Organization Admins. */
@Path("/workspaces")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Portal (v1)")
public class WorkspacePortalResource {

    @Inject
    WorkspaceService workspaces;

    /** Body of a workspace creation. */
    public static class CreateWorkspaceRequest {
        @NotNull(message = "is required")
        @NotBlank(message = "must not be blank")
        @Size(max = 200, message = "must be at most 200 characters")
        public String name;
    }

    /** The organization's workspaces as returned by the API. */
    public record WorkspaceList(List<WorkspaceView> items) {
    }

    @POST
    @RequiresOrganizationAdmin
    @Operation(summary = "Create a workspace", description = "Portal route for Organization Admins.")
    @APIResponse(responseCode = "201", description = "The workspace")
    public Response create(@Context SecurityContext securityContext,
            @Valid @NotNull(message = "is required") CreateWorkspaceRequest request) {
        WorkspaceView created = workspaces.create(Caller.of(securityContext), request.name.strip());
        return Response.created(URI.create("/api/workspaces/" + created.id())).entity(created).build();
    }

    @GET
    @RequiresOrganizationAdmin
    @Operation(summary = "List the organization's workspaces", description = "Portal route for Organization Admins.")
    public WorkspaceList list(@Context SecurityContext securityContext) {
        return new WorkspaceList(workspaces.listVisible(Caller.of(securityContext)));
    }
}
