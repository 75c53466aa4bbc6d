package io.warden.audit;

import io.warden.auth.Caller;
import io.warden.platform.paging.TimePage;
import io.warden.scope.RequiresScope;
import io.warden.scope.Scope;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail of one service account (v2), readable after the account is deleted. */
@Path("/v2/service-accounts/{serviceAccountId}/audit-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AccountAuditResource {

    @Inject
    AuditQueryService audit;

    @Context
    SecurityContext securityContext;

    @GET
    @RequiresScope(Scope.ORG_SERVICE_ACCOUNTS_READ)
    @Operation(summary = "List the audit events of one service account",
            description = "Events of a deleted account stay readable here. " + AuditResource.PAGING)
    public TimePage.Page<AuditEventView> accountEvents(@PathParam("serviceAccountId") String serviceAccountId,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("eventType") String eventType,
            @QueryParam("actor") String actor, @QueryParam("pageSize") String pageSize,
            @QueryParam("cursor") String cursor) {
        return audit.query(Caller.of(securityContext), serviceAccountId, eventType, actor,
                TimePage.parse(from, to, pageSize, cursor));
    }
}
