package io.warden.serviceaccount;

import io.warden.auth.Caller;
import io.warden.scope.RequiresScope;
import io.warden.scope.Scope;
import io.warden.serviceaccount.ServiceAccountRequests.CreateServiceAccount;
import io.warden.platform.paging.KeyPage;
import io.warden.platform.paging.TimePage;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

/** Management of service accounts (v2), for portal admins and credentials with the service-account scopes. */
@Path("/v2/service-accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Service accounts")
public class ServiceAccountResource {

    @Inject
    ServiceAccountService serviceAccounts;

    @Context
    SecurityContext securityContext;

    @POST
    @RequiresScope(Scope.ORG_SERVICE_ACCOUNTS_MANAGE)
    @Operation(summary = "Create a service account and its first credential",
            description = "The response carries clientId and clientSecret. The secret is shown in this response "
                    + "only and can never be read again.")
    @APIResponse(responseCode = "201", description = "The account, with clientId, clientSecret and its first credential")
    public Response create(@Valid @NotNull(message = "is required") CreateServiceAccount request) {
        ServiceAccountView created = serviceAccounts.create(Caller.of(securityContext), request);
        return Response.created(URI.create("/api/v2/service-accounts/" + created.id())).entity(created).build();
    }

    @GET
    @RequiresScope(Scope.ORG_SERVICE_ACCOUNTS_READ)
    @Operation(summary = "List the organization's service accounts, by name",
            description = "pageSize 1-500 (default 100); pass nextCursor as cursor for the next page.")
    public TimePage.Page<ServiceAccountView> list(@QueryParam("pageSize") String pageSize,
            @QueryParam("cursor") String cursor) {
        return serviceAccounts.list(Caller.of(securityContext), KeyPage.parse(pageSize, cursor));
    }

    @GET
    @Path("/{serviceAccountId}")
    @RequiresScope(Scope.ORG_SERVICE_ACCOUNTS_READ)
    @Operation(summary = "Get a service account")
    public ServiceAccountView get(@PathParam("serviceAccountId") String serviceAccountId) {
        return serviceAccounts.get(Caller.of(securityContext), serviceAccountId);
    }

    @PATCH
    @Path("/{serviceAccountId}")
    @RequiresScope(Scope.ORG_SERVICE_ACCOUNTS_MANAGE)
    @Operation(summary = "Update name, description or workspace access",
            description = "Fields left out stay as they are; a null description clears it. Scopes and expiry "
                    + "belong to credentials.")
    public ServiceAccountView update(@PathParam("serviceAccountId") String serviceAccountId, JsonObject body) {
        return serviceAccounts.update(Caller.of(securityContext), serviceAccountId, ServiceAccountPatch.parse(body));
    }

    @POST
    @Path("/{serviceAccountId}/disable")
    @RequiresScope(Scope.ORG_SERVICE_ACCOUNTS_MANAGE)
    @Operation(summary = "Disable a service account",
            description = "Its credentials get 403 from the next request on; enabling it again restores them.")
    public ServiceAccountView disable(@PathParam("serviceAccountId") String serviceAccountId) {
        return serviceAccounts.setEnabled(Caller.of(securityContext), serviceAccountId, false);
    }

    @POST
    @Path("/{serviceAccountId}/enable")
    @RequiresScope(Scope.ORG_SERVICE_ACCOUNTS_MANAGE)
    @Operation(summary = "Enable a disabled service account")
    public ServiceAccountView enable(@PathParam("serviceAccountId") String serviceAccountId) {
        return serviceAccounts.setEnabled(Caller.of(securityContext), serviceAccountId, true);
    }

    @DELETE
    @Path("/{serviceAccountId}")
    @RequiresScope(Scope.ORG_SERVICE_ACCOUNTS_MANAGE)
    @Operation(summary = "Delete a service account",
            description = "Its credentials are revoked and get 403 from the next request on.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("serviceAccountId") String serviceAccountId) {
        serviceAccounts.delete(Caller.of(securityContext), serviceAccountId);
        return Response.noContent().build();
    }
}
