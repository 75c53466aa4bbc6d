package io.warden.it;

import static io.warden.it.WardenApi.errorFields;
import static io.warden.it.WardenApi.json;
import static io.warden.it.WardenApi.sentinelIncident;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Changes to incidents through v2: status with ETags, owner, bulk updates, and the history that
 * names the actor of each change.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentChangesIT {

    private final WardenApi api = new WardenApi();
    private String workspaceId;
    private WardenApi.Credentials writer;

    @BeforeAll
    void createWorkspaceAndCallers() {
        workspaceId = api.createWorkspace("incident-changes");
        writer = api.createServiceAccount(List.of("incidents:write"), List.of(workspaceId));
    }

    private String newIncident(String workspace) {
        String id = WardenApi.uniqueName("change");
        api.importIncidentsOrFail(workspace, sentinelIncident(id, "Change test", "High", "New",
                "2024-06-01T08:00:00Z").build());
        return id;
    }

    private String incidentPath(String incidentId) {
        return "/api/v2/workspaces/" + workspaceId + "/incidents/" + incidentId;
    }

    @Test
    void closingRequiresClassification() {
        String incidentId = newIncident(workspaceId);

        Response missing = api.as(writer).body("{\"status\": \"Closed\"}").patch(incidentPath(incidentId));
        Response closed = api.as(writer).body("{\"status\": \"closed\", \"classification\": \"TruePositive\", "
                + "\"classificationReason\": \"SuspiciousActivity\", \"classificationComment\": \"Confirmed\"}")
                .patch(incidentPath(incidentId));

        assertEquals(400, missing.statusCode(), missing.asString());
        assertEquals(List.of("classification"), errorFields(missing));
        assertEquals(200, closed.statusCode(), closed.asString());
        assertEquals("Closed", json(closed).getString("status"));
        assertEquals("TruePositive", json(closed).getString("classification"));
        assertEquals("SuspiciousActivity", json(closed).getString("classificationReason"));
    }

    @Test
    void invalidPatchNamesFields() {
        String incidentId = newIncident(workspaceId);

        Response response = api.as(writer).body("{\"status\": \"Active\", \"classification\": \"FalsePositive\", "
                + "\"severity\": \"Low\"}").patch(incidentPath(incidentId));

        assertEquals(400, response.statusCode(), response.asString());
        assertTrue(errorFields(response).contains("classification"), response.asString());
        assertTrue(errorFields(response).contains("severity"), response.asString());
    }

    @Test
    void staleETagGets412() {
        String incidentId = newIncident(workspaceId);
        Response read = api.as(writer).get(incidentPath(incidentId));
        String etag = read.header("ETag");
        assertNotNull(etag, "GET must return an ETag");

        Response first = api.as(writer).header("If-Match", etag).body("{\"status\": \"Active\"}")
                .patch(incidentPath(incidentId));
        Response second = api.as(writer).header("If-Match", etag).body("{\"status\": \"New\"}")
                .patch(incidentPath(incidentId));

        assertEquals(200, first.statusCode(), first.asString());
        assertNotEquals(etag, first.header("ETag"));
        assertEquals(412, second.statusCode(), second.asString());
        assertTrue(second.contentType().startsWith(WardenApi.PROBLEM_JSON), second.contentType());
        assertEquals("Active", json(api.as(writer).get(incidentPath(incidentId))).getString("status"));
    }

    @Test
    void missingIfMatchIsAllowed() {
        String incidentId = newIncident(workspaceId);

        Response response = api.as(writer).body("{\"status\": \"Active\"}").patch(incidentPath(incidentId));

        assertEquals(200, response.statusCode(), response.asString());
        assertNotNull(response.header("ETag"));
    }

    @Test
    void concurrentChangesOneWins() throws Exception {
        String incidentId = newIncident(workspaceId);
        String etag = api.as(writer).get(incidentPath(incidentId)).header("ETag");
        List<Callable<Integer>> changes = new ArrayList<>();
        for (String status : List.of("Active", "Active", "Active", "Active")) {
            changes.add(() -> api.as(writer).header("If-Match", etag).body("{\"status\": \"" + status + "\"}")
                    .patch(incidentPath(incidentId)).statusCode());
        }

        ExecutorService pool = Executors.newFixedThreadPool(changes.size());
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> result : pool.invokeAll(changes)) {
                statuses.add(result.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(1, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
        assertEquals(3, statuses.stream().filter(status -> status == 412).count(), statuses.toString());
    }

    @Test
    void ownerAssignedAndUnassigned() {
        String incidentId = newIncident(workspaceId);
        String adminId = json(api.asAdmin().get("/api/v2/me")).getString("id");

        Response assigned = api.as(writer).body("{\"userId\": \"" + adminId + "\"}").put(incidentPath(incidentId) + "/owner");
        Response unknown = api.as(writer).body("{\"userId\": \"no-such-user\"}").put(incidentPath(incidentId) + "/owner");
        Response unassigned = api.as(writer).body("{\"userId\": null}").put(incidentPath(incidentId) + "/owner");

        assertEquals(200, assigned.statusCode(), assigned.asString());
        assertEquals(adminId, json(assigned).getJsonObject("owner").getString("userId"));
        assertEquals(400, unknown.statusCode(), unknown.asString());
        assertEquals(List.of("userId"), errorFields(unknown));
        assertEquals(200, unassigned.statusCode(), unassigned.asString());
        assertTrue(!json(unassigned).containsKey("owner") || json(unassigned).isNull("owner"), unassigned.asString());
    }

    @Test
    void serviceAccountChangesInHistory() {
        String incidentId = newIncident(workspaceId);
        api.as(writer).body("{\"status\": \"Active\"}").patch(incidentPath(incidentId));

        Response history = api.as(writer).get(incidentPath(incidentId) + "/history");

        assertEquals(200, history.statusCode(), history.asString());
        List<JsonObject> items = json(history).getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(1, items.size(), history.asString());
        assertEquals("incident.updated", items.get(0).getString("changeType"));
        assertEquals("service-account:" + writer.clientId(), items.get(0).getString("actor"));
        JsonObject status = items.get(0).getJsonObject("changes").getJsonObject("status");
        assertEquals("New", status.getString("before"));
        assertEquals("Active", status.getString("after"));
    }

    @Test
    void bulkUpdateReportsEachItem() {
        String visible = newIncident(workspaceId);
        String otherWorkspace = api.createWorkspace("incident-changes-hidden");
        String hidden = newIncident(otherWorkspace);
        String invalid = newIncident(workspaceId);
        String body = "{\"items\": ["
                + "{\"workspaceId\": \"" + workspaceId + "\", \"incidentId\": \"" + visible + "\", \"status\": \"Closed\", "
                + "\"classification\": \"BenignPositive\"},"
                + "{\"workspaceId\": \"" + otherWorkspace + "\", \"incidentId\": \"" + hidden + "\", \"status\": \"Active\"},"
                + "{\"workspaceId\": \"" + workspaceId + "\", \"incidentId\": \"no-such-incident\", \"status\": \"Active\"},"
                + "{\"workspaceId\": \"" + workspaceId + "\", \"incidentId\": \"" + invalid + "\", \"status\": \"Closed\"}"
                + "]}";

        Response response = api.as(writer).body(body).post("/api/v2/incidents/bulk-update");

        assertEquals(200, response.statusCode(), response.asString());
        List<JsonObject> items = json(response).getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals("updated", items.get(0).getString("result"));
        assertEquals("notFound", items.get(1).getString("result"));
        assertEquals("notFound", items.get(2).getString("result"));
        assertEquals("invalid", items.get(3).getString("result"));
        assertTrue(items.get(3).getString("reason").contains("classification"), items.get(3).toString());
        assertEquals("Closed", json(api.as(writer).get(incidentPath(visible))).getString("status"));
        assertEquals("New", json(api.as(writer).get(incidentPath(invalid))).getString("status"));
        Response untouched = api.asAdmin().get("/api/v2/workspaces/" + otherWorkspace + "/incidents/" + hidden);
        assertEquals("New", json(untouched).getString("status"));
    }

    @Test
    void bulkUpdateRejectsTooManyItems() {
        StringBuilder body = new StringBuilder("{\"items\": [");
        for (int i = 0; i < 501; i++) {
            body.append(i == 0 ? "" : ",").append("{\"workspaceId\": \"w\", \"incidentId\": \"i\", \"status\": \"New\"}");
        }
        body.append("]}");

        Response response = api.as(writer).body(body.toString()).post("/api/v2/incidents/bulk-update");

        assertEquals(400, response.statusCode(), response.asString());
        assertEquals(List.of("items"), errorFields(response));
    }

    @Test
    void invisibleWorkspaceWriteGets404() {
        String otherWorkspace = api.createWorkspace("incident-changes-invisible");
        String incidentId = newIncident(otherWorkspace);
        String path = "/api/v2/workspaces/" + otherWorkspace + "/incidents/" + incidentId;

        Response patch = api.as(writer).body("{\"status\": \"Active\"}").patch(path);

        assertEquals(404, patch.statusCode(), patch.asString());
    }

    @AfterAll
    void serverLogsContainNoSecrets() throws IOException {
        api.assertNoSecretsInServerLogs();
    }
}
