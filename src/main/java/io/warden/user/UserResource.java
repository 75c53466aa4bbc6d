package io.warden.user;

import io.warden.auth.Caller;
import io.warden.platform.paging.KeyPage;
import io.warden.platform.paging.TimePage;
import io.warden.scope.RequiresScope;
import io.warden.scope.Scope;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

/** The portal users of the caller's organization (v2). Service accounts are never listed here. */
@Path("/v2/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class UserResource {

    @Inject
    UserService users;

    @Inject
    PasswordService passwords;

    @Context
    SecurityContext securityContext;

    @GET
    @RequiresScope(Scope.ORG_USERS_READ)
    @Operation(summary = "List the organization's users by login name",
            description = "pageSize 1-500 (default 100). Pass nextCursor as cursor for the next page.")
    public TimePage.Page<UserView> list(@QueryParam("pageSize") String pageSize, @QueryParam("cursor") String cursor) {
        return users.list(Caller.of(securityContext), KeyPage.parse(pageSize, cursor));
    }

    @GET
    @Path("/{userId}")
    @RequiresScope(Scope.ORG_USERS_READ)
    @Operation(summary = "Get a user's profile")
    public UserView get(@PathParam("userId") String userId) {
        return users.get(Caller.of(securityContext), userId);
    }

    @POST
    @RequiresScope(Scope.ORG_USERS_MANAGE)
    @Operation(summary = "Add a user with a generated initial password",
            description = "Body: loginName (1-320 characters, not a UUID, no colon), displayName, email (optional) "
                    + "and role. The caller must hold every scope of the role. The response carries initialPassword, "
                    + "shown in this response only.")
    @APIResponse(responseCode = "201", description = "The user and its initialPassword")
    @APIResponse(responseCode = "409", description = "The login name is already taken")
    public Response add(@NotNull(message = "is required") JsonObject body) {
        UserView.Created created = users.add(Caller.of(securityContext), UserRequests.parseNewUser(body));
        return Response.created(URI.create("/api/v2/users/" + created.id())).entity(created).build();
    }

    @PATCH
    @Path("/{userId}")
    @RequiresScope(Scope.ORG_USERS_MANAGE)
    @Operation(summary = "Change a user's display name or email",
            description = "Fields left out stay as they are; a null email clears it.")
    public UserView update(@PathParam("userId") String userId, @NotNull(message = "is required") JsonObject body) {
        return users.update(Caller.of(securityContext), userId, UserRequests.parseProfileChange(body));
    }

    @DELETE
    @Path("/{userId}")
    @RequiresScope(Scope.ORG_USERS_MANAGE)
    @Operation(summary = "Remove a user",
            description = "The user can no longer sign in and disappears from the API; its audit history stays. "
                    + "The last Organization Admin cannot be removed (409).")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "409", description = "The user is the last Organization Admin")
    public Response remove(@PathParam("userId") String userId) {
        users.remove(Caller.of(securityContext), userId);
        return Response.noContent().build();
    }

    @PUT
    @Path("/{userId}/role")
    @RequiresScope(Scope.ORG_USERS_ROLES)
    @Operation(summary = "Assign a user's organization role",
            description = "Body: {\"role\": \"ANALYST\"}. The caller must hold every scope of the new role and of the "
                    + "current one. The last Organization Admin cannot be demoted (409). The change applies from the "
                    + "user's next request.")
    @APIResponse(responseCode = "200", description = "The user with its new role")
    @APIResponse(responseCode = "409", description = "The user is the last Organization Admin")
    public UserView changeRole(@PathParam("userId") String userId, @NotNull(message = "is required") JsonObject body) {
        return users.changeRole(Caller.of(securityContext), userId, UserRequests.parseRoleChange(body));
    }

    @POST
    @Path("/{userId}/password-reset")
    @RequiresScope(Scope.ORG_USERS_MANAGE)
    @Operation(summary = "Replace a user's password with a generated one",
            description = "The old password stops working at once. The response carries initialPassword, shown in "
                    + "this response only. The caller must hold every scope of the user's role.")
    @APIResponse(responseCode = "200", description = "The user's id, loginName and new initialPassword")
    public PasswordService.Reset resetPassword(@PathParam("userId") String userId) {
        return passwords.reset(Caller.of(securityContext), userId);
    }
}
