package io.warden.scope;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The scope catalog, so integrations can discover what each scope grants and implies. */
@Path("/v2/scopes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
public class ScopeResource {

    /** One catalog entry as returned by the API. */
    public record ScopeView(String name, String kind, String description, List<String> implies) {
    }

    /** The catalog as returned by the API. */
    public record ScopeCatalog(List<ScopeView> scopes) {
    }

    @GET
    @AnyAuthenticatedCaller
    @Operation(summary = "List every scope with its description and the scopes it implies",
            description = "Open to any authenticated caller; requires no scope.")
    public ScopeCatalog list() {
        List<ScopeView> views = Arrays.stream(Scope.values())
                .map(scope -> new ScopeView(scope.scopeName(), scope.kind().name().toLowerCase(Locale.ROOT),
                        scope.description(), scope.implied().stream().map(Scope::scopeName).toList()))
                .toList();
        return new ScopeCatalog(views);
    }
}
