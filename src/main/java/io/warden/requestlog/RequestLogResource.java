package io.warden.requestlog;

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

/** The request log of a service account (v2). */
@Path("/v2/service-accounts/{serviceAccountId}/request-logs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Service accounts")
public class RequestLogResource {

    @Inject
    RequestLogQueryService requestLogs;

    @Context
    SecurityContext securityContext;

    @GET
    @RequiresScope(Scope.ORG_SERVICE_ACCOUNTS_READ)
    @Operation(summary = "List the calls made with the account's credentials, newest first",
            description = "Includes rejected calls (403) and wrong secrets for this Client ID (401). Entries appear "
                    + "within about a second. Filters: from (inclusive) and to (exclusive) as ISO-8601 instants, "
                    + "status, credentialId, pageSize 1-500 (default 100). Pass nextCursor as cursor, with the same "
                    + "filters, for the next page.")
    public TimePage.Page<RequestLogView> list(@PathParam("serviceAccountId") String serviceAccountId,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("status") String status,
            @QueryParam("credentialId") String credentialId, @QueryParam("pageSize") String pageSize,
            @QueryParam("cursor") String cursor) {
        return requestLogs.query(Caller.of(securityContext), serviceAccountId, status, credentialId,
                TimePage.parse(from, to, pageSize, cursor));
    }
}
