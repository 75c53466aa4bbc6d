package io.warden.datasource;

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

/** Portal (v1) import of data sources. */
@Path("/workspaces/{workspaceId}/data-sources/import")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Portal (v1)")
public class DataSourceImportResource {

    @Inject
    DataSourceService dataSources;

    @Context
    SecurityContext securityContext;

    @POST
    @RequiresOrganizationAdmin
    @Operation(summary = "Import data sources into a workspace",
            description = "Body: {\"dataSources\": [{\"id\", \"type\", \"name\", \"status\", \"lastSyncAt\"}]} (see "
                    + "the README). Importing the same id again updates it. A malformed item rejects the whole "
                    + "request with 400 naming it, such as dataSources[1].status.")
    public ImportResult dataSources(@PathParam("workspaceId") String workspaceId, JsonObject body) {
        return dataSources.importDataSources(Caller.of(securityContext), workspaceId, body);
    }
}
