package io.warden.it;

import static io.warden.it.WardenApi.assertProblem;
import static io.warden.it.WardenApi.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The README's first session with curl. An admin creates a workspace, imports Sentinel incidents
 * and creates a service account. An integration then calls the v2 API with the account's Client
 * ID and Client Secret until the admin revokes the credential.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CurlSessionIT {

    private static final String FIXTURE_INCIDENT_ID = "73e01a99-5cd7-4139-a149-9f2736ff2ab5";

    private final WardenApi api = new WardenApi();

    @Test
    void readmeJourneyFromImportToRevoke() {
        String workspaceId = api.createWorkspace("curl-session");
        Response imported = api.importIncidents(workspaceId, api.fixture("sentinel/incidents-list.json"));
        assertEquals(200, imported.statusCode(), imported.asString());
        assertEquals(1, json(imported).getInt("imported"));

        Response created = api.asAdmin().body(Json.createObjectBuilder()
                        .add("name", WardenApi.uniqueName("siem-pipeline"))
                        .add("description", "Reads incidents for the SIEM")
                        .add("scopes", Json.createArrayBuilder().add("incidents:read"))
                        .add("workspaceAccess", WardenApi.workspaceAccess(List.of(workspaceId)))
                        .build().toString())
                .post("/api/v2/service-accounts");
        assertEquals(201, created.statusCode(), created.asString());
        WardenApi.Credentials credentials = api.credentialsOf(json(created));
        assertEquals(json(created).getString("id"), credentials.clientId());

        Response page = api.as(credentials).body("{\"isFirstCall\": true}").post("/api/v2/incidents/across-workspaces");
        assertEquals(200, page.statusCode(), page.asString());
        List<JsonObject> items = json(page).getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(1, items.size(), page.asString());
        assertEquals(FIXTURE_INCIDENT_ID, items.get(0).getString("id"));
        assertEquals("My incident", items.get(0).getString("title"));
        assertEquals(workspaceId, items.get(0).getString("workspaceId"));
        assertTrue(json(page).isNull("continuationToken"), page.asString());

        Response portal = api.as(credentials).get("/api/workspaces");
        assertProblem(portal, 403, WardenApi.V2_ONLY);

        Response revoked = api.adminPost("/api/v2/service-accounts/" + credentials.clientId() + "/credentials/"
                + credentials.credentialId() + "/revoke");
        assertEquals(200, revoked.statusCode(), revoked.asString());
        assertEquals("revoked", json(revoked).getString("status"));

        Response afterRevoke = api.as(credentials).body("{\"isFirstCall\": true}")
                .post("/api/v2/incidents/across-workspaces");
        assertProblem(afterRevoke, 403, WardenApi.CREDENTIAL_INACTIVE);
    }

    @AfterAll
    void serverLogsContainNoSecrets() throws IOException {
        api.assertNoSecretsInServerLogs();
    }
}
