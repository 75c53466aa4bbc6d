package io.warden.credential;

import io.warden.auth.Caller;
import io.warden.scope.RequiresOrganizationAdmin;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Portal (v1) operation that rotates the key-encryption key of the stored Client Secrets. */
@Path("/operations/kek-rotations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Portal (v1)")
public class KekRotationResource {

    @Inject
    KekRotationService rotations;

    @Context
    SecurityContext securityContext;

    // NOTE: the KEK is server-wide, yet the Organization Admin of any one organization may rotate it for all.
    @POST
    @RequiresOrganizationAdmin
    @Operation(summary = "Rotate the key-encryption key (KEK)",
            description = "Creates a new KEK, re-wraps the data key of every encrypted Client Secret under it in "
                    + "batches, decrypts each secret to compare it with its lookup hash, then retires the old KEK. "
                    + "Secrets, lookup hashes and ciphertexts stay unchanged. After an interrupted run, calling "
                    + "again resumes it. The response carries KEK ids and counts, never key material.")
    @APIResponse(responseCode = "200", description = "The current KEK id and the counts of this run")
    @APIResponse(responseCode = "409", description = "A rotation is already running on this server")
    public KekRotationResult rotate() {
        return rotations.rotate(Caller.of(securityContext));
    }
}
