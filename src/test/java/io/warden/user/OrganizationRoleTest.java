package io.warden.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warden.scope.Scope;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrganizationRoleTest {

    @Test
    void adminHoldsEveryScope() {
        assertEquals(EnumSet.allOf(Scope.class), OrganizationRole.ORGANIZATION_ADMIN.scopes());
    }

    @Test
    void analystHoldsWorkspaceScopesAndUserRead() {
        EnumSet<Scope> expected = EnumSet.of(Scope.INCIDENTS_READ, Scope.INCIDENTS_WRITE, Scope.INCIDENTS_COMMENTS,
                Scope.GAMEBOOKS_READ, Scope.DATASOURCES_READ, Scope.TICKETS_READ, Scope.TICKETS_MANAGE,
                Scope.INVESTIGATION_READ, Scope.ORG_USERS_READ);

        assertEquals(expected, OrganizationRole.ANALYST.scopes());
    }

    @Test
    void readOnlyHoldsEveryReadScope() {
        EnumSet<Scope> expected = EnumSet.of(Scope.INCIDENTS_READ, Scope.GAMEBOOKS_READ, Scope.DATASOURCES_READ,
                Scope.TICKETS_READ, Scope.INVESTIGATION_READ, Scope.WEBHOOKS_READ, Scope.ORG_USERS_READ,
                Scope.ORG_SERVICE_ACCOUNTS_READ);

        assertEquals(expected, OrganizationRole.READ_ONLY.scopes());
    }

    @Test
    void readOnlyHoldsNoWriteScope() {
        for (Scope scope : OrganizationRole.READ_ONLY.scopes()) {
            assertTrue(scope.scopeName().endsWith(":read"), scope.scopeName());
        }
    }

    @Test
    void analystCannotManageUsersOrAccounts() {
        assertFalse(OrganizationRole.ANALYST.scopes().contains(Scope.ORG_USERS_MANAGE));
        assertFalse(OrganizationRole.ANALYST.scopes().contains(Scope.ORG_USERS_ROLES));
        assertFalse(OrganizationRole.ANALYST.scopes().contains(Scope.ORG_SERVICE_ACCOUNTS_READ));
    }

    @Test
    void fromNameMatchesExactName() {
        assertEquals(Optional.of(OrganizationRole.ANALYST), OrganizationRole.fromName("ANALYST"));
        assertEquals(Optional.empty(), OrganizationRole.fromName("analyst"));
        assertEquals(Optional.empty(), OrganizationRole.fromName(null));
    }
}
