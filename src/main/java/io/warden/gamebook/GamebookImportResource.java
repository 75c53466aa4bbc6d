package io.warden.gamebook;

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

/** Portal (v1) import of Gamebooks and their runs. */
@Path("/workspaces/{workspaceId}/gamebooks/import")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Portal (v1)")
public class GamebookImportResource {

    @Inject
    GamebookService gamebooks;

    @Context
    SecurityContext securityContext;

    @POST
    @RequiresOrganizationAdmin
    @Operation(summary = "Import Gamebooks and their runs into a workspace",
            description = "Body: {\"gamebooks\": [{\"id\", \"name\", \"description\", \"trigger\", \"enabled\", "
                    + "\"runs\": [{\"id\", \"incidentId\", \"status\", \"startedAt\", \"finishedAt\"}]}]} (see the "
                    + "README). Importing the same ids again updates them. A malformed item rejects the whole "
                    + "request with 400 naming it, such as gamebooks[1].runs[0].startedAt.")
    public ImportResult gamebooks(@PathParam("workspaceId") String workspaceId, JsonObject body) {
        return gamebooks.importGamebooks(Caller.of(securityContext), workspaceId, body);
    }
}
