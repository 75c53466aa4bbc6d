package io.warden.user;

import io.warden.auth.Caller;
import io.warden.platform.problem.FieldError;
import io.warden.platform.problem.ProblemException;
import io.warden.scope.Scope;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The no-privilege-escalation rules for users. A caller assigns only roles whose scopes it has
 * itself, and changes or removes only users whose role has no scope that the caller lacks and
 * who see no workspace that the caller cannot see.
 */
final class RoleGrants {

    private RoleGrants() {
    }

    static void requireAssignable(Caller caller, OrganizationRole role) {
        String missing = missingScopes(caller, role);
        if (!missing.isEmpty()) {
            throw new ProblemException(403, "Forbidden", "You cannot assign the role " + role.name()
                    + " because it holds scopes you do not hold yourself: " + missing,
                    List.of(new FieldError("role", "holds scopes not held by the caller: " + missing)));
        }
    }

    static void requireManageable(Caller caller, PortalUser user) {
        String missing = missingScopes(caller, user.getRole());
        if (!missing.isEmpty()) {
            throw ProblemException.forbidden("You cannot change user " + user.getId() + " because their role "
                    + user.getRole().name() + " holds scopes you do not hold yourself: " + missing);
        }
        if (!user.getWorkspaceAccess().isWithin(caller.workspaceAccess())) {
            throw ProblemException.forbidden("You cannot change user " + user.getId()
                    + " because they can see workspaces that you cannot see.");
        }
    }

    /** Returns the role's scopes that the caller lacks, comma-separated in catalog order, or an empty string. */
    static String missingScopes(Caller caller, OrganizationRole role) {
        return role.scopes().stream()
                .filter(scope -> !caller.holds(scope))
                .sorted()
                .map(Scope::scopeName)
                .collect(Collectors.joining(", "));
    }
}
