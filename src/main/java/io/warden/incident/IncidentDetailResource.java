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

/** Entities, alert rules, evidence and history of one incident (v2). */
@Path("/v2/workspaces/{workspaceId}/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Incidents")
public class IncidentDetailResource {

    @Inject
    IncidentDetailService details;

    @Context
    SecurityContext securityContext;

    @GET
    @Path("/{incidentId}/entities")
    @RequiresScope(Scope.INCIDENTS_READ)
    @Operation(summary = "List the entities of an incident",
            description = "The Sentinel entities imported for the incident (accounts, hosts, IP addresses...), "
                    + "each with id, kind, friendlyName and its Sentinel properties, ordered by kind and id.")
    public IncidentDetails.EntityList entities(@PathParam("workspaceId") String workspaceId,
            @PathParam("incidentId") String incidentId) {
        return details.entities(Caller.of(securityContext), workspaceId, incidentId);
    }

    @GET
    @Path("/{incidentId}/alert-rules")
    @RequiresScope(Scope.INCIDENTS_READ)
    @Operation(summary = "List the analytics rules related to an incident",
            description = "The rules in the Sentinel incident's relatedAnalyticRuleIds: ruleId (the last segment "
                    + "of the rule resource id), resourceId and displayName, which is null while no rule name is "
                    + "known to the server.")
    public IncidentDetails.AlertRuleList alertRules(@PathParam("workspaceId") String workspaceId,
            @PathParam("incidentId") String incidentId) {
        return details.alertRules(Caller.of(securityContext), workspaceId, incidentId);
    }

    @GET
    @Path("/{incidentId}/evidence")
    @RequiresScope(Scope.INCIDENTS_READ)
    @Operation(summary = "Summarize the evidence of an incident",
            description = "alertsCount, bookmarksCount and commentsCount as Sentinel reported them in the "
                    + "incident's additionalData at the last import (null when the import did not carry them), "
                    + "entitiesCount (the entities imported for the incident) and the entities themselves.")
    public IncidentDetails.EvidenceView evidence(@PathParam("workspaceId") String workspaceId,
            @PathParam("incidentId") String incidentId) {
        return details.evidence(Caller.of(securityContext), workspaceId, incidentId);
    }

    @GET
    @Path("/{incidentId}/history")
    @RequiresScope(Scope.INCIDENTS_READ)
    @Operation(summary = "List the changes made to an incident through the API, newest first",
            description = "Each entry has occurredAt, actor (user:<id> or service-account:<id>), changeType "
                    + "(incident.updated, owner.changed, comment.created, comment.updated, comment.deleted) and "
                    + "changes: each changed field with its value before and after. Imports are not listed. "
                    + "Filters: from, to (ISO-8601), pageSize (1-500, default 100); pass nextCursor back as cursor.")
    public TimePage.Page<IncidentDetails.HistoryEntryView> history(@PathParam("workspaceId") String workspaceId,
            @PathParam("incidentId") String incidentId, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("pageSize") String pageSize, @QueryParam("cursor") String cursor) {
        return details.history(Caller.of(securityContext), workspaceId, incidentId,
                TimePage.parse(from, to, pageSize, cursor));
    }
}
