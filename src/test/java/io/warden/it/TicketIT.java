package io.warden.it;

import static io.warden.it.WardenApi.errorFields;
import static io.warden.it.WardenApi.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
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
 * Tickets: ServiceNow import, search in one workspace and across workspaces, links to incidents,
 * and that a service account reads only the tickets of the workspaces it was granted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketIT {

    private static final String ACROSS = "/api/v2/tickets/across-workspaces";

    private final WardenApi api = new WardenApi();
    private String workspaceA;
    private String workspaceB;
    private String incidentA;
    private String incidentB;
    private final List<String> ticketsOfA = new ArrayList<>();
    private String ticketOfB;
    private WardenApi.Credentials readerA;
    private WardenApi.Credentials managerA;
    private WardenApi.Credentials noWorkspace;

    @BeforeAll
    void importTicketsAndCreateAccounts() {
        workspaceA = api.createWorkspace("tickets-a");
        workspaceB = api.createWorkspace("tickets-b");
        incidentA = "ticket-incident-a-" + UUID.randomUUID();
        incidentB = "ticket-incident-b-" + UUID.randomUUID();
        api.importIncidentsOrFail(workspaceA, WardenApi.sentinelIncident(incidentA, "Incident A", "High", "New",
                "2024-05-01T10:00:00Z").build());
        api.importIncidentsOrFail(workspaceB, WardenApi.sentinelIncident(incidentB, "Incident B", "High", "New",
                "2024-05-01T10:00:00Z").build());

        // Two tickets share a creation time so that paging must order by more than the time.
        String[] times = {"2024-05-01 10:00:00", "2024-05-02 10:00:00", "2024-05-02 10:00:00"};
        String[] descriptions = {"Phishing mail to finance", "Malware on laptop", "Password reset für Jürgen"};
        List<JsonObject> items = new ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            String id = UUID.randomUUID().toString().replace("-", "");
            ticketsOfA.add(id);
            items.add(ticket(id, "INC100" + i, descriptions[i], i == 0 ? "1" : "2", times[i]));
        }
        importOrFail(workspaceA, items.toArray(JsonObject[]::new));
        ticketOfB = UUID.randomUUID().toString().replace("-", "");
        importOrFail(workspaceB, ticket(ticketOfB, "INC2000", "Phishing mail in B", "1", "2024-05-03 10:00:00"));

        readerA = api.createServiceAccount(List.of("tickets:read"), List.of(workspaceA));
        managerA = api.createServiceAccount(List.of("tickets:manage"), List.of(workspaceA));
        noWorkspace = api.createServiceAccount(List.of("tickets:read"), List.of());
    }

    static JsonObject ticket(String sysId, String number, String shortDescription, String state, String createdOn) {
        return Json.createObjectBuilder()
                .add("sys_id", sysId)
                .add("number", number)
                .add("short_description", shortDescription)
                .add("description", "")
                .add("state", state)
                .add("priority", "3")
                .add("sys_created_on", createdOn)
                .add("sys_updated_on", createdOn)
                .add("assigned_to", "")
                .add("caller_id", Json.createObjectBuilder().add("link", "https://example.service-now.com/api/now/"
                        + "table/sys_user/681ccaf9").add("value", "681ccaf9c0a8016400b98a06818d57c7"))
                .add("sys_class_name", "incident")
                .build();
    }

    static String result(JsonObject... items) {
        JsonArrayBuilder result = Json.createArrayBuilder();
        for (JsonObject item : items) {
            result.add(item);
        }
        return Json.createObjectBuilder().add("result", result).build().toString();
    }

    private Response importTickets(String workspaceId, String body) {
        return api.asAdmin().body(body).post("/api/workspaces/" + workspaceId + "/tickets/import");
    }

    private void importOrFail(String workspaceId, JsonObject... items) {
        Response response = importTickets(workspaceId, result(items));
        assertEquals(200, response.statusCode(), () -> "ticket import failed: " + response.asString());
    }

    private static List<String> ids(Response response) {
        return json(response).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(item -> item.getString("id")).toList();
    }

    private Response searchA(WardenApi.Credentials caller, String query) {
        return api.as(caller).get("/api/v2/workspaces/" + workspaceA + "/tickets" + query);
    }

    @Test
    void workspaceSearchListsNewestFirst() {
        Response response = searchA(readerA, "");

        assertEquals(200, response.statusCode(), response.asString());
        List<String> ids = ids(response);
        assertEquals(3, ids.size());
        assertEquals(ticketsOfA.get(0), ids.get(2));
        JsonObject newest = json(response).getJsonArray("items").getJsonObject(0);
        assertEquals("ServiceNow", newest.getString("externalSystem"));
        assertEquals(workspaceA, newest.getString("workspaceId"));
        assertEquals("681ccaf9c0a8016400b98a06818d57c7", newest.getString("callerId"));
    }

    @Test
    void otherWorkspaceIsNotFound() {
        Response response = api.as(readerA).get("/api/v2/workspaces/" + workspaceB + "/tickets");

        assertEquals(404, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith(WardenApi.PROBLEM_JSON), response.contentType());
    }

    @Test
    void searchByTextAndState() {
        List<String> byText = ids(searchA(readerA, "?text=PHISH"));
        List<String> byNumber = ids(searchA(readerA, "?text=inc1001"));
        List<String> byUmlaut = ids(api.as(readerA).queryParam("text", "JÜRGEN")
                .get("/api/v2/workspaces/" + workspaceA + "/tickets"));
        List<String> byState = ids(searchA(readerA, "?state=2"));
        List<String> bySystem = ids(searchA(readerA, "?externalSystem=Jira"));
        List<String> wildcard = ids(api.as(readerA).queryParam("text", "%")
                .get("/api/v2/workspaces/" + workspaceA + "/tickets"));

        assertEquals(List.of(ticketsOfA.get(0)), byText);
        assertEquals(List.of(ticketsOfA.get(1)), byNumber);
        assertEquals(List.of(ticketsOfA.get(2)), byUmlaut);
        assertEquals(2, byState.size());
        assertEquals(List.of(), bySystem);
        assertEquals(List.of(), wildcard);
    }

    @Test
    void workspaceCursorPagesThroughAll() {
        List<String> seen = new ArrayList<>();
        Response page = searchA(readerA, "?pageSize=1");
        for (int i = 0; i < 3; i++) {
            assertEquals(200, page.statusCode(), page.asString());
            seen.addAll(ids(page));
            JsonValue cursor = json(page).get("continuationToken");
            if (i < 2) {
                assertTrue(cursor instanceof JsonString, "page " + i + " has no continuationToken");
                page = api.as(readerA).queryParam("pageSize", "1")
                        .queryParam("cursor", ((JsonString) cursor).getString())
                        .get("/api/v2/workspaces/" + workspaceA + "/tickets");
            } else {
                assertEquals(JsonValue.NULL, cursor);
            }
        }

        assertEquals(ids(searchA(readerA, "")), seen);
    }

    @Test
    void cursorWithOtherFilterIsRejected() {
        String cursor = json(searchA(readerA, "?pageSize=1")).getString("continuationToken");

        Response response = api.as(readerA).queryParam("cursor", cursor).queryParam("state", "1")
                .get("/api/v2/workspaces/" + workspaceA + "/tickets");

        assertEquals(400, response.statusCode(), response.asString());
        assertEquals(List.of("cursor"), errorFields(response));
    }

    @Test
    void pageSizeOutsideRangeIsRejected() {
        for (String size : List.of("0", "501", "many")) {
            Response response = searchA(readerA, "?pageSize=" + size);

            assertEquals(400, response.statusCode(), size + ": " + response.asString());
            assertEquals(List.of("pageSize"), errorFields(response), size);
        }
    }

    @Test
    void acrossWorkspacesShowsOnlyGrantedWorkspace() {
        Response response = api.as(readerA).body("{\"isFirstCall\": true, \"pageSize\": 500}").post(ACROSS);

        assertEquals(200, response.statusCode(), response.asString());
        List<String> ids = ids(response);
        assertEquals(3, ids.size());
        assertTrue(ids.containsAll(ticketsOfA), ids.toString());
        assertTrue(!ids.contains(ticketOfB), "ticket of workspace B was returned");
    }

    @Test
    void acrossWorkspacesFilteredToHiddenWorkspaceIsEmpty() {
        String body = "{\"isFirstCall\": true, \"workspaceIds\": [\"" + workspaceB + "\"]}";

        Response response = api.as(readerA).body(body).post(ACROSS);

        assertEquals(200, response.statusCode(), response.asString());
        assertEquals(List.of(), ids(response));
    }

    @Test
    void callerWithoutWorkspacesGetsEmptyList() {
        Response response = api.as(noWorkspace).body("{\"isFirstCall\": true}").post(ACROSS);

        assertEquals(200, response.statusCode(), response.asString());
        assertEquals(List.of(), ids(response));
        assertEquals(JsonValue.NULL, json(response).get("continuationToken"));
    }

    @Test
    void acrossWorkspacesContinuationPages() {
        Response first = api.as(readerA).body("{\"isFirstCall\": true, \"pageSize\": 2}").post(ACROSS);
        String token = json(first).getString("continuationToken");
        Response second = api.as(readerA)
                .body(Json.createObjectBuilder().add("isFirstCall", false).add("continuationToken", token).build()
                        .toString())
                .post(ACROSS);

        assertEquals(2, ids(first).size());
        assertEquals(200, second.statusCode(), second.asString());
        assertEquals(1, ids(second).size());
        assertEquals(JsonValue.NULL, json(second).get("continuationToken"));
    }

    @Test
    void alteredOrForeignTokenIsRejected() {
        String token = json(api.as(readerA).body("{\"isFirstCall\": true, \"pageSize\": 1}").post(ACROSS))
                .getString("continuationToken");
        String altered = token.substring(0, 5) + (token.charAt(5) == 'A' ? 'B' : 'A') + token.substring(6);
        String next = "{\"isFirstCall\": false, \"continuationToken\": \"%s\"}";

        Response tampered = api.as(readerA).body(String.format(next, altered)).post(ACROSS);
        Response foreign = api.as(managerA).body(String.format(next, token)).post(ACROSS);
        Response otherFilter = api.as(readerA).body("{\"isFirstCall\": false, \"continuationToken\": \"" + token
                + "\", \"text\": \"x\"}").post(ACROSS);

        assertEquals(400, tampered.statusCode(), tampered.asString());
        assertEquals(List.of("continuationToken"), errorFields(tampered));
        assertEquals(400, foreign.statusCode(), foreign.asString());
        assertEquals(400, otherFilter.statusCode(), otherFilter.asString());
    }

    @Test
    void managerLinksAndFindsByIncident() {
        String ticket = ticketsOfA.get(1);
        String link = "/api/v2/workspaces/" + workspaceA + "/tickets/" + ticket + "/links/" + incidentA;

        Response linked = api.as(managerA).put(link);
        Response linkedAgain = api.as(managerA).put(link);
        Response found = searchA(managerA, "?linkedIncidentId=" + incidentA);
        Response across = api.as(managerA).body("{\"isFirstCall\": true, \"linkedIncidentId\": \"" + incidentA + "\"}")
                .post(ACROSS);

        assertEquals(204, linked.statusCode(), linked.asString());
        assertEquals(204, linkedAgain.statusCode(), linkedAgain.asString());
        assertEquals(List.of(ticket), ids(found));
        assertEquals(List.of(ticket), ids(across));
        assertEquals(incidentA, json(found).getJsonArray("items").getJsonObject(0)
                .getJsonArray("linkedIncidentIds").getString(0));

        Response unlinked = api.as(managerA).delete(link);
        Response unlinkedAgain = api.as(managerA).delete(link);
        Response afterUnlink = searchA(managerA, "?linkedIncidentId=" + incidentA);

        assertEquals(204, unlinked.statusCode(), unlinked.asString());
        assertEquals(204, unlinkedAgain.statusCode(), unlinkedAgain.asString());
        assertEquals(List.of(), ids(afterUnlink));
    }

    @Test
    void linkToIncidentOfOtherWorkspaceIsRejected() {
        String asAdmin = "/api/v2/workspaces/" + workspaceA + "/tickets/" + ticketsOfA.get(0) + "/links/" + incidentB;
        String hidden = "/api/v2/workspaces/" + workspaceB + "/tickets/" + ticketOfB + "/links/" + incidentB;

        Response crossWorkspace = api.asAdmin().put(asAdmin);
        Response hiddenWorkspace = api.as(managerA).put(hidden);
        Response unknownTicket = api.as(managerA).put("/api/v2/workspaces/" + workspaceA + "/tickets/missing/links/"
                + incidentA);

        assertEquals(404, crossWorkspace.statusCode(), crossWorkspace.asString());
        assertEquals(404, hiddenWorkspace.statusCode(), hiddenWorkspace.asString());
        assertEquals(404, unknownTicket.statusCode(), unknownTicket.asString());
    }

    @Test
    void readerCannotLink() {
        Response response = api.as(readerA).put("/api/v2/workspaces/" + workspaceA + "/tickets/" + ticketsOfA.get(0)
                + "/links/" + incidentA);

        WardenApi.assertProblem(response, 403, "Missing required scope: tickets:manage");
    }

    @Test
    void importIsIdempotentBySysId() {
        String workspace = api.createWorkspace("tickets-idempotent");
        JsonObject item = ticket("same-sys-id", "INC9", "First", "1", "2024-01-01 00:00:00");

        Response first = importTickets(workspace, result(item));
        Response second = importTickets(workspace, result(ticket("same-sys-id", "INC9", "Second", "2",
                "2024-01-01 00:00:00")));

        assertEquals(1, json(first).getInt("created"));
        assertEquals(0, json(second).getInt("created"));
        assertEquals(1, json(second).getInt("updated"));
        JsonObject stored = json(api.asAdmin().get("/api/v2/workspaces/" + workspace + "/tickets"))
                .getJsonArray("items").getJsonObject(0);
        assertEquals("Second", stored.getString("shortDescription"));
    }

    @Test
    void badItemRejectsWholeImport() {
        String workspace = api.createWorkspace("tickets-bad-item");
        JsonObject good = ticket("good", "INC1", "Good", "1", "2024-01-01 00:00:00");
        JsonObject bad = Json.createObjectBuilder(ticket("bad", "INC2", "Bad", "1", "2024-01-01 00:00:00"))
                .add("sys_created_on", "01/02/2024").build();

        Response response = importTickets(workspace, result(good, good, bad));

        assertEquals(400, response.statusCode(), response.asString());
        assertEquals(List.of("result[2].sys_created_on"), errorFields(response));
        Response stored = api.asAdmin().get("/api/v2/workspaces/" + workspace + "/tickets");
        assertEquals(List.of(), ids(stored));
    }

    @Test
    void importIntoUnknownWorkspaceIsNotFound() {
        Response response = importTickets(UUID.randomUUID().toString(), result());

        assertEquals(404, response.statusCode(), response.asString());
        assertNotNull(json(response).getString("detail"));
    }

    @AfterAll
    void serverLogsContainNoSecrets() throws IOException {
        api.assertNoSecretsInServerLogs();
    }
}
