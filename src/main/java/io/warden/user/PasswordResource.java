package io.warden.user;

import io.warden.auth.Caller;
import io.warden.scope.AnyAuthenticatedCaller;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The calling portal user's own password (v2). */
@Path("/v2/me/password")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
public class PasswordResource {

    @Inject
    PasswordService passwords;

    @Context
    SecurityContext securityContext;

    @PUT
    @AnyAuthenticatedCaller
    @Operation(summary = "Change your own password",
            description = "Portal users only; requires no scope. Body: currentPassword and newPassword (12-128 "
                    + "characters, different from the current one). The next request must use the new password.")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "403", description = "The caller is a service account, which has no password")
    public Response change(@NotNull(message = "is required") JsonObject body) {
        passwords.change(Caller.of(securityContext), UserRequests.parsePasswordChange(body));
        return Response.noContent().build();
    }
}
