package io.warden.user;

import io.warden.scope.Scope;
import io.warden.scope.ScopeKind;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Organization roles of portal users, each mapped to a scope set so that one authorization model
 * serves humans and service accounts alike.
 */
public enum OrganizationRole {

    /** Holds every scope. */
    ORGANIZATION_ADMIN("Organization Admin", EnumSet.allOf(Scope.class)),

    /** Works in the workspaces (incidents, tickets, Gamebooks, data sources, investigation logs) and reads the user list. */
    ANALYST("Analyst", analystScopes()),

    /** Holds every read scope and nothing else. */
    READ_ONLY("Read-only", readScopes());

    private final String displayName;
    private final Set<Scope> scopes;

    OrganizationRole(String displayName, Set<Scope> scopes) {
        this.displayName = displayName;
        this.scopes = Set.copyOf(Scope.expand(scopes));
    }

    public String displayName() {
        return displayName;
    }

    /** Returns the role's effective scopes, implied scopes included. */
    public Set<Scope> scopes() {
        return scopes;
    }

    public static Optional<OrganizationRole> fromName(String name) {
        return Arrays.stream(values()).filter(role -> role.name().equals(name)).findFirst();
    }

    /** Returns every role name, for error messages that list the valid roles. */
    public static List<String> names() {
        return Arrays.stream(values()).map(OrganizationRole::name).toList();
    }

    private static Set<Scope> analystScopes() {
        Set<Scope> scopes = Arrays.stream(Scope.values())
                .filter(scope -> scope.kind() == ScopeKind.WORKSPACE)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Scope.class)));
        scopes.add(Scope.ORG_USERS_READ);
        return scopes;
    }

    private static Set<Scope> readScopes() {
        return Arrays.stream(Scope.values())
                .filter(scope -> scope.scopeName().endsWith(":read"))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Scope.class)));
    }
}
