package io.warden.auth;

import io.warden.scope.Scope;
import io.warden.serviceaccount.WorkspaceAccess;
import io.warden.user.OrganizationRole;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Set;

/**
 * The authenticated caller of a request, a portal user or a service account, with its
 * organization, its effective scopes (implied scopes included) and its workspace access.
 */
public record Caller(CallerKind kind, String id, String displayName, String organizationId, Set<Scope> scopes,
        WorkspaceAccess workspaceAccess, OrganizationRole role, String credentialId) implements Principal {

    public Caller {
        scopes = Set.copyOf(Scope.expand(scopes));
    }

    public static Caller portalUser(String id, String loginName, String organizationId, OrganizationRole role,
            WorkspaceAccess workspaceAccess) {
        return new Caller(CallerKind.USER, id, loginName, organizationId, role.scopes(), workspaceAccess, role, null);
    }

    public static Caller serviceAccount(String clientId, String name, String organizationId, Set<Scope> scopes,
            WorkspaceAccess workspaceAccess, String credentialId) {
        return new Caller(CallerKind.SERVICE_ACCOUNT, clientId, name, organizationId, scopes, workspaceAccess,
                null, credentialId);
    }

    /**
     * Returns the caller of a request that passed the authentication filter, whose security context
     * always carries a {@code Caller} as its principal.
     */
    public static Caller of(SecurityContext securityContext) {
        return (Caller) securityContext.getUserPrincipal();
    }

    /** Returns the principal name: the login name of a user, the Client ID of a service account. */
    @Override
    public String getName() {
        return kind == CallerKind.USER ? displayName : id;
    }

    public boolean holds(Scope scope) {
        return scopes.contains(scope);
    }

    public boolean isOrganizationAdmin() {
        return role == OrganizationRole.ORGANIZATION_ADMIN;
    }

    /** Returns the actor reference stored in created-by and updated-by columns, such as {@code user:<id>}. */
    public String actor() {
        return kind.actorPrefix() + id;
    }
}
