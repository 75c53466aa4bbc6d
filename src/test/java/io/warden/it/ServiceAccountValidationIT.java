package io.warden.it;

import static io.warden.it.WardenApi.errorFields;
import static io.warden.it.WardenApi.json;
import static io.warden.it.WardenApi.serviceAccountBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.restassured.response.Response;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Input rules of service-account creation, credential issuance and updates (400 naming the field,
 * nothing stored), the no-escalation rules (403), and that reads and updates return no secret.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceAccountValidationIT {

    private static final String ACCOUNTS = "/api/v2/service-accounts";
    private static final String PAST = "2020-01-01T00:00:00Z";

    private final WardenApi api = new WardenApi();
    private String workspaceId;
    private String otherWorkspaceId;

    @BeforeAll
    void createWorkspaces() {
        workspaceId = api.createWorkspace("validation");
        otherWorkspaceId = api.createWorkspace("validation-other");
    }

    /** Each case, named by its key, edits a valid creation body so that it breaks one rule. */
    @TestFactory
    Stream<DynamicTest> invalidCreationNamesField() {
        Map<String, Function<JsonObjectBuilder, JsonObjectBuilder>> cases = new LinkedHashMap<>();
        cases.put("name missing", body -> body.remove("name"));
        cases.put("name empty", body -> body.add("name", ""));
        cases.put("name blank", body -> body.add("name", "   "));
        cases.put("name 201 characters", body -> body.add("name", "n".repeat(201)));
        cases.put("description 1001 characters", body -> body.add("description", "d".repeat(1001)));
        cases.put("scopes missing", body -> body.remove("scopes"));
        cases.put("scopes empty", body -> body.add("scopes", Json.createArrayBuilder()));
        cases.put("scope unknown", body -> body.add("scopes", Json.createArrayBuilder().add("incidents:delete")));
        cases.put("expiresAt past", body -> body.add("expiresAt", PAST));
        cases.put("expiresAt not a date", body -> body.add("expiresAt", "next Tuesday"));
        cases.put("workspaceAccess missing", body -> body.remove("workspaceAccess"));
        cases.put("workspace unknown", body -> body.add("workspaceAccess",
                WardenApi.workspaceAccess(List.of("00000000-0000-0000-0000-000000000000"))));
        cases.put("all workspaces with ids", body -> body.add("workspaceAccess", Json.createObjectBuilder()
                .add("allWorkspaces", true)
                .add("workspaceIds", Json.createArrayBuilder().add(workspaceId))));
        cases.put("scopes not an array", body -> body.add("scopes", "incidents:read"));
        cases.put("workspace ids not an array", body -> body.add("workspaceAccess", Json.createObjectBuilder()
                .add("workspaceIds", "abc")));

        Map<String, String> expectedField = Map.ofEntries(
                Map.entry("name missing", "name"),
                Map.entry("name empty", "name"),
                Map.entry("name blank", "name"),
                Map.entry("name 201 characters", "name"),
                Map.entry("description 1001 characters", "description"),
                Map.entry("scopes missing", "scopes"),
                Map.entry("scopes empty", "scopes"),
                Map.entry("scope unknown", "scopes"),
                Map.entry("expiresAt past", "expiresAt"),
                Map.entry("expiresAt not a date", "expiresAt"),
                Map.entry("workspaceAccess missing", "workspaceAccess"),
                Map.entry("workspace unknown", "workspaceAccess.workspaceIds"),
                Map.entry("all workspaces with ids", "workspaceAccess.workspaceIds"),
                Map.entry("scopes not an array", "scopes"),
                Map.entry("workspace ids not an array", "workspaceAccess.workspaceIds"));

        return cases.entrySet().stream().map(entry -> dynamicTest(entry.getKey(), () -> {
            String description = WardenApi.uniqueName("validation-marker");
            JsonObjectBuilder body = serviceAccountBody(List.of("incidents:read"), List.of(workspaceId))
                    .add("description", description);
            String request = entry.getValue().apply(body).build().toString();

            Response response = api.asAdmin().body(request).post(ACCOUNTS);

            assertEquals(400, response.statusCode(), entry.getKey() + ": " + response.asString());
            assertTrue(response.contentType().startsWith(WardenApi.PROBLEM_JSON), response.contentType());
            assertEquals(Set.of(expectedField.get(entry.getKey())), Set.copyOf(errorFields(response)),
                    response.asString());
            assertFalse(api.asAdmin().get(ACCOUNTS).asString().contains(description),
                    entry.getKey() + ": a rejected request created an account");
        }));
    }

    @Test
    void longestNameAndDescriptionAccepted() {
        JsonObject body = serviceAccountBody(List.of("incidents:read"), List.of(workspaceId))
                .add("name", "n".repeat(200))
                .add("description", "d".repeat(1000))
                .build();

        Response response = api.asAdmin().body(body.toString()).post(ACCOUNTS);

        assertEquals(201, response.statusCode(), response.asString());
        api.credentialsOf(json(response));
        assertEquals("n".repeat(200), json(response).getString("name"));
        assertEquals(1000, json(response).getString("description").length());
    }

    @Test
    void unknownScopeListsValidScopes() {
        JsonObject body = serviceAccountBody(List.of("incidents:read", "incidents:delete"), null).build();

        Response response = api.asAdmin().body(body.toString()).post(ACCOUNTS);

        assertEquals(400, response.statusCode(), response.asString());
        String detail = json(response).getString("detail");
        assertTrue(detail.contains("incidents:delete"), detail);
        for (String scope : catalog()) {
            assertTrue(detail.contains(scope), "the 400 does not list valid scope " + scope + ": " + detail);
        }
    }

    @Test
    void invalidCredentialIssuanceNamesField() {
        WardenApi.Credentials account = api.createServiceAccount(List.of("incidents:read"), null);
        String path = ACCOUNTS + "/" + account.clientId() + "/credentials";
        List<Map.Entry<String, String>> cases = List.of(
                Map.entry("scopes", "{\"scopes\": [\"incidents:delete\"]}"),
                Map.entry("expiresAt", "{\"scopes\": [\"incidents:read\"], \"expiresAt\": \"" + PAST + "\"}"),
                Map.entry("scopes", "{\"scopes\": \"incidents:read\"}"));

        for (Map.Entry<String, String> entry : cases) {
            Response response = api.asAdmin().body(entry.getValue()).post(path);

            assertEquals(400, response.statusCode(), response.asString());
            assertEquals(List.of(entry.getKey()), errorFields(response), response.asString());
        }
        Response credentials = api.asAdmin().get(path);
        assertEquals(1, json(credentials).getJsonArray("items").size(), "a rejected issuance stored a credential");
    }

    @Test
    void grantingUnheldScopeIs403() {
        WardenApi.Credentials manager = api.createServiceAccount(
                List.of("org:service-accounts:manage", "incidents:read"), null);

        for (String scope : List.of("incidents:write", "webhooks:read", "org:users:manage")) {
            JsonObject body = serviceAccountBody(List.of(scope), null).build();
            Response response = api.as(manager).body(body.toString()).post(ACCOUNTS);

            assertEquals(403, response.statusCode(), scope + ": " + response.asString());
            assertTrue(json(response).getString("detail").contains(scope), response.asString());
        }

        WardenApi.Credentials created = api.createServiceAccount(manager.authorization(),
                serviceAccountBody(List.of("incidents:read"), null).build());
        Response escalatedCredential = api.as(manager).body("{\"scopes\": [\"incidents:write\"]}")
                .post(ACCOUNTS + "/" + created.clientId() + "/credentials");
        assertEquals(403, escalatedCredential.statusCode(), escalatedCredential.asString());
    }

    @Test
    void restrictedManagerCannotWidenAccess() {
        WardenApi.Credentials manager = api.createServiceAccount(
                List.of("org:service-accounts:manage", "incidents:read"), List.of(workspaceId));
        WardenApi.Credentials wide = api.createServiceAccount(List.of("incidents:read"), null);

        Response allWorkspaces = api.as(manager)
                .body(serviceAccountBody(List.of("incidents:read"), null).build().toString()).post(ACCOUNTS);
        WardenApi.Credentials own = api.createServiceAccount(manager.authorization(),
                serviceAccountBody(List.of("incidents:read"), List.of(workspaceId)).build());
        Response widenOwn = api.as(manager).body("{\"workspaceAccess\": {\"allWorkspaces\": true}}")
                .patch(ACCOUNTS + "/" + own.clientId());
        Response touchWide = api.as(manager).body("{\"description\": \"changed by a narrower manager\"}")
                .patch(ACCOUNTS + "/" + wide.clientId());
        Response disableWide = api.as(manager).post(ACCOUNTS + "/" + wide.clientId() + "/disable");

        assertEquals(403, allWorkspaces.statusCode(), allWorkspaces.asString());
        assertEquals(403, widenOwn.statusCode(), widenOwn.asString());
        assertEquals(403, touchWide.statusCode(), touchWide.asString());
        assertEquals(403, disableWide.statusCode(), disableWide.asString());
        assertEquals(200, api.as(wide).get("/api/v2/me").statusCode(), "the wider account must still work");
    }

    @Test
    void patchUpdatesNameAndDescription() {
        WardenApi.Credentials account = api.createServiceAccount(List.of("incidents:read"), null);
        String path = ACCOUNTS + "/" + account.clientId();
        JsonObject before = json(api.asAdmin().get(path));
        String newName = WardenApi.uniqueName("renamed");

        Response patched = api.asAdmin().body(Json.createObjectBuilder()
                .add("name", newName)
                .add("description", "New description")
                .build().toString()).patch(path);

        assertEquals(200, patched.statusCode(), patched.asString());
        JsonObject after = json(api.asAdmin().get(path));
        assertEquals(newName, after.getString("name"));
        assertEquals("New description", after.getString("description"));
        assertEquals(before.getString("createdAt"), after.getString("createdAt"));
        assertFalse(Instant.parse(after.getString("updatedAt")).isBefore(Instant.parse(before.getString("updatedAt"))));

        Response cleared = api.asAdmin().body("{\"description\": null}").patch(path);
        assertEquals(200, cleared.statusCode(), cleared.asString());
        JsonObject afterClear = json(api.asAdmin().get(path));
        assertTrue(!afterClear.containsKey("description") || afterClear.isNull("description"), afterClear.toString());
        assertEquals(newName, afterClear.getString("name"), "a field left out must stay as it is");
    }

    @Test
    void patchWorkspaceAccessAppliesAtOnce() {
        WardenApi.Credentials account = api.createServiceAccount(List.of("incidents:read"), List.of(workspaceId));
        assertEquals(Set.of(workspaceId), visibleWorkspaces(account));

        Response patched = api.asAdmin()
                .body(Json.createObjectBuilder()
                        .add("workspaceAccess", WardenApi.workspaceAccess(List.of(otherWorkspaceId)))
                        .build().toString())
                .patch(ACCOUNTS + "/" + account.clientId());

        assertEquals(200, patched.statusCode(), patched.asString());
        assertEquals(Set.of(otherWorkspaceId), visibleWorkspaces(account));
    }

    /** Each case is a PATCH body that breaks a rule of the field named by its key. */
    @Test
    void invalidPatchNamesField() {
        WardenApi.Credentials account = api.createServiceAccount(List.of("incidents:read"), null);
        String path = ACCOUNTS + "/" + account.clientId();
        String nameBefore = json(api.asAdmin().get(path)).getString("name");
        Map<String, String> cases = Map.of(
                "scopes", "{\"scopes\": [\"incidents:write\"]}",
                "expiresAt", "{\"expiresAt\": \"2030-01-01T00:00:00Z\"}",
                "name", "{\"name\": \"" + "n".repeat(201) + "\"}",
                "description", "{\"description\": \"" + "d".repeat(1001) + "\"}",
                "workspaceAccess.workspaceIds", "{\"workspaceAccess\": {\"workspaceIds\": [\"no-such-workspace\"]}}");

        cases.forEach((field, body) -> {
            Response response = api.asAdmin().body(body).patch(path);

            assertEquals(400, response.statusCode(), field + ": " + response.asString());
            assertEquals(List.of(field), errorFields(response), response.asString());
        });
        Response empty = api.asAdmin().body("{}").patch(path);
        assertEquals(400, empty.statusCode(), empty.asString());
        assertEquals(nameBefore, json(api.asAdmin().get(path)).getString("name"));
    }

    @Test
    void readsNeverReturnSecrets() {
        WardenApi.Credentials account = api.createServiceAccount(List.of("incidents:read"), null);
        WardenApi.Credentials second = api.issueCredential(account.clientId(), List.of("incidents:read"), null);
        String path = ACCOUNTS + "/" + account.clientId();

        Map<String, Response> reads = Map.of(
                "get", api.asAdmin().get(path),
                "list", api.asAdmin().get(ACCOUNTS),
                "credentials", api.asAdmin().get(path + "/credentials"),
                "patch", api.asAdmin().body("{\"description\": \"read back\"}").patch(path),
                "disable", api.asAdmin().post(path + "/disable"),
                "enable", api.asAdmin().post(path + "/enable"));

        reads.forEach((read, response) -> {
            assertEquals(200, response.statusCode(), read + ": " + response.asString());
            String body = response.asString();
            assertFalse(body.contains(account.clientSecret()), read + " returned the first secret");
            assertFalse(body.contains(second.clientSecret()), read + " returned the second secret");
            assertFalse(body.contains("clientSecret"), read + " has a clientSecret field");
        });

        Map<String, String> prefixes = new LinkedHashMap<>();
        for (JsonObject credential : json(reads.get("credentials")).getJsonArray("items").getValuesAs(JsonObject.class)) {
            prefixes.put(credential.getString("id"), credential.getString("secretPrefix"));
        }
        assertEquals(account.clientSecret().substring(0, 6), prefixes.get(account.credentialId()));
        assertEquals(second.clientSecret().substring(0, 6), prefixes.get(second.credentialId()));
    }

    private Set<String> visibleWorkspaces(WardenApi.Credentials account) {
        Response list = api.as(account).get("/api/v2/workspaces");
        assertEquals(200, list.statusCode(), list.asString());
        return Set.copyOf(json(list).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(item -> item.getString("id")).toList());
    }

    private List<String> catalog() {
        Response scopes = api.asAdmin().get("/api/v2/scopes");
        assertEquals(200, scopes.statusCode(), scopes.asString());
        return json(scopes).getJsonArray("scopes").getValuesAs(JsonObject.class).stream()
                .map(scope -> scope.getJsonString("name")).map(JsonString::getString).toList();
    }

    @AfterAll
    void serverLogsContainNoSecrets() throws IOException {
        api.assertNoSecretsInServerLogs();
    }
}
