package io.warden.user;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.warden.auth.Caller;
import io.warden.platform.problem.ProblemException;
import io.warden.scope.Scope;
import io.warden.serviceaccount.WorkspaceAccess;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleGrantsTest {

    private static final String ORGANIZATION = "00000000-0000-0000-0000-000000000001";

    private static Caller serviceAccount(Set<Scope> scopes) {
        return Caller.serviceAccount("00000000-0000-0000-0000-000000000002", "automation", ORGANIZATION, scopes,
                WorkspaceAccess.everyWorkspace(), "00000000-0000-0000-0000-000000000003");
    }

    @Test
    void adminAssignsEveryRole() {
        Caller admin = Caller.portalUser("admin-id", "admin", ORGANIZATION, OrganizationRole.ORGANIZATION_ADMIN,
                WorkspaceAccess.everyWorkspace());

        for (OrganizationRole role : OrganizationRole.values()) {
            assertDoesNotThrow(() -> RoleGrants.requireAssignable(admin, role), role.name());
        }
    }

    @Test
    void managerWithoutAllScopesCannotAssignAdmin() {
        Caller manager = serviceAccount(Set.of(Scope.ORG_USERS_MANAGE, Scope.ORG_USERS_ROLES));

        ProblemException problem = assertThrows(ProblemException.class,
                () -> RoleGrants.requireAssignable(manager, OrganizationRole.ORGANIZATION_ADMIN));

        assertEquals(403, problem.status());
        assertEquals("role", problem.fieldErrors().get(0).field());
    }

    @Test
    void analystCannotAssignReadOnly() {
        Caller analyst = Caller.portalUser("analyst-id", "analyst", ORGANIZATION, OrganizationRole.ANALYST,
                WorkspaceAccess.everyWorkspace());

        assertEquals("webhooks:read, org:service-accounts:read",
                RoleGrants.missingScopes(analyst, OrganizationRole.READ_ONLY));
    }

    @Test
    void callerHoldingRoleScopesAssignsIt() {
        Caller caller = serviceAccount(OrganizationRole.ANALYST.scopes());

        assertDoesNotThrow(() -> RoleGrants.requireAssignable(caller, OrganizationRole.ANALYST));
        assertEquals("", RoleGrants.missingScopes(caller, OrganizationRole.ANALYST));
    }

    @Test
    void restrictedManagerCannotChangeUserSeeingMore() {
        Caller manager = Caller.serviceAccount("00000000-0000-0000-0000-000000000004", "restricted", ORGANIZATION,
                Scope.expand(Set.of(Scope.values())), WorkspaceAccess.only(Set.of("workspace-a")),
                "00000000-0000-0000-0000-000000000005");
        PortalUser everywhere = new PortalUser(ORGANIZATION, "everywhere", "Everywhere", OrganizationRole.READ_ONLY,
                "hash", Instant.EPOCH);
        PortalUser sameWorkspace = new PortalUser(ORGANIZATION, "same", "Same", OrganizationRole.READ_ONLY, "hash",
                Instant.EPOCH);
        sameWorkspace.setWorkspaceAccess(WorkspaceAccess.only(Set.of("workspace-a")));

        ProblemException problem = assertThrows(ProblemException.class,
                () -> RoleGrants.requireManageable(manager, everywhere));

        assertEquals(403, problem.status());
        assertDoesNotThrow(() -> RoleGrants.requireManageable(manager, sameWorkspace));
    }
}
