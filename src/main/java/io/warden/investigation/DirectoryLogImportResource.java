package io.warden.investigation;

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

/** Portal (v1) import of Microsoft Graph directory audits into a workspace. */
@Path("/workspaces/{workspaceId}/directory-logs/import")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Portal (v1)")
public class DirectoryLogImportResource {

    @Inject
    InvestigationService investigation;

    @Context
    SecurityContext securityContext;

    @POST
    @RequiresOrganizationAdmin
    @Operation(summary = "Import Microsoft Graph directory audits into a workspace",
            description = "Body: the response of GET /auditLogs/directoryAudits {\"value\": [...]} "
                    + "(Graph v1.0 directoryAudit resources). "
                    + "Importing the same id again updates the entry. "
                    + "A malformed item rejects the whole request with 400 naming it, "
                    + "such as value[2].activityDateTime.")
    public ImportResult graph(@PathParam("workspaceId") String workspaceId, JsonObject body) {
        return investigation.importDirectoryAudits(Caller.of(securityContext), workspaceId, body);
    }
}
