package io.warden.incident;

import io.warden.auth.Caller;
import io.warden.platform.paging.TimePage;
import io.warden.scope.RequiresScope;
import io.warden.scope.Scope;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Comments of one incident (v2). */
@Path("/v2/workspaces/{workspaceId}/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Incidents")
public class IncidentCommentResource {

    @Inject
    IncidentDetailService details;

    @Inject
    IncidentCommentService comments;

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

    @POST
    @Path("/{incidentId}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresScope(Scope.INCIDENTS_COMMENTS)
    @Operation(summary = "Add a comment to an incident",
            description = "Body: {\"message\": \"...\"} with 1 to 30,000 characters. The caller becomes the "
                    + "comment's author (author.actor), the only one who may edit or delete it.")
    @APIResponse(responseCode = "201", description = "The new comment; Location names it")
    public Response create(@PathParam("workspaceId") String workspaceId, @PathParam("incidentId") String incidentId,
            JsonObject body) {
        IncidentDetails.CommentView comment = comments.create(Caller.of(securityContext), workspaceId, incidentId,
                body);
        URI location = URI.create("/api/v2/workspaces/" + workspaceId + "/incidents/" + incidentId + "/comments/"
                + comment.id());
        return Response.created(location).entity(comment).build();
    }

    @PATCH
    @Path("/{incidentId}/comments/{commentId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresScope(Scope.INCIDENTS_COMMENTS)
    @Operation(summary = "Edit a comment",
            description = "Body: {\"message\": \"...\"} with 1 to 30,000 characters. Only the comment's author "
                    + "(the same portal user or the same service account) may edit it; others get 403. Imported "
                    + "comments have no author in this server and cannot be edited.")
    @APIResponse(responseCode = "200", description = "The edited comment")
    public IncidentDetails.CommentView edit(@PathParam("workspaceId") String workspaceId,
            @PathParam("incidentId") String incidentId, @PathParam("commentId") String commentId, JsonObject body) {
        return comments.edit(Caller.of(securityContext), workspaceId, incidentId, commentId, body);
    }

    @DELETE
    @Path("/{incidentId}/comments/{commentId}")
    @RequiresScope(Scope.INCIDENTS_COMMENTS)
    @Operation(summary = "Delete a comment",
            description = "Only the comment's author (the same portal user or the same service account) may "
                    + "delete it; others get 403.")
    @APIResponse(responseCode = "204", description = "The comment was deleted")
    public Response delete(@PathParam("workspaceId") String workspaceId, @PathParam("incidentId") String incidentId,
            @PathParam("commentId") String commentId) {
        comments.delete(Caller.of(securityContext), workspaceId, incidentId, commentId);
        return Response.noContent().build();
    }
}
