package io.warden.it;

import static io.warden.it.WardenApi.errorFields;
import static io.warden.it.WardenApi.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Gamebooks, their runs, the Gamebooks run on an incident, and data sources: imports in Warden's
 * own format, paging, and that a service account reads only the workspaces it was granted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GamebookDataSourceIT {

    private final WardenApi api = new WardenApi();
    private String workspaceA;
    private String workspaceB;
    private String incidentA;
    private String incidentB;
    private WardenApi.Credentials readerA;

    @BeforeAll
    void importDataAndCreateAccount() {
        workspaceA = api.createWorkspace("gamebooks-a");
        workspaceB = api.createWorkspace("gamebooks-b");
        incidentA = "gamebook-incident-a-" + UUID.randomUUID();
        incidentB = "gamebook-incident-b-" + UUID.randomUUID();
        api.importIncidentsOrFail(workspaceA, WardenApi.sentinelIncident(incidentA, "Incident A", "High", "New",
                "2024-05-01T10:00:00Z").build());
        api.importIncidentsOrFail(workspaceB, WardenApi.sentinelIncident(incidentB, "Incident B", "High", "New",
                "2024-05-01T10:00:00Z").build());

        importOrFail("gamebooks", workspaceA, gamebooks(
                gamebook("gb-isolate", "Isolate host", run("run-1", incidentA, "2024-05-01T10:05:00Z"),
                        run("run-2", null, "2024-05-02T10:05:00Z")),
                gamebook("gb-block", "Block sender", run("run-3", incidentA, "2024-05-03T10:05:00.1234567Z")),
                gamebook("gb-notify", "Benachrichtige Bürgerbüro")));
        importOrFail("gamebooks", workspaceB, gamebooks(
                gamebook("gb-b", "Only in B", run("run-b", incidentB, "2024-05-01T10:05:00Z"))));
        importOrFail("data-sources", workspaceA, dataSources(
                dataSource("ds-syslog", "Syslog", "Pare-feu Genève", "connected", "2024-05-06T07:08:09.1234567Z"),
                dataSource("ds-sentinel", "Microsoft Sentinel", "Contoso Sentinel", "error", null)));
        importOrFail("data-sources", workspaceB, dataSources(
                dataSource("ds-b", "Syslog", "Only in B", "disconnected", null)));

        readerA = api.createServiceAccount(List.of("gamebooks:read", "datasources:read"), List.of(workspaceA));
    }

    static JsonObject run(String id, String incidentId, String startedAt) {
        JsonObjectBuilder run = Json.createObjectBuilder().add("id", id).add("status", "succeeded")
                .add("startedAt", startedAt).addNull("finishedAt");
        if (incidentId != null) {
            run.add("incidentId", incidentId);
        }
        return run.build();
    }

    static JsonObject gamebook(String id, String name, JsonObject... runs) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (JsonObject run : runs) {
            list.add(run);
        }
        return Json.createObjectBuilder().add("id", id).add("name", name).add("description", "Runs " + name)
                .add("trigger", "incident-created").add("enabled", true).add("runs", list).build();
    }

    static String gamebooks(JsonObject... items) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (JsonObject item : items) {
            list.add(item);
        }
        return Json.createObjectBuilder().add("gamebooks", list).build().toString();
    }

    static JsonObject dataSource(String id, String type, String name, String status, String lastSyncAt) {
        JsonObjectBuilder source = Json.createObjectBuilder().add("id", id).add("type", type).add("name", name)
                .add("status", status);
        if (lastSyncAt != null) {
            source.add("lastSyncAt", lastSyncAt);
        }
        return source.build();
    }

    static String dataSources(JsonObject... items) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (JsonObject item : items) {
            list.add(item);
        }
        return Json.createObjectBuilder().add("dataSources", list).build().toString();
    }

    private Response importBody(String kind, String workspaceId, String body) {
        return api.asAdmin().body(body).post("/api/workspaces/" + workspaceId + "/" + kind + "/import");
    }

    private void importOrFail(String kind, String workspaceId, String body) {
        Response response = importBody(kind, workspaceId, body);
        assertEquals(200, response.statusCode(), () -> kind + " import failed: " + response.asString());
    }

    private static List<String> ids(Response response) {
        assertEquals(200, response.statusCode(), response.asString());
        return json(response).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(item -> item.getString("id")).toList();
    }

    private Response get(WardenApi.Credentials caller, String path) {
        return api.as(caller).get("/api/v2/workspaces/" + path);
    }

    @Test
    void gamebooksListedByName() {
        Response response = get(readerA, workspaceA + "/gamebooks");

        assertEquals(List.of("gb-notify", "gb-block", "gb-isolate"), ids(response));
        JsonObject first = json(response).getJsonArray("items").getJsonObject(0);
        assertEquals("Benachrichtige Bürgerbüro", first.getString("name"));
        assertEquals("incident-created", first.getString("trigger"));
        assertTrue(first.getBoolean("enabled"));
    }

    @Test
    void gamebookCursorPagesThroughAll() {
        List<String> seen = new ArrayList<>();
        Response page = get(readerA, workspaceA + "/gamebooks?pageSize=2");
        seen.addAll(ids(page));
        JsonValue cursor = json(page).get("nextCursor");
        assertTrue(cursor instanceof JsonString, "first page has no nextCursor");
        Response last = api.as(readerA).queryParam("pageSize", "2").queryParam("cursor",
                ((JsonString) cursor).getString()).get("/api/v2/workspaces/" + workspaceA + "/gamebooks");
        seen.addAll(ids(last));

        assertEquals(List.of("gb-notify", "gb-block", "gb-isolate"), seen);
        assertEquals(JsonValue.NULL, json(last).get("nextCursor"));
    }

    @Test
    void runHistoryNewestFirst() {
        Response response = get(readerA, workspaceA + "/gamebooks/gb-isolate/runs");

        assertEquals(List.of("run-2", "run-1"), ids(response));
        JsonObject newest = json(response).getJsonArray("items").getJsonObject(0);
        assertEquals("Isolate host", newest.getString("gamebookName"));
        assertEquals("succeeded", newest.getString("status"));
    }

    @Test
    void runIdsStartingWithHashPage() {
        String workspace = api.createWorkspace("gamebooks-hash-ids");
        importOrFail("gamebooks", workspace, gamebooks(gamebook("gb", "Hash ids",
                run("#1", null, "2024-05-01T10:00:00Z"), run("#2", null, "2024-05-01T10:00:00Z"))));
        String path = "/api/v2/workspaces/" + workspace + "/gamebooks/gb/runs";

        Response first = api.asAdmin().queryParam("pageSize", "1").get(path);
        Response second = api.asAdmin().queryParam("pageSize", "1")
                .queryParam("cursor", json(first).getString("nextCursor")).get(path);

        assertEquals(List.of("#2"), ids(first));
        assertEquals(List.of("#1"), ids(second));
    }

    @Test
    void incidentGamebooksListRunsOnIncident() {
        Response response = get(readerA, workspaceA + "/incidents/" + incidentA + "/gamebooks");

        assertEquals(List.of("run-3", "run-1"), ids(response));
        JsonObject newest = json(response).getJsonArray("items").getJsonObject(0);
        assertEquals("Block sender", newest.getString("gamebookName"));
        assertEquals("2024-05-03T10:05:00.123Z", newest.getString("startedAt"));
    }

    @Test
    void unknownGamebookOrIncidentIsNotFound() {
        Response gamebook = get(readerA, workspaceA + "/gamebooks/gb-b/runs");
        Response incident = get(readerA, workspaceA + "/incidents/" + incidentB + "/gamebooks");

        assertEquals(404, gamebook.statusCode(), gamebook.asString());
        assertEquals(404, incident.statusCode(), incident.asString());
    }

    @Test
    void otherWorkspaceIsNotFoundEverywhere() {
        List<String> paths = List.of(workspaceB + "/gamebooks", workspaceB + "/gamebooks/gb-b/runs",
                workspaceB + "/incidents/" + incidentB + "/gamebooks", workspaceB + "/data-sources");
        for (String path : paths) {
            Response response = get(readerA, path);

            assertEquals(404, response.statusCode(), path + ": " + response.asString());
        }
    }

    @Test
    void dataSourcesListedByName() {
        Response response = get(readerA, workspaceA + "/data-sources");

        assertEquals(List.of("ds-sentinel", "ds-syslog"), ids(response));
        JsonObject syslog = json(response).getJsonArray("items").getJsonObject(1);
        assertEquals("Syslog", syslog.getString("type"));
        assertEquals("Pare-feu Genève", syslog.getString("name"));
        assertEquals("connected", syslog.getString("status"));
        assertEquals("2024-05-06T07:08:09.123Z", syslog.getString("lastSyncAt"));
        assertEquals(JsonValue.NULL, json(response).getJsonArray("items").getJsonObject(0).get("lastSyncAt"));
    }

    @Test
    void dataSourcesNeedTheirScope() {
        WardenApi.Credentials gamebooksOnly = api.createServiceAccount(List.of("gamebooks:read"), List.of(workspaceA));

        Response response = get(gamebooksOnly, workspaceA + "/data-sources");

        WardenApi.assertProblem(response, 403, "Missing required scope: datasources:read");
    }

    @Test
    void pageSizeOutsideRangeIsRejected() {
        Response gamebooks = get(readerA, workspaceA + "/gamebooks?pageSize=0");
        Response sources = get(readerA, workspaceA + "/data-sources?pageSize=501");

        assertEquals(List.of("pageSize"), errorFields(gamebooks));
        assertEquals(List.of("pageSize"), errorFields(sources));
    }

    @Test
    void badRunRejectsWholeImport() {
        String workspace = api.createWorkspace("gamebooks-bad-item");
        String body = gamebooks(gamebook("good", "Good"),
                gamebook("bad", "Bad", run("r", null, "2024-05-01T10:00:00Z"), run("s", null, "tomorrow")));

        Response response = importBody("gamebooks", workspace, body);

        assertEquals(400, response.statusCode(), response.asString());
        assertEquals(List.of("gamebooks[1].runs[1].startedAt"), errorFields(response));
        assertEquals(List.of(), ids(api.asAdmin().get("/api/v2/workspaces/" + workspace + "/gamebooks")));
    }

    @Test
    void badDataSourceRejectsWholeImport() {
        String workspace = api.createWorkspace("data-sources-bad-item");
        String body = dataSources(dataSource("good", "Syslog", "Good", "connected", null),
                dataSource("bad", "Syslog", "Bad", "paused", null));

        Response response = importBody("data-sources", workspace, body);

        assertEquals(400, response.statusCode(), response.asString());
        assertEquals(List.of("dataSources[1].status"), errorFields(response));
        assertEquals(List.of(), ids(api.asAdmin().get("/api/v2/workspaces/" + workspace + "/data-sources")));
    }

    @Test
    void importsAreIdempotentById() {
        String workspace = api.createWorkspace("gamebooks-idempotent");
        String first = gamebooks(gamebook("gb", "First name", run("r", null, "2024-05-01T10:00:00Z")));
        String second = gamebooks(gamebook("gb", "Second name", run("r", null, "2024-05-01T10:00:00Z")));

        Response created = importBody("gamebooks", workspace, first);
        Response updated = importBody("gamebooks", workspace, second);
        Response sourceAgain = importBody("data-sources", workspace,
                dataSources(dataSource("ds", "Syslog", "S", "connected", null)));
        Response sourceTwice = importBody("data-sources", workspace,
                dataSources(dataSource("ds", "Syslog", "S", "error", null)));

        assertEquals(1, json(created).getInt("created"));
        assertEquals(1, json(updated).getInt("updated"));
        assertEquals(1, json(sourceAgain).getInt("created"));
        assertEquals(1, json(sourceTwice).getInt("updated"));
        Response runs = api.asAdmin().get("/api/v2/workspaces/" + workspace + "/gamebooks/gb/runs");
        assertEquals(List.of("r"), ids(runs));
        assertEquals("Second name", json(runs).getJsonArray("items").getJsonObject(0).getString("gamebookName"));
    }

    @AfterAll
    void serverLogsContainNoSecrets() throws IOException {
        api.assertNoSecretsInServerLogs();
    }
}
