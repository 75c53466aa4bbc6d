package io.warden.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopeTest {

    @Test
    void writeImpliesRead() {
        Set<Scope> effective = Scope.expand(List.of(Scope.INCIDENTS_WRITE));

        assertTrue(effective.contains(Scope.INCIDENTS_WRITE));
        assertTrue(effective.contains(Scope.INCIDENTS_READ));
        assertEquals(2, effective.size());
    }

    @Test
    void manageImpliesOnlyItsOwnRead() {
        Set<Scope> effective = Scope.expand(List.of(Scope.TICKETS_MANAGE));

        assertEquals(EnumSet.of(Scope.TICKETS_MANAGE, Scope.TICKETS_READ), effective);
        assertFalse(effective.contains(Scope.INCIDENTS_READ));
    }

    @Test
    void readImpliesNothingMore() {
        assertEquals(EnumSet.of(Scope.INCIDENTS_READ), Scope.expand(List.of(Scope.INCIDENTS_READ)));
    }

    @Test
    void everyImplicationTable() {
        assertEquals(List.of(Scope.INCIDENTS_READ), Scope.INCIDENTS_COMMENTS.implied());
        assertEquals(List.of(Scope.WEBHOOKS_READ), Scope.WEBHOOKS_MANAGE.implied());
        assertEquals(List.of(Scope.ORG_USERS_READ), Scope.ORG_USERS_MANAGE.implied());
        assertEquals(List.of(Scope.ORG_USERS_READ), Scope.ORG_USERS_ROLES.implied());
        assertEquals(List.of(Scope.ORG_SERVICE_ACCOUNTS_READ), Scope.ORG_SERVICE_ACCOUNTS_MANAGE.implied());
    }

    @Test
    void catalogHasFifteenScopes() {
        assertEquals(15, Scope.names().size());
        assertEquals("incidents:read", Scope.names().get(0));
    }

    @Test
    void fromNameIsExact() {
        assertEquals(Scope.INCIDENTS_READ, Scope.fromName("incidents:read").orElseThrow());
        assertTrue(Scope.fromName("Incidents:Read").isEmpty());
        assertTrue(Scope.fromName(null).isEmpty());
    }

    @Test
    void storedFormRoundTrips() {
        Set<Scope> scopes = EnumSet.of(Scope.TICKETS_READ, Scope.INCIDENTS_READ);

        String stored = Scope.formatStored(scopes);

        assertEquals("incidents:read tickets:read", stored);
        assertEquals(scopes, Scope.parseStored(stored));
    }
}
