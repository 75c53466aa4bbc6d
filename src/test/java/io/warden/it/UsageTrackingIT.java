package io.warden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Last use and request logs of service-account credentials, read through the admin API. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsageTrackingIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final WardenApi api = new WardenApi();

    @AfterAll
    void noSecretsInLogs() throws Exception {
        api.assertNoSecretsInServerLogs();
    }

    private JsonObject credentialView(WardenApi.Credentials credentials) {
        Response response = api.asAdmin().get("/api/v2/service-accounts/" + credentials.clientId() + "/credentials");
        assertEquals(200, response.statusCode());
        return WardenApi.json(response).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(item -> item.getString("id").equals(credentials.credentialId()))
                .findFirst().orElseThrow();
    }

    /** Polls the account's request log until it satisfies the condition, and returns its items. */
    private List<JsonObject> awaitRequestLog(String accountId, String query, Predicate<List<JsonObject>> condition)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        List<JsonObject> items = List.of();
        while (Instant.now().isBefore(deadline)) {
            Response response = api.asAdmin().get("/api/v2/service-accounts/" + accountId + "/request-logs" + query);
            assertEquals(200, response.statusCode(), response::asString);
            items = WardenApi.json(response).getJsonArray("items").getValuesAs(JsonObject.class);
            if (condition.test(items)) {
                return items;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("request log did not reach the expected state within " + WAIT + ": " + items);
    }

    @Test
    void lastUsedAtAdvancesAfterCall() throws Exception {
        WardenApi.Credentials credentials = api.createServiceAccount(List.of("incidents:read"), List.of());
        assertFalse(credentialView(credentials).containsKey("lastUsedAt"), "a new credential has no last use");

        Instant before = Instant.now().minusSeconds(1);
        assertEquals(200, api.as(credentials).get("/api/v2/me").statusCode());

        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        JsonObject view = credentialView(credentials);
        while (!view.containsKey("lastUsedAt") && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            view = credentialView(credentials);
        }
        assertTrue(view.containsKey("lastUsedAt"), "lastUsedAt was not set within 5 seconds");
        assertTrue(Instant.parse(view.getString("lastUsedAt")).isAfter(before));
    }

    @Test
    void requestLogListsCallsWithStatusAndSource() throws Exception {
        WardenApi.Credentials credentials = api.createServiceAccount(List.of("incidents:read"), List.of());
        String wrongSecret = api.basic(credentials.clientId(), "wrong-" + credentials.clientSecret());

        assertEquals(200, api.as(credentials).get("/api/v2/me?verbose=yes&token=abc").statusCode());
        assertEquals(403, api.as(credentials).get("/api/workspaces").statusCode());
        assertEquals(403, api.as(credentials).get("/api/v2/service-accounts").statusCode());
        assertEquals(401, api.as(wrongSecret).get("/api/v2/me").statusCode());

        List<JsonObject> items = awaitRequestLog(credentials.clientId(), "", found -> found.size() >= 4);

        assertEquals(4, items.size());
        Set<String> calls = items.stream()
                .map(item -> item.getString("method") + " " + item.getString("path") + " " + item.getInt("status"))
                .collect(Collectors.toSet());
        assertEquals(Set.of("GET /api/v2/me 200", "GET /api/workspaces 403", "GET /api/v2/service-accounts 403",
                "GET /api/v2/me 401"), calls);
        for (JsonObject item : items) {
            assertEquals("127.0.0.1", item.getString("sourceIp"));
            assertTrue(item.getInt("latencyMs") >= 0);
            assertNotNull(item.getString("timestamp"));
        }
        JsonObject unauthenticated = items.stream().filter(item -> item.getInt("status") == 401).findFirst().orElseThrow();
        assertFalse(unauthenticated.containsKey("credentialId") && unauthenticated.get("credentialId") != JsonValue.NULL,
                "a wrong secret identifies no credential");
        JsonObject accepted = items.stream().filter(item -> item.getInt("status") == 200).findFirst().orElseThrow();
        assertEquals(credentials.credentialId(), accepted.getString("credentialId"));
        assertEquals(credentials.clientSecret().substring(0, 6), accepted.getString("secretPrefix"));
    }

    @Test
    void newestEntryComesFirst() throws Exception {
        WardenApi.Credentials credentials = api.createServiceAccount(List.of("incidents:read"), List.of());
        assertEquals(200, api.as(credentials).get("/api/v2/me").statusCode());
        Thread.sleep(20);
        assertEquals(200, api.as(credentials).get("/api/v2/workspaces").statusCode());

        List<JsonObject> items = awaitRequestLog(credentials.clientId(), "", found -> found.size() >= 2);

        assertEquals("/api/v2/workspaces", items.get(0).getString("path"));
        assertEquals("/api/v2/me", items.get(1).getString("path"));
    }

    @Test
    void oversizedAndForgedHeadersAreLoggedSafely() throws Exception {
        WardenApi.Credentials credentials = api.createServiceAccount(List.of("incidents:read"), List.of());
        String huge = "1".repeat(64 * 1024);

        Response oversized = api.as(credentials).header("X-Forwarded-For", huge).header("X-Padding", huge)
                .get("/api/v2/me");
        Response forged = api.as(credentials).header("X-Forwarded-For", "203.0.113.9, 198.51.100.7")
                .get("/api/v2/workspaces");
        assertEquals(200, oversized.statusCode());
        assertEquals(200, forged.statusCode());

        List<JsonObject> items = awaitRequestLog(credentials.clientId(), "", found -> found.size() >= 2);
        for (JsonObject item : items) {
            assertEquals("127.0.0.1", item.getString("sourceIp"), "an untrusted peer's X-Forwarded-For is ignored");
            assertTrue(item.getString("path").length() < 100);
        }
    }

    @Test
    void controlCharactersNeverReachTheLog() throws Exception {
        WardenApi.Credentials credentials = api.createServiceAccount(List.of("incidents:read"), List.of());

        int rejected = api.sendRaw("GET", "/api/v2/me%0d%0aInjected:%20yes", credentials.authorization()).statusCode();
        assertEquals(400, rejected, "the server rejects encoded control characters in the path");
        assertEquals(200, api.as(credentials).get("/api/v2/me").statusCode());

        List<JsonObject> items = awaitRequestLog(credentials.clientId(), "", found -> !found.isEmpty());
        Thread.sleep(1000);
        items = awaitRequestLog(credentials.clientId(), "", found -> !found.isEmpty());
        assertEquals(1, items.size(), "only the well-formed request reaches the log: " + items);
        assertEquals("/api/v2/me", items.get(0).getString("path"));
    }

    @Test
    void filtersAndCursorPaging() throws Exception {
        WardenApi.Credentials credentials = api.createServiceAccount(List.of("incidents:read"), List.of());
        for (int i = 0; i < 3; i++) {
            assertEquals(200, api.as(credentials).get("/api/v2/me").statusCode());
        }
        assertEquals(403, api.as(credentials).get("/api/workspaces").statusCode());
        awaitRequestLog(credentials.clientId(), "", found -> found.size() >= 4);

        List<JsonObject> forbidden = awaitRequestLog(credentials.clientId(), "?status=403", found -> !found.isEmpty());
        assertEquals(1, forbidden.size());

        String base = "/api/v2/service-accounts/" + credentials.clientId() + "/request-logs?status=200&pageSize=2";
        JsonObject first = WardenApi.json(api.asAdmin().get(base));
        assertEquals(2, first.getJsonArray("items").size());
        String cursor = first.getString("nextCursor");
        JsonObject second = WardenApi.json(api.asAdmin().queryParam("cursor", cursor).get(base));
        assertEquals(1, second.getJsonArray("items").size());
        assertEquals(JsonValue.NULL, second.get("nextCursor"));

        Response otherFilter = api.asAdmin().queryParam("cursor", cursor)
                .get("/api/v2/service-accounts/" + credentials.clientId() + "/request-logs?status=403");
        assertEquals(400, otherFilter.statusCode());
        assertEquals(List.of("cursor"), WardenApi.errorFields(otherFilter));
    }

    @Test
    void invalidFiltersNameTheField() {
        WardenApi.Credentials credentials = api.createServiceAccount(List.of("incidents:read"), List.of());
        String path = "/api/v2/service-accounts/" + credentials.clientId() + "/request-logs";

        assertEquals(List.of("status"), WardenApi.errorFields(api.asAdmin().get(path + "?status=abc")));
        assertEquals(List.of("from"), WardenApi.errorFields(api.asAdmin().get(path + "?from=yesterday")));
        assertEquals(List.of("pageSize"), WardenApi.errorFields(api.asAdmin().get(path + "?pageSize=501")));
    }
}
