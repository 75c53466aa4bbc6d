package io.warden.audit;

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

/** The organization's audit trail (v2): read-only, newest first, with cursor paging. */
@Path("/v2/audit-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditResource {

    static final String PAGING = "Filters: from (inclusive) and to (exclusive) as ISO-8601 instants, "
            + "eventType (such as credential.issued), actor (such as user:<id>, service-account:<id> or system), "
            + "pageSize 1-500 (default 100). Pass nextCursor as cursor, with the same filters, for the next page.";

    @Inject
    AuditQueryService audit;

    @Context
    SecurityContext securityContext;

    @GET
    @RequiresScope(Scope.ORG_SERVICE_ACCOUNTS_READ)
    @Operation(summary = "List the organization's audit events", description = PAGING)
    public TimePage.Page<AuditEventView> organizationEvents(@QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("eventType") String eventType, @QueryParam("actor") String actor,
            @QueryParam("pageSize") String pageSize, @QueryParam("cursor") String cursor) {
        return audit.query(Caller.of(securityContext), null, eventType, actor, TimePage.parse(from, to, pageSize, cursor));
    }
}
