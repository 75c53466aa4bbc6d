package io.warden.user;

import io.warden.scope.Scope;
import java.util.EnumSet;
import java.util.Set;

/**
 * Organization roles of portal users, each mapped to a scope set so that one authorization model
 * serves humans and service accounts alike.
 */
public enum OrganizationRole {

    /** Holds every scope. */
    ORGANIZATION_ADMIN(EnumSet.allOf(Scope.class));

    private final Set<Scope> scopes;

    OrganizationRole(Set<Scope> scopes) {
        this.scopes = Set.copyOf(scopes);
    }

    public Set<Scope> scopes() {
        return scopes;
    }
}
