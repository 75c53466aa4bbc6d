package io.warden.scope;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The scope catalog. A scope is named {@code resource:action}; a write or manage scope implies the
 * read scope of the same resource, so granting it also grants the read.
 */
public enum Scope {

    INCIDENTS_READ("incidents:read", ScopeKind.WORKSPACE,
            "View incidents, entities, evidence, alert rules and comments"),
    INCIDENTS_WRITE("incidents:write", ScopeKind.WORKSPACE,
            "Assign incidents, update status, bulk updates", INCIDENTS_READ),
    INCIDENTS_COMMENTS("incidents:comments", ScopeKind.WORKSPACE,
            "Create, update and delete incident comments", INCIDENTS_READ),
    GAMEBOOKS_READ("gamebooks:read", ScopeKind.WORKSPACE,
            "View Gamebooks, Gamebook history and incident Gamebooks"),
    DATASOURCES_READ("datasources:read", ScopeKind.WORKSPACE, "View connected data sources"),
    TICKETS_READ("tickets:read", ScopeKind.WORKSPACE, "Search service tickets"),
    TICKETS_MANAGE("tickets:manage", ScopeKind.WORKSPACE, "Link and unlink tickets to incidents", TICKETS_READ),
    INVESTIGATION_READ("investigation:read", ScopeKind.WORKSPACE, "View user sign-in logs and directory logs"),
    WEBHOOKS_READ("webhooks:read", ScopeKind.ORGANIZATION, "View webhook configurations and delivery logs"),
    WEBHOOKS_MANAGE("webhooks:manage", ScopeKind.ORGANIZATION,
            "Create, update, delete, pause, resume and test webhooks", WEBHOOKS_READ),
    ORG_USERS_READ("org:users:read", ScopeKind.ORGANIZATION, "View organization users and profiles"),
    ORG_USERS_MANAGE("org:users:manage", ScopeKind.ORGANIZATION, "Add, update and remove users", ORG_USERS_READ),
    ORG_USERS_ROLES("org:users:roles", ScopeKind.ORGANIZATION,
            "Assign and modify organization roles", ORG_USERS_READ),
    ORG_SERVICE_ACCOUNTS_READ("org:service-accounts:read", ScopeKind.ORGANIZATION,
            "View service accounts and credentials"),
    ORG_SERVICE_ACCOUNTS_MANAGE("org:service-accounts:manage", ScopeKind.ORGANIZATION,
            "Create, update, disable and delete service accounts", ORG_SERVICE_ACCOUNTS_READ);

    private static final Map<String, Scope> BY_NAME = new LinkedHashMap<>();

    static {
        for (Scope scope : values()) {
            BY_NAME.put(scope.scopeName, scope);
        }
    }

    private final String scopeName;
    private final ScopeKind kind;
    private final String description;
    private final List<Scope> implied;

    Scope(String scopeName, ScopeKind kind, String description, Scope... implied) {
        this.scopeName = scopeName;
        this.kind = kind;
        this.description = description;
        this.implied = List.of(implied);
    }

    public String scopeName() {
        return scopeName;
    }

    public ScopeKind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    public List<Scope> implied() {
        return implied;
    }

    public static Optional<Scope> fromName(String name) {
        return Optional.ofNullable(name == null ? null : BY_NAME.get(name));
    }

    /** Returns every catalog name, in catalog order, for error messages that list the valid scopes. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /** Returns the given scopes together with every scope they imply. */
    public static Set<Scope> expand(Collection<Scope> granted) {
        Set<Scope> effective = EnumSet.noneOf(Scope.class);
        for (Scope scope : granted) {
            effective.add(scope);
            effective.addAll(scope.implied);
        }
        return effective;
    }

    @Override
    public String toString() {
        return scopeName;
    }

    /** Parses a space-separated list as stored in the database; unknown names are skipped. */
    public static Set<Scope> parseStored(String stored) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        if (stored == null || stored.isBlank()) {
            return scopes;
        }
        Arrays.stream(stored.trim().split(" +")).map(BY_NAME::get).filter(s -> s != null).forEach(scopes::add);
        return scopes;
    }

    /** Formats scopes for storage: space-separated names in catalog order. */
    public static String formatStored(Collection<Scope> scopes) {
        return EnumSet.copyOf(scopes).stream().map(Scope::scopeName).reduce((a, b) -> a + " " + b).orElse("");
    }
}
