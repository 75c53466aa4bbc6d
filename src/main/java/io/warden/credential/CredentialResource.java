package io.warden.credential;

import io.warden.auth.Caller;
import io.warden.credential.CredentialRequests.IssueCredential;
import io.warden.platform.paging.TimePage;
import io.warden.scope.RequiresScope;
import io.warden.scope.Scope;
import io.warden.serviceaccount.ServiceAccountService;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

/** Credentials of one service account (v2): issue, list, revoke. */
@Path("/v2/service-accounts/{serviceAccountId}/credentials")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Service accounts")
public class CredentialResource {

    @Inject
    ServiceAccountService serviceAccounts;

    @Context
    SecurityContext securityContext;

    @POST
    @RequiresScope(Scope.ORG_SERVICE_ACCOUNTS_MANAGE)
    @Operation(summary = "Issue a new credential",
            description = "The response carries the clientSecret, shown in this response only. Use it to rotate "
                    + "without downtime: issue, switch the integration over, then revoke the old credential.")
    @APIResponse(responseCode = "201", description = "The credential with clientId and clientSecret")
    public Response issue(@PathParam("serviceAccountId") String serviceAccountId,
            @Valid @NotNull(message = "is required") IssueCredential request) {
        CredentialView.Issued issued = serviceAccounts.issueCredential(Caller.of(securityContext), serviceAccountId, request.scopes,
                request.expiresAt);
        URI location = URI.create("/api/v2/service-accounts/" + serviceAccountId + "/credentials/"
                + issued.credential().id());
        return Response.created(location).entity(issued).build();
    }

    @GET
    @RequiresScope(Scope.ORG_SERVICE_ACCOUNTS_READ)
    @Operation(summary = "List the credentials of a service account",
            description = "Prefix, status, scopes, expiry, last use and creation of each, newest first; never a "
                    + "secret. pageSize 1-500 (default 100); pass nextCursor as cursor for the next page.")
    public TimePage.Page<CredentialView> list(@PathParam("serviceAccountId") String serviceAccountId,
            @QueryParam("pageSize") String pageSize, @QueryParam("cursor") String cursor) {
        return serviceAccounts.listCredentials(Caller.of(securityContext), serviceAccountId,
                TimePage.parse(null, null, pageSize, cursor));
    }

    @POST
    @Path("/{credentialId}/revoke")
    @RequiresScope(Scope.ORG_SERVICE_ACCOUNTS_MANAGE)
    @Operation(summary = "Revoke a credential", description = "It gets 403 from the next request on.")
    public CredentialView revoke(@PathParam("serviceAccountId") String serviceAccountId,
            @PathParam("credentialId") String credentialId) {
        return serviceAccounts.revokeCredential(Caller.of(securityContext), serviceAccountId, credentialId);
    }
}
