package io.warden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Credential expiry at request time and through the sweep, with two server nodes on one database:
 * the sweep must record each expiry exactly once, and a revocation on one node must reach the
 * other within about a second.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExpirySweepIT {

    /** The sweep runs every 15 seconds; this leaves room for two periods and a slow machine. */
    private static final Duration SWEEP_WAIT = Duration.ofSeconds(50);

    private final WardenApi api = new WardenApi();
    private final String secondNode = System.getProperty("warden.it.node2.baseUrl");

    @AfterAll
    void noSecretsInLogs() throws Exception {
        api.assertNoSecretsInServerLogs();
    }

    private Response onSecondNode(WardenApi.Credentials credentials, String path) {
        return RestAssured.given().baseUri(secondNode).header(WardenApi.AUTHORIZATION, credentials.authorization())
                .get(path);
    }

    private JsonObject credentialView(String accountId, String credentialId) {
        return WardenApi.json(api.asAdmin().get("/api/v2/service-accounts/" + accountId + "/credentials"))
                .getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(item -> item.getString("id").equals(credentialId)).findFirst().orElseThrow();
    }

    private long expiredEvents(String accountId, String credentialId) {
        return WardenApi.json(api.asAdmin().queryParam("eventType", "credential.expired")
                        .get("/api/v2/service-accounts/" + accountId + "/audit-events"))
                .getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(event -> event.getString("credentialId").equals(credentialId))
                .peek(event -> assertEquals("system", event.getString("actor")))
                .count();
    }

    @Test
    void secondNodeSharesTheDatabase() {
        WardenApi.Credentials credentials = api.createServiceAccount(List.of("incidents:read"), List.of());

        assertEquals(200, onSecondNode(credentials, "/api/v2/me").statusCode());
        assertEquals(200, RestAssured.given().baseUri(secondNode).get("/health/ready").statusCode());
    }

    @Test
    void credentialIsRefusedAtExpiryAndSweptOnce() throws Exception {
        WardenApi.Credentials holder = api.createServiceAccount(List.of("incidents:read"), List.of());
        Instant expiresAt = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
        List<WardenApi.Credentials> expiring = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            expiring.add(api.issueCredential(holder.clientId(), List.of("incidents:read"), expiresAt.toString()));
        }
        WardenApi.Credentials probe = expiring.get(0);
        assertEquals(200, api.as(probe).get("/api/v2/me").statusCode());

        Response rejected;
        do {
            rejected = api.as(probe).get("/api/v2/me");
            if (rejected.statusCode() == 200) {
                assertTrue(Instant.now().isBefore(expiresAt.plusMillis(50)), "accepted after its expiry");
                Thread.sleep(50);
            }
        } while (rejected.statusCode() == 200);
        assertFalse(Instant.now().isBefore(expiresAt), "refused before its expiry");
        WardenApi.assertProblem(rejected, 403, WardenApi.CREDENTIAL_INACTIVE);
        assertEquals(403, onSecondNode(probe, "/api/v2/me").statusCode());

        Instant deadline = Instant.now().plus(SWEEP_WAIT);
        for (WardenApi.Credentials credentials : expiring) {
            while (!credentialView(holder.clientId(), credentials.credentialId()).getString("status").equals("expired")
                    || expiredEvents(holder.clientId(), credentials.credentialId()) == 0) {
                assertTrue(Instant.now().isBefore(deadline), "the sweep did not mark the credential within " + SWEEP_WAIT);
                Thread.sleep(500);
            }
        }

        Thread.sleep(Duration.ofSeconds(16).toMillis());
        for (WardenApi.Credentials credentials : expiring) {
            assertEquals(1, expiredEvents(holder.clientId(), credentials.credentialId()),
                    "each expiry is recorded once across both nodes");
        }
        assertEquals("active", credentialView(holder.clientId(), holder.credentialId()).getString("status"));
    }

    @Test
    void revocationReachesSecondNodeWithinASecond() throws Exception {
        WardenApi.Credentials credentials = api.createServiceAccount(List.of("incidents:read"), List.of());
        assertEquals(200, onSecondNode(credentials, "/api/v2/me").statusCode());

        Response revoked = api.adminPost("/api/v2/service-accounts/" + credentials.clientId() + "/credentials/"
                + credentials.credentialId() + "/revoke");
        assertEquals(200, revoked.statusCode());
        Instant revokedAt = Instant.now();

        while (onSecondNode(credentials, "/api/v2/me").statusCode() == 200) {
            assertTrue(Duration.between(revokedAt, Instant.now()).toMillis() < 1500,
                    "the second node still accepted the credential 1.5 s after revocation");
            Thread.sleep(50);
        }
        assertEquals(403, api.as(credentials).get("/api/v2/me").statusCode());
    }
}
