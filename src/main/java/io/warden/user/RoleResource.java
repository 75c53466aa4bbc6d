package io.warden.user;

import io.warden.scope.AnyAuthenticatedCaller;
import io.warden.scope.Scope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The organization roles and the scopes each one grants. */
@Path("/v2/roles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class RoleResource {

    /** One role as returned by the API, with its effective scopes in catalog order. */
    public record RoleView(String name, String displayName, List<String> scopes) {
    }

    /** Every role as returned by the API. */
    public record RoleCatalog(List<RoleView> roles) {
    }

    @GET
    @AnyAuthenticatedCaller
    @Operation(summary = "List every organization role with the scopes it grants",
            description = "Open to any authenticated caller; requires no scope.")
    public RoleCatalog list() {
        List<RoleView> roles = Arrays.stream(OrganizationRole.values())
                .map(role -> new RoleView(role.name(), role.displayName(),
                        role.scopes().stream().sorted().map(Scope::scopeName).toList()))
                .toList();
        return new RoleCatalog(roles);
    }
}
