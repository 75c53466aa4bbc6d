package io.warden.incident;

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

/** Comments of one incident (v2). */
@Path("/v2/workspaces/{workspaceId}/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Incidents")
public class IncidentCommentResource {

    @Inject
    IncidentDetailService details;

    @Context
    SecurityContext securityContext;

    @GET
    @Path("/{incidentId}/comments")
    @RequiresScope(Scope.INCIDENTS_READ)
    @Operation(summary = "List the comments of an incident, newest first",
            description = "Imported Sentinel comments and comments written through the API. Filters: from, to "
                    + "(ISO-8601, on createdTimeUtc), pageSize (1-500, default 100); pass nextCursor back as cursor "
                    + "for the next page.")
    public TimePage.Page<IncidentDetails.CommentView> list(@PathParam("workspaceId") String workspaceId,
            @PathParam("incidentId") String incidentId, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("pageSize") String pageSize, @QueryParam("cursor") String cursor) {
        return details.comments(Caller.of(securityContext), workspaceId, incidentId,
                TimePage.parse(from, to, pageSize, cursor));
    }
}
