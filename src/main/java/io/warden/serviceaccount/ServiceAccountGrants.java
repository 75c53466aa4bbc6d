package io.warden.serviceaccount;

import io.warden.auth.Caller;
import io.warden.platform.problem.FieldError;
import io.warden.platform.problem.ProblemException;
import io.warden.scope.Scope;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The no-privilege-escalation rules. A caller grants only scopes it has itself and only
 * workspaces it can see, and manages only accounts whose workspace access lies within its own.
 */
final class ServiceAccountGrants {

    private ServiceAccountGrants() {
    }

    static void requireGrantableScopes(Caller caller, Set<Scope> requested, String field) {
        Set<Scope> missing = EnumSet.noneOf(Scope.class);
        for (Scope scope : Scope.expand(requested)) {
            if (!caller.holds(scope)) {
                missing.add(scope);
            }
        }
        if (!missing.isEmpty()) {
            String names = missing.stream().map(Scope::scopeName).collect(Collectors.joining(", "));
            throw new ProblemException(403, "Forbidden", "You cannot grant scopes you do not hold yourself: " + names,
                    List.of(new FieldError(field, "not held by the caller: " + names)));
        }
    }

    static void requireManageable(Caller caller, ServiceAccount account) {
        if (!account.getWorkspaceAccess().isWithin(caller.workspaceAccess())) {
            throw ProblemException.forbidden("You cannot manage service account " + account.getId()
                    + " because it can see workspaces that you cannot see.");
        }
    }
}
