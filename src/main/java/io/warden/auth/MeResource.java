package io.warden.auth;

import io.warden.organization.OrganizationService;
import io.warden.scope.AnyAuthenticatedCaller;
import io.warden.scope.Scope;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own identity: who it is, its organization and its effective scopes. */
@Path("/v2/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
public class MeResource {

    @Inject
    OrganizationService organizations;

    /** The caller as returned by the API. */
    public record MeView(String kind, String id, String name, String organizationId, String organizationName,
            String role, String credentialId, List<String> scopes, boolean allWorkspaces, List<String> workspaceIds) {
    }

    @GET
    @AnyAuthenticatedCaller
    @Operation(summary = "Describe the authenticated caller and its effective scopes",
            description = "Open to any authenticated caller; requires no scope. Effective scopes include implied ones.")
    public MeView get(@Context SecurityContext securityContext) {
        Caller caller = Caller.of(securityContext);
        List<String> scopes = caller.scopes().stream().sorted().map(Scope::scopeName).toList();
        return new MeView(caller.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), caller.id(),
                caller.displayName(), caller.organizationId(), organizations.name(caller.organizationId()),
                caller.role() == null ? null : caller.role().name(), caller.credentialId(), scopes,
                caller.workspaceAccess().allWorkspaces(), caller.workspaceAccess().workspaceIds().stream().sorted().toList());
    }
}
