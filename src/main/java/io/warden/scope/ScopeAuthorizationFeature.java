package io.warden.scope;

import io.warden.auth.AuthenticationProblems;
import io.warden.auth.Caller;
import io.warden.platform.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.List;

/**
 * Binds the authorization check that each resource method declares. Every resource method must
 * declare exactly one of {@link RequiresScope}, {@link AnyAuthenticatedCaller} or
 * {@link RequiresOrganizationAdmin}; a method that declares none fails the deployment, so no
 * endpoint can be left open by omission.
 */
@Provider
public class ScopeAuthorizationFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        Method method = resourceInfo.getResourceMethod();
        RequiresScope requiresScope = method.getAnnotation(RequiresScope.class);
        boolean anyCaller = method.isAnnotationPresent(AnyAuthenticatedCaller.class);
        boolean adminOnly = method.isAnnotationPresent(RequiresOrganizationAdmin.class);

        int declared = (requiresScope != null ? 1 : 0) + (anyCaller ? 1 : 0) + (adminOnly ? 1 : 0);
        if (declared != 1) {
            throw new IllegalStateException("Resource method " + resourceInfo.getResourceClass().getName() + "."
                    + method.getName() + " must declare exactly one of @RequiresScope, @AnyAuthenticatedCaller "
                    + "or @RequiresOrganizationAdmin");
        }

        if (requiresScope != null) {
            context.register(new ScopeCheck(requiresScope.value()));
        } else if (adminOnly) {
            context.register(new OrganizationAdminCheck());
        } else {
            context.register(new AuthenticatedCheck());
        }
    }

    private static Caller callerOf(ContainerRequestContext request) {
        return request.getSecurityContext().getUserPrincipal() instanceof Caller caller ? caller : null;
    }

    /** Rejects a caller that lacks the declared scope, naming the scope in the 403. */
    @Priority(Priorities.AUTHORIZATION)
    static final class ScopeCheck implements ContainerRequestFilter {

        private final Scope scope;

        ScopeCheck(Scope scope) {
            this.scope = scope;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            Caller caller = callerOf(request);
            if (caller == null) {
                request.abortWith(AuthenticationProblems.unauthenticated());
            } else if (!caller.holds(scope)) {
                request.abortWith(Problem.response(403, "Forbidden",
                        "Missing required scope: " + scope.scopeName(), List.of()));
            }
        }
    }

    /** Admits any authenticated caller. */
    @Priority(Priorities.AUTHORIZATION)
    static final class AuthenticatedCheck implements ContainerRequestFilter {

        @Override
        public void filter(ContainerRequestContext request) {
            if (callerOf(request) == null) {
                request.abortWith(AuthenticationProblems.unauthenticated());
            }
        }
    }

    /** Admits only portal users with the Organization Admin role. */
    @Priority(Priorities.AUTHORIZATION)
    static final class OrganizationAdminCheck implements ContainerRequestFilter {

        @Override
        public void filter(ContainerRequestContext request) {
            Caller caller = callerOf(request);
            if (caller == null) {
                request.abortWith(AuthenticationProblems.unauthenticated());
            } else if (!caller.isOrganizationAdmin()) {
                request.abortWith(Problem.response(403, "Forbidden",
                        "This portal operation requires the Organization Admin role.", List.of()));
            }
        }
    }
}
