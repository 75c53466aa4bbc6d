package io.warden.datasource;

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

/** Connected data sources of one workspace (v2). */
@Path("/v2/workspaces/{workspaceId}/data-sources")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Data sources")
public class DataSourceResource {

    @Inject
    DataSourceService dataSources;

    @Context
    SecurityContext securityContext;

    @GET
    @RequiresScope(Scope.DATASOURCES_READ)
    @Operation(summary = "List the data sources of a workspace by name",
            description = "Each entry has its type, name, status (connected, disconnected or error) and lastSyncAt. "
                    + "pageSize 1-500 (default 100). Pass nextCursor as cursor for the next page.")
    public TimePage.Page<DataSourceView> list(@PathParam("workspaceId") String workspaceId,
            @QueryParam("pageSize") String pageSize, @QueryParam("cursor") String cursor) {
        return dataSources.list(Caller.of(securityContext), workspaceId, KeyPage.parse(pageSize, cursor));
    }
}
