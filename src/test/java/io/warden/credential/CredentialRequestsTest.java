package io.warden.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warden.platform.problem.ProblemException;
import io.warden.scope.Scope;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialRequestsTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void knownScopesParse() {
        assertEquals(EnumSet.of(Scope.INCIDENTS_READ, Scope.TICKETS_MANAGE),
                CredentialRequests.parseScopes(List.of("incidents:read", "tickets:manage"), "scopes"));
    }

    @Test
    void unknownScopeListsValidOnes() {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> CredentialRequests.parseScopes(List.of("incidents:read", "incidents:delete"), "scopes"));

        assertEquals(400, problem.status());
        assertEquals("scopes", problem.fieldErrors().get(0).field());
        assertTrue(problem.getMessage().contains("incidents:delete"));
        assertTrue(problem.getMessage().contains("org:service-accounts:manage"));
    }

    @Test
    void absentExpiryNeverExpires() {
        assertNull(CredentialRequests.parseExpiry(null, "expiresAt", NOW));
    }

    @Test
    void futureExpiryParsesWithOffset() {
        assertEquals(Instant.parse("2026-01-01T10:00:00Z"),
                CredentialRequests.parseExpiry("2026-01-01T12:00:00+02:00", "expiresAt", NOW));
    }

    @Test
    void pastOrPresentExpiryIsRejected() {
        ProblemException past = assertThrows(ProblemException.class,
                () -> CredentialRequests.parseExpiry("2025-12-31T23:59:59Z", "expiresAt", NOW));
        ProblemException present = assertThrows(ProblemException.class,
                () -> CredentialRequests.parseExpiry("2026-01-01T00:00:00Z", "expiresAt", NOW));

        assertEquals("expiresAt", past.fieldErrors().get(0).field());
        assertEquals("expiresAt", present.fieldErrors().get(0).field());
    }

    @Test
    void expiryWithoutOffsetIsRejected() {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> CredentialRequests.parseExpiry("2027-01-01T00:00:00", "expiresAt", NOW));

        assertTrue(problem.getMessage().contains("ISO-8601"));
    }

    @Test
    void expiryComparisonIsInclusive() {
        Instant expiresAt = Instant.parse("2026-01-01T00:00:01Z");

        assertTrue(CredentialStatus.isExpired(expiresAt, expiresAt));
        assertTrue(CredentialStatus.isExpired(expiresAt, expiresAt.plusMillis(1)));
        assertEquals(false, CredentialStatus.isExpired(expiresAt, expiresAt.minusMillis(1)));
        assertEquals(false, CredentialStatus.isExpired(null, expiresAt));
    }

    @Test
    void secretsAre44CharBase64WithSixCharPrefix() {
        String secret = ClientSecrets.generate();

        assertEquals(44, secret.length());
        assertTrue(secret.matches("[A-Za-z0-9+/]{43}="));
        assertEquals(secret.substring(0, 6), ClientSecrets.prefix(secret));
        assertEquals(64, ClientSecrets.hash(secret).length());
    }
}
