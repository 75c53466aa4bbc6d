package io.warden.it;

import static io.warden.it.WardenApi.errorFields;
import static io.warden.it.WardenApi.json;
import static io.warden.it.WardenApi.sentinelIncident;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Portal import of Sentinel entities and comments, and the v2 reads of an incident's entities,
 * comments, alert rules and evidence, starting from the shared Sentinel sample payloads.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentDetailImportIT {

    private static final String FIXTURE_INCIDENT = "73e01a99-5cd7-4139-a149-9f2736ff2ab5";

    private final WardenApi api = new WardenApi();
    private String workspaceId;
    private WardenApi.Credentials reader;

    @BeforeAll
    void importFixtures() {
        workspaceId = api.createWorkspace("incident-details");
        Response incidents = api.importIncidents(workspaceId, api.fixture("sentinel/incidents-list.json"));
        assertEquals(200, incidents.statusCode(), incidents.asString());
        Response entities = importEntities(FIXTURE_INCIDENT, api.fixture("sentinel/incident-entities.json"));
        assertEquals(200, entities.statusCode(), entities.asString());
        Response comments = importComments(FIXTURE_INCIDENT, api.fixture("sentinel/incident-comments.json"));
        assertEquals(200, comments.statusCode(), comments.asString());
        reader = api.createServiceAccount(List.of("incidents:read"), List.of(workspaceId));
    }

    private Response importEntities(String incidentId, String body) {
        return api.asAdmin().body(body)
                .post("/api/workspaces/" + workspaceId + "/incidents/" + incidentId + "/entities/import");
    }

    private Response importComments(String incidentId, String body) {
        return api.asAdmin().body(body)
                .post("/api/workspaces/" + workspaceId + "/incidents/" + incidentId + "/comments/import");
    }

    private Response read(String incidentId, String detail) {
        return api.as(reader).get("/api/v2/workspaces/" + workspaceId + "/incidents/" + incidentId + "/" + detail);
    }

    private String newIncident() {
        String id = WardenApi.uniqueName("details");
        api.importIncidentsOrFail(workspaceId, sentinelIncident(id, "Detail test", "Medium", "New",
                "2024-04-01T08:00:00Z").build());
        return id;
    }

    @Test
    void fixtureEntitiesReadBack() {
        Response response = read(FIXTURE_INCIDENT, "entities");

        assertEquals(200, response.statusCode(), response.asString());
        List<JsonObject> items = json(response).getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(1, items.size());
        assertEquals("e1d3d618-e11f-478b-98e3-bb381539a8e1", items.get(0).getString("id"));
        assertEquals("Account", items.get(0).getString("kind"));
        assertEquals("administrator", items.get(0).getString("friendlyName"));
        assertEquals("domain", items.get(0).getJsonObject("properties").getString("ntDomain"));
    }

    @Test
    void fixtureCommentsReadBack() {
        Response response = read(FIXTURE_INCIDENT, "comments");

        assertEquals(200, response.statusCode(), response.asString());
        List<JsonObject> items = json(response).getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(1, items.size());
        assertEquals("4bb36b7b-26ff-4d1c-9cbe-0d8ab3da0014", items.get(0).getString("id"));
        assertEquals("Some message", items.get(0).getString("message"));
        assertEquals("john doe", items.get(0).getJsonObject("author").getString("name"));
        assertEquals("2019-01-01T13:15:30Z", items.get(0).getString("createdTimeUtc"));
    }

    @Test
    void fixtureAlertRulesReadBack() {
        Response response = read(FIXTURE_INCIDENT, "alert-rules");

        assertEquals(200, response.statusCode(), response.asString());
        List<JsonObject> items = json(response).getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(2, items.size());
        assertEquals("fab3d2d4-747f-46a7-8ef0-9c0be8112bf7", items.get(0).getString("ruleId"));
        assertEquals("8deb8303-e94d-46ff-96e0-5fd94b33df1a", items.get(1).getString("ruleId"));
        assertTrue(items.get(0).getString("resourceId").endsWith("/alertRules/fab3d2d4-747f-46a7-8ef0-9c0be8112bf7"));
    }

    @Test
    void fixtureEvidenceReadBack() {
        Response response = read(FIXTURE_INCIDENT, "evidence");

        assertEquals(200, response.statusCode(), response.asString());
        JsonObject evidence = json(response);
        assertEquals(0, evidence.getInt("alertsCount"));
        assertEquals(0, evidence.getInt("bookmarksCount"));
        assertEquals(3, evidence.getInt("commentsCount"));
        assertEquals(1, evidence.getInt("entitiesCount"));
        assertEquals(1, evidence.getJsonArray("entities").size());
    }

    @Test
    void reimportKeepsOneCopy() {
        Response again = importEntities(FIXTURE_INCIDENT, api.fixture("sentinel/incident-entities.json"));
        Response commentsAgain = importComments(FIXTURE_INCIDENT, api.fixture("sentinel/incident-comments.json"));

        assertEquals(200, again.statusCode(), again.asString());
        assertEquals(0, json(again).getInt("created"));
        assertEquals(1, json(again).getInt("updated"));
        assertEquals(200, commentsAgain.statusCode(), commentsAgain.asString());
        assertEquals(0, json(commentsAgain).getInt("created"));
        assertEquals(1, json(read(FIXTURE_INCIDENT, "entities")).getJsonArray("items").size());
        assertEquals(1, json(read(FIXTURE_INCIDENT, "comments")).getJsonArray("items").size());
    }

    @Test
    void badEntityRejectsWholeImport() {
        String incidentId = newIncident();
        String body = """
                {"entities": [
                  {"name": "good-one", "kind": "Host", "properties": {"hostName": "web01"}},
                  {"name": "bad-one", "properties": {"friendlyName": "no kind"}}
                ]}""";

        Response response = importEntities(incidentId, body);

        assertEquals(400, response.statusCode(), response.asString());
        assertEquals(List.of("entities[1].kind"), errorFields(response));
        assertEquals(0, json(read(incidentId, "entities")).getJsonArray("items").size());
    }

    @Test
    void badCommentRejectsWholeImport() {
        String incidentId = newIncident();
        String body = """
                {"value": [
                  {"name": "c1", "properties": {"message": "fine", "createdTimeUtc": "2024-01-01T00:00:00Z"}},
                  {"name": "c2", "properties": {"message": "bad time", "createdTimeUtc": "yesterday"}}
                ]}""";

        Response response = importComments(incidentId, body);

        assertEquals(400, response.statusCode(), response.asString());
        assertEquals(List.of("value[1].properties.createdTimeUtc"), errorFields(response));
        assertEquals(0, json(read(incidentId, "comments")).getJsonArray("items").size());
    }

    @Test
    void realExportShapesAccepted() {
        String incidentId = newIncident();
        String entities = """
                {"entities": [{"name": "ip-1", "kind": "Ip", "etag": null, "unknownField": {"x": 1},
                  "properties": {"address": "10.0.0.1", "friendlyName": null}}], "metaData": null}""";
        String comments = """
                {"value": [{"name": "c-utf8", "extra": true, "properties": {
                  "message": "Überprüfung läuft – 調査中", "createdTimeUtc": "2024-05-06T07:08:09.1234567Z",
                  "lastModifiedTimeUtc": null, "author": null}}], "nextLink": null}""";

        Response entityImport = importEntities(incidentId, entities);
        Response commentImport = importComments(incidentId, comments);

        assertEquals(200, entityImport.statusCode(), entityImport.asString());
        assertEquals(200, commentImport.statusCode(), commentImport.asString());
        JsonObject comment = json(read(incidentId, "comments")).getJsonArray("items").getJsonObject(0);
        assertEquals("Überprüfung läuft – 調査中", comment.getString("message"));
        assertEquals("2024-05-06T07:08:09.123Z", comment.getString("createdTimeUtc"));
        JsonObject entity = json(read(incidentId, "entities")).getJsonArray("items").getJsonObject(0);
        assertEquals("10.0.0.1", entity.getJsonObject("properties").getString("address"));
    }

    @Test
    void incidentWithoutDetailsReadsEmpty() {
        String incidentId = newIncident();

        JsonObject evidence = json(read(incidentId, "evidence"));

        assertEquals(0, evidence.getInt("entitiesCount"));
        assertTrue(evidence.isNull("alertsCount"));
        assertEquals(0, json(read(incidentId, "alert-rules")).getJsonArray("items").size());
    }

    @Test
    void missingIncidentGets404() {
        for (String detail : List.of("entities", "comments", "alert-rules", "evidence", "history")) {
            Response response = read("no-such-incident", detail);

            assertEquals(404, response.statusCode(), detail + ": " + response.asString());
        }
        Response importResponse = importEntities("no-such-incident", api.fixture("sentinel/incident-entities.json"));
        assertEquals(404, importResponse.statusCode(), importResponse.asString());
    }

    @Test
    void invisibleWorkspaceGets404() {
        String otherWorkspace = api.createWorkspace("incident-details-other");
        api.importIncidentsOrFail(otherWorkspace, sentinelIncident("hidden", "Hidden", "Low", "New",
                "2024-04-01T08:00:00Z").build());

        for (String detail : List.of("entities", "comments", "alert-rules", "evidence", "history")) {
            Response response = api.as(reader)
                    .get("/api/v2/workspaces/" + otherWorkspace + "/incidents/hidden/" + detail);

            assertEquals(404, response.statusCode(), detail + ": " + response.asString());
        }
    }

    @Test
    void serviceAccountCannotImport() {
        Response response = api.as(reader).body(api.fixture("sentinel/incident-entities.json"))
                .post("/api/workspaces/" + workspaceId + "/incidents/" + FIXTURE_INCIDENT + "/entities/import");

        WardenApi.assertProblem(response, 403, WardenApi.V2_ONLY);
    }

    @AfterAll
    void serverLogsContainNoSecrets() throws IOException {
        api.assertNoSecretsInServerLogs();
    }
}
