package io.warden.investigation;

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

/** Directory logs (directory audits) of one workspace (v2). */
@Path("/v2/workspaces/{workspaceId}/directory-logs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Investigation")
public class DirectoryLogResource {

    @Inject
    InvestigationService investigation;

    @Context
    SecurityContext securityContext;

    @GET
    @RequiresScope(Scope.INVESTIGATION_READ)
    @Operation(summary = "List the directory changes of a workspace, newest first",
            description = "Filters: user (the initiating user's userPrincipalName, any case, or id), result "
                    + "(success, failure or timeout), from (inclusive) and to (exclusive) as ISO-8601 instants of "
                    + "activityDateTime, pageSize 1-500 (default 100). Pass nextCursor as cursor, with the same "
                    + "filters, for the next page.")
    public TimePage.Page<DirectoryLogView> list(@PathParam("workspaceId") String workspaceId,
            @QueryParam("user") String user, @QueryParam("result") String result, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("pageSize") String pageSize, @QueryParam("cursor") String cursor) {
        return investigation.directoryLogs(Caller.of(securityContext), workspaceId, user, result,
                TimePage.parse(from, to, pageSize, cursor));
    }
}
