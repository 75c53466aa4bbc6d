package io.warden.incident;

import io.warden.auth.Caller;
import io.warden.scope.RequiresScope;
import io.warden.scope.Scope;
import jakarta.inject.Inject;
import io.warden.platform.problem.ProblemException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Incidents of one workspace (v2): read one, change its status or owner. */
@Path("/v2/workspaces/{workspaceId}/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Incidents")
public class WorkspaceIncidentResource {

    private static final String IF_MATCH_RULE = " Send the ETag of the last GET in If-Match to make sure no one "
            + "changed the incident in between: a stale ETag gives 412. Without If-Match the change applies to the "
            + "latest state.";

    @Inject
    IncidentService incidents;

    @Inject
    IncidentUpdateService updates;

    @Context
    SecurityContext securityContext;

    @GET
    @Path("/{incidentId}")
    @RequiresScope(Scope.INCIDENTS_READ)
    @Operation(summary = "Get one incident of a workspace",
            description = "A workspace the caller cannot see returns 404, like one that does not exist. The ETag "
                    + "header carries the incident's version for If-Match on changes.")
    @APIResponse(responseCode = "200", description = "The incident, with its ETag header")
    public Response get(@PathParam("workspaceId") String workspaceId, @PathParam("incidentId") String incidentId) {
        VersionedIncident incident = incidents.get(Caller.of(securityContext), workspaceId,
                incidentId);
        return Response.ok(incident.incident()).header(HttpHeaders.ETAG, incident.etag()).build();
    }

    @PATCH
    @Path("/{incidentId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresScope(Scope.INCIDENTS_WRITE)
    @Operation(summary = "Change the status of an incident",
            description = "Body: {\"status\": \"New\" | \"Active\" | \"Closed\"}. Closing requires classification "
                    + "(Undetermined, TruePositive, BenignPositive, FalsePositive) and takes classificationReason "
                    + "(SuspiciousActivity, SuspiciousButExpected, IncorrectAlertLogic, InaccurateData) and "
                    + "classificationComment (up to 4000 characters); reopening clears them. The change is "
                    + "recorded in the incident's history with the caller as actor." + IF_MATCH_RULE)
    @APIResponse(responseCode = "200", description = "The changed incident, with its new ETag header")
    @APIResponse(responseCode = "412", description = "If-Match does not name the incident's current ETag")
    public Response update(@PathParam("workspaceId") String workspaceId, @PathParam("incidentId") String incidentId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonObject body) {
        VersionedIncident updated = updates.update(Caller.of(securityContext), workspaceId, incidentId,
                IncidentUpdate.parse(body), ifMatch);
        return Response.ok(updated.incident()).header(HttpHeaders.ETAG, updated.etag()).build();
    }

    @PUT
    @Path("/{incidentId}/owner")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresScope(Scope.INCIDENTS_WRITE)
    @Operation(summary = "Assign or unassign an incident",
            description = "Body: {\"userId\": \"<portal user id>\"} to assign the incident to a portal user of "
                    + "the caller's organization, or {\"userId\": null} to unassign it." + IF_MATCH_RULE)
    @APIResponse(responseCode = "200", description = "The changed incident, with its new ETag header")
    @APIResponse(responseCode = "412", description = "If-Match does not name the incident's current ETag")
    public Response assignOwner(@PathParam("workspaceId") String workspaceId,
            @PathParam("incidentId") String incidentId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            JsonObject body) {
        VersionedIncident updated = updates.assignOwner(Caller.of(securityContext), workspaceId,
                incidentId, OwnerRequest.userId(body), ifMatch);
        return Response.ok(updated.incident()).header(HttpHeaders.ETAG, updated.etag()).build();
    }

    /** Reads the body of an owner change. */
    static final class OwnerRequest {

        private OwnerRequest() {
        }

        /** Returns the user id, or null to unassign; the field must be present. */
        static String userId(JsonObject body) {
            if (body == null || !body.containsKey("userId")) {
                throw ProblemException.invalidField("userId",
                        "is required: a portal user id, or null to unassign");
            }
            JsonValue value = body.get("userId");
            if (value == JsonValue.NULL) {
                return null;
            }
            if (!(value instanceof JsonString text) || text.getString().isBlank()
                    || text.getString().length() > 36) {
                throw ProblemException.invalidField("userId",
                        "must be a portal user id (at most 36 characters) or null");
            }
            return text.getString();
        }
    }
}
