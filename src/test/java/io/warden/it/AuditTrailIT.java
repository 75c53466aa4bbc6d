package io.warden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The audit trail of service accounts: one event per lifecycle action, with its actor. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailIT {

    private final WardenApi api = new WardenApi();

    @AfterAll
    void noSecretsInLogs() throws Exception {
        api.assertNoSecretsInServerLogs();
    }

    private String adminActor() {
        return "user:" + WardenApi.json(api.asAdmin().get("/api/v2/me")).getString("id");
    }

    /** Returns every event of the account, oldest first, following the cursor through all pages. */
    private List<JsonObject> events(String accountId) {
        List<JsonObject> newestFirst = new ArrayList<>();
        String cursor = null;
        do {
            var request = api.asAdmin().queryParam("pageSize", 3);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            Response response = request.get("/api/v2/service-accounts/" + accountId + "/audit-events");
            assertEquals(200, response.statusCode(), response::asString);
            JsonObject page = WardenApi.json(response);
            newestFirst.addAll(page.getJsonArray("items").getValuesAs(JsonObject.class));
            cursor = page.isNull("nextCursor") ? null : page.getString("nextCursor");
        } while (cursor != null);
        List<JsonObject> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    private static List<String> types(List<JsonObject> events) {
        return events.stream().map(event -> event.getString("eventType")).toList();
    }

    @Test
    void everyLifecycleActionAppearsOnce() {
        WardenApi.Credentials first = api.createServiceAccount(List.of("incidents:read"), List.of());
        String id = first.clientId();
        String base = "/api/v2/service-accounts/" + id;

        assertEquals(200, api.asAdmin().body("{\"description\": \"nightly export\"}").patch(base).statusCode());
        assertEquals(200, api.adminPost(base + "/disable").statusCode());
        assertEquals(200, api.adminPost(base + "/enable").statusCode());
        WardenApi.Credentials second = api.issueCredential(id, List.of("incidents:read"), null);
        assertEquals(200, api.adminPost(base + "/credentials/" + first.credentialId() + "/revoke").statusCode());
        assertEquals(204, api.asAdmin().delete(base).statusCode());

        List<JsonObject> events = events(id);

        assertEquals(List.of("service_account.created", "credential.issued", "service_account.updated",
                "service_account.disabled", "service_account.enabled", "credential.issued", "credential.revoked",
                "credential.revoked", "service_account.deleted"), types(events));
        String actor = adminActor();
        for (JsonObject event : events) {
            assertEquals(actor, event.getString("actor"));
            assertEquals(id, event.getString("serviceAccountId"));
        }
        assertEquals(List.of("description"), events.get(2).getJsonObject("details").getJsonArray("changedFields")
                .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
        assertEquals(second.credentialId(), events.get(5).getString("credentialId"));
        assertEquals(first.credentialId(), events.get(6).getString("credentialId"));
        assertEquals(second.credentialId(), events.get(7).getString("credentialId"));
        assertEquals(first.clientSecret().substring(0, 6),
                events.get(1).getJsonObject("details").getString("secretPrefix"));
    }

    @Test
    void serviceAccountIsRecordedAsActor() {
        WardenApi.Credentials manager = api.createServiceAccount(List.of("org:service-accounts:manage"), List.of());

        WardenApi.Credentials created = api.createServiceAccount(manager.authorization(),
                WardenApi.serviceAccountBody(List.of("org:service-accounts:read"), List.of()).build());

        List<JsonObject> events = events(created.clientId());
        assertEquals(List.of("service_account.created", "credential.issued"), types(events));
        for (JsonObject event : events) {
            assertEquals("service-account:" + manager.clientId(), event.getString("actor"));
        }
    }

    @Test
    void organizationTrailFiltersByTypeAndActor() {
        WardenApi.Credentials manager = api.createServiceAccount(List.of("org:service-accounts:manage"), List.of());
        WardenApi.Credentials created = api.createServiceAccount(manager.authorization(),
                WardenApi.serviceAccountBody(List.of("org:service-accounts:read"), List.of()).build());

        Response response = api.asAdmin()
                .queryParam("eventType", "service_account.created")
                .queryParam("actor", "service-account:" + manager.clientId())
                .get("/api/v2/audit-events");

        assertEquals(200, response.statusCode(), response::asString);
        List<JsonObject> items = WardenApi.json(response).getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(1, items.size());
        assertEquals(created.clientId(), items.get(0).getString("serviceAccountId"));
    }

    @Test
    void rejectedChangeLeavesNoEvent() {
        WardenApi.Credentials account = api.createServiceAccount(List.of("incidents:read"), List.of());
        int before = events(account.clientId()).size();

        Response rejected = api.asAdmin().body(Json.createObjectBuilder()
                        .add("workspaceAccess", Json.createObjectBuilder().add("workspaceIds",
                                Json.createArrayBuilder().add("00000000-0000-0000-0000-000000000000")))
                        .build().toString())
                .patch("/api/v2/service-accounts/" + account.clientId());

        assertEquals(400, rejected.statusCode());
        assertEquals(before, events(account.clientId()).size());
    }

    @Test
    void eventsCannotBeChangedOrDeleted() {
        WardenApi.Credentials account = api.createServiceAccount(List.of("incidents:read"), List.of());
        String eventId = events(account.clientId()).get(0).getString("id");

        for (String method : List.of("DELETE", "PUT", "PATCH")) {
            int status = api.sendRaw(method, "/api/v2/audit-events", api.adminAuthorization()).statusCode();
            int single = api.sendRaw(method, "/api/v2/audit-events/" + eventId, api.adminAuthorization()).statusCode();
            assertTrue(status == 405 || status == 404, method + " on the trail returned " + status);
            assertTrue(single == 405 || single == 404, method + " on an event returned " + single);
        }
        assertFalse(events(account.clientId()).isEmpty());
    }

    @Test
    void unknownEventTypeIsRejected() {
        Response response = api.asAdmin().queryParam("eventType", "credential.stolen").get("/api/v2/audit-events");

        assertEquals(400, response.statusCode());
        assertEquals(List.of("eventType"), WardenApi.errorFields(response));
    }
}
