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
 * Changes to incidents through v2: status with ETags, owner, bulk updates, comments by their
 * author only, and the history that names the actor of each change.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentChangesIT {

    private final WardenApi api = new WardenApi();
    private String workspaceId;
    private WardenApi.Credentials writer;
    private WardenApi.Credentials commenter;

    @BeforeAll
    void createWorkspaceAndCallers() {
        workspaceId = api.createWorkspace("incident-changes");
        writer = api.createServiceAccount(List.of("incidents:write"), List.of(workspaceId));
        commenter = api.createServiceAccount(List.of("incidents:comments"), List.of(workspaceId));
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
        api.as(commenter).body("{\"message\": \"Looking into it\"}").post(incidentPath(incidentId) + "/comments");

        Response history = api.as(writer).get(incidentPath(incidentId) + "/history");

        assertEquals(200, history.statusCode(), history.asString());
        List<JsonObject> items = json(history).getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(2, items.size(), history.asString());
        assertEquals("comment.created", items.get(0).getString("changeType"));
        assertEquals("service-account:" + commenter.clientId(), items.get(0).getString("actor"));
        assertEquals("incident.updated", items.get(1).getString("changeType"));
        assertEquals("service-account:" + writer.clientId(), items.get(1).getString("actor"));
        JsonObject status = items.get(1).getJsonObject("changes").getJsonObject("status");
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
    void onlyAuthorChangesComment() {
        String incidentId = newIncident(workspaceId);
        WardenApi.Credentials otherCommenter = api.createServiceAccount(List.of("incidents:comments"), null);
        Response created = api.as(commenter).body("{\"message\": \"First look\"}").post(incidentPath(incidentId) + "/comments");
        assertEquals(201, created.statusCode(), created.asString());
        String commentPath = incidentPath(incidentId) + "/comments/" + json(created).getString("id");

        Response foreignEdit = api.as(otherCommenter).body("{\"message\": \"Not mine\"}").patch(commentPath);
        Response foreignDelete = api.as(otherCommenter).delete(commentPath);
        Response adminEdit = api.asAdmin().body("{\"message\": \"Admin edit\"}").patch(commentPath);
        Response ownEdit = api.as(commenter).body("{\"message\": \"Second look\"}").patch(commentPath);
        Response ownDelete = api.as(commenter).delete(commentPath);

        assertEquals(403, foreignEdit.statusCode(), foreignEdit.asString());
        assertEquals(403, foreignDelete.statusCode(), foreignDelete.asString());
        assertEquals(403, adminEdit.statusCode(), adminEdit.asString());
        assertEquals(200, ownEdit.statusCode(), ownEdit.asString());
        assertEquals("Second look", json(ownEdit).getString("message"));
        assertEquals(204, ownDelete.statusCode(), ownDelete.asString());
        assertEquals(404, api.as(commenter).delete(commentPath).statusCode());
    }

    @Test
    void commentLengthChecked() {
        String incidentId = newIncident(workspaceId);

        Response empty = api.as(commenter).body("{\"message\": \"\"}").post(incidentPath(incidentId) + "/comments");
        Response longest = api.as(commenter).body("{\"message\": \"" + "a".repeat(30000) + "\"}")
                .post(incidentPath(incidentId) + "/comments");
        Response tooLong = api.as(commenter).body("{\"message\": \"" + "a".repeat(30001) + "\"}")
                .post(incidentPath(incidentId) + "/comments");

        assertEquals(400, empty.statusCode(), empty.asString());
        assertEquals(201, longest.statusCode(), longest.asString());
        assertEquals(400, tooLong.statusCode(), tooLong.asString());
        assertEquals(List.of("message"), errorFields(tooLong));
    }

    @Test
    void commentsPageNewestFirst() {
        String incidentId = newIncident(workspaceId);
        for (String message : List.of("one", "two", "three")) {
            Response created = api.as(commenter).body("{\"message\": \"" + message + "\"}")
                    .post(incidentPath(incidentId) + "/comments");
            assertEquals(201, created.statusCode(), created.asString());
        }

        Response first = api.as(commenter).queryParam("pageSize", 2).get(incidentPath(incidentId) + "/comments");
        String cursor = json(first).getString("nextCursor");
        Response second = api.as(commenter).queryParam("pageSize", 2).queryParam("cursor", cursor)
                .get(incidentPath(incidentId) + "/comments");

        assertEquals(200, first.statusCode(), first.asString());
        assertEquals(2, json(first).getJsonArray("items").size());
        assertEquals(200, second.statusCode(), second.asString());
        assertEquals(1, json(second).getJsonArray("items").size());
        assertTrue(json(second).isNull("nextCursor"));
        List<String> messages = new ArrayList<>();
        json(first).getJsonArray("items").getValuesAs(JsonObject.class).forEach(c -> messages.add(c.getString("message")));
        json(second).getJsonArray("items").getValuesAs(JsonObject.class).forEach(c -> messages.add(c.getString("message")));
        assertEquals(3, messages.size());
        assertTrue(messages.containsAll(List.of("one", "two", "three")), messages.toString());
    }

    @Test
    void writeScopeReadsButCannotComment() {
        String incidentId = newIncident(workspaceId);

        Response read = api.as(writer).get(incidentPath(incidentId) + "/comments");
        Response comment = api.as(writer).body("{\"message\": \"Not allowed\"}").post(incidentPath(incidentId) + "/comments");
        Response commenterReads = api.as(commenter).get(incidentPath(incidentId) + "/entities");
        Response commenterPatch = api.as(commenter).body("{\"status\": \"Active\"}").patch(incidentPath(incidentId));

        assertEquals(200, read.statusCode(), read.asString());
        WardenApi.assertProblem(comment, 403, "Missing required scope: incidents:comments");
        assertEquals(200, commenterReads.statusCode(), commenterReads.asString());
        WardenApi.assertProblem(commenterPatch, 403, "Missing required scope: incidents:write");
    }

    @Test
    void invisibleWorkspaceWriteGets404() {
        String otherWorkspace = api.createWorkspace("incident-changes-invisible");
        String incidentId = newIncident(otherWorkspace);
        String path = "/api/v2/workspaces/" + otherWorkspace + "/incidents/" + incidentId;

        Response patch = api.as(writer).body("{\"status\": \"Active\"}").patch(path);
        Response comment = api.as(commenter).body("{\"message\": \"Hidden\"}").post(path + "/comments");

        assertEquals(404, patch.statusCode(), patch.asString());
        assertEquals(404, comment.statusCode(), comment.asString());
    }

    @AfterAll
    void serverLogsContainNoSecrets() throws IOException {
        api.assertNoSecretsInServerLogs();
    }
}
