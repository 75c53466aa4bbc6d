package io.warden.it;

import static io.warden.it.WardenApi.errorFields;
import static io.warden.it.WardenApi.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Sign-in and directory logs: Microsoft Graph imports, filters, paging, and that a service account
 * reads only the logs of the workspaces it was granted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvestigationIT {

    private final WardenApi api = new WardenApi();
    private String workspaceA;
    private String workspaceB;
    private final List<String> signInsOfA = new ArrayList<>();
    private final List<String> auditsOfA = new ArrayList<>();
    private WardenApi.Credentials investigatorA;
    private WardenApi.Credentials ticketManagerA;

    @BeforeAll
    void importLogsAndCreateAccounts() {
        workspaceA = api.createWorkspace("investigation-a");
        workspaceB = api.createWorkspace("investigation-b");

        String[] times = {"2024-05-01T10:00:00.1234567Z", "2024-05-02T10:00:00Z", "2024-05-03T10:00:00Z"};
        String[] users = {"jürgen@contoso.com", "amélie@contoso.com", "jürgen@contoso.com"};
        int[] errorCodes = {0, 50126, 0};
        List<JsonObject> signIns = new ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            String id = UUID.randomUUID().toString();
            signInsOfA.add(id);
            signIns.add(signIn(id, times[i], users[i], "user-" + users[i].charAt(0), errorCodes[i]));
        }
        importOrFail("sign-in-logs", workspaceA, signIns.toArray(JsonObject[]::new));
        importOrFail("sign-in-logs", workspaceB, signIn(UUID.randomUUID().toString(), "2024-05-04T10:00:00Z",
                "jürgen@contoso.com", "user-j", 0));

        for (int i = 0; i < 2; i++) {
            auditsOfA.add("Directory_" + UUID.randomUUID());
        }
        importOrFail("directory-logs", workspaceA,
                audit(auditsOfA.get(0), "2024-05-01T10:00:00.9837301Z", "françois@contoso.com", "success"),
                audit(auditsOfA.get(1), "2024-05-02T10:00:00Z", "dana@contoso.com", "failure"));
        importOrFail("directory-logs", workspaceB, audit("Directory_" + UUID.randomUUID(), "2024-05-03T10:00:00Z",
                "françois@contoso.com", "success"));

        investigatorA = api.createServiceAccount(List.of("investigation:read"), List.of(workspaceA));
        ticketManagerA = api.createServiceAccount(List.of("tickets:manage"), List.of(workspaceA));
    }

    static JsonObject signIn(String id, String createdDateTime, String userPrincipalName, String userId,
            int errorCode) {
        return Json.createObjectBuilder()
                .add("id", id)
                .add("createdDateTime", createdDateTime)
                .add("userDisplayName", "Ünïcode Üser")
                .add("userPrincipalName", userPrincipalName)
                .add("userId", userId)
                .add("appId", "de8bc8b5-d9f9-48b1-a8ad-b748da725064")
                .add("appDisplayName", "Graph Explorer")
                .add("ipAddress", "131.107.159.37")
                .add("clientAppUsed", "Browser")
                .add("conditionalAccessStatus", "notApplied")
                .add("isInteractive", true)
                .add("riskLevelDuringSignIn", "none")
                .add("riskState", "none")
                .add("status", Json.createObjectBuilder().add("errorCode", errorCode)
                        .add("failureReason", errorCode == 0 ? "Other." : "Invalid username or password.")
                        .addNull("additionalDetails"))
                .add("location", Json.createObjectBuilder().add("city", "Zürich").add("countryOrRegion", "CH"))
                .build();
    }

    static JsonObject audit(String id, String activityDateTime, String initiatorPrincipalName, String result) {
        return Json.createObjectBuilder()
                .add("id", id)
                .add("category", "UserManagement")
                .add("correlationId", UUID.randomUUID().toString())
                .add("result", result)
                .add("resultReason", "")
                .add("activityDisplayName", "Update user")
                .add("activityDateTime", activityDateTime)
                .add("loggedByService", "Core Directory")
                .add("operationType", "Update")
                .add("initiatedBy", Json.createObjectBuilder().addNull("app").add("user", Json.createObjectBuilder()
                        .add("id", "id-" + initiatorPrincipalName).add("userPrincipalName", initiatorPrincipalName)))
                .add("targetResources", Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", "t1")
                        .add("type", "User").add("userPrincipalName", "target@contoso.com")))
                .build();
    }

    static String value(JsonObject... items) {
        JsonArrayBuilder value = Json.createArrayBuilder();
        for (JsonObject item : items) {
            value.add(item);
        }
        return Json.createObjectBuilder().add("value", value).build().toString();
    }

    private Response importLogs(String kind, String workspaceId, String body) {
        return api.asAdmin().body(body).post("/api/workspaces/" + workspaceId + "/" + kind + "/import");
    }

    private void importOrFail(String kind, String workspaceId, JsonObject... items) {
        Response response = importLogs(kind, workspaceId, value(items));
        assertEquals(200, response.statusCode(), () -> kind + " import failed: " + response.asString());
    }

    private Response list(WardenApi.Credentials caller, String kind, String workspaceId, String... query) {
        var request = api.as(caller);
        for (int i = 0; i + 1 < query.length; i += 2) {
            request.queryParam(query[i], query[i + 1]);
        }
        return request.get("/api/v2/workspaces/" + workspaceId + "/" + kind);
    }

    private static List<String> ids(Response response) {
        assertEquals(200, response.statusCode(), response.asString());
        return json(response).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(item -> item.getString("id")).toList();
    }

    @Test
    void signInsNewestFirst() {
        Response response = list(investigatorA, "sign-in-logs", workspaceA);

        assertEquals(List.of(signInsOfA.get(2), signInsOfA.get(1), signInsOfA.get(0)), ids(response));
        JsonObject oldest = json(response).getJsonArray("items").getJsonObject(2);
        assertEquals("2024-05-01T10:00:00.123Z", oldest.getString("createdDateTime"));
        assertEquals("Ünïcode Üser", oldest.getString("userDisplayName"));
        assertEquals("Zürich", oldest.getJsonObject("location").getString("city"));
    }

    @Test
    void otherWorkspaceIsNotFound() {
        Response signIns = list(investigatorA, "sign-in-logs", workspaceB);
        Response audits = list(investigatorA, "directory-logs", workspaceB);

        assertEquals(404, signIns.statusCode(), signIns.asString());
        assertEquals(404, audits.statusCode(), audits.asString());
    }

    @Test
    void signInsFilteredByUserResultAndTime() {
        List<String> byName = ids(list(investigatorA, "sign-in-logs", workspaceA, "user", "JÜRGEN@contoso.com"));
        List<String> byUserId = ids(list(investigatorA, "sign-in-logs", workspaceA, "user", "user-a"));
        List<String> failures = ids(list(investigatorA, "sign-in-logs", workspaceA, "result", "failure"));
        List<String> successes = ids(list(investigatorA, "sign-in-logs", workspaceA, "result", "success"));
        List<String> inRange = ids(list(investigatorA, "sign-in-logs", workspaceA, "from", "2024-05-02T00:00:00Z",
                "to", "2024-05-03T00:00:00Z"));

        assertEquals(List.of(signInsOfA.get(2), signInsOfA.get(0)), byName);
        assertEquals(List.of(signInsOfA.get(1)), byUserId);
        assertEquals(List.of(signInsOfA.get(1)), failures);
        assertEquals(List.of(signInsOfA.get(2), signInsOfA.get(0)), successes);
        assertEquals(List.of(signInsOfA.get(1)), inRange);
    }

    @Test
    void signInCursorPagesThroughAll() {
        List<String> seen = new ArrayList<>();
        Response page = list(investigatorA, "sign-in-logs", workspaceA, "pageSize", "1");
        for (int i = 0; i < 3; i++) {
            seen.addAll(ids(page));
            JsonValue cursor = json(page).get("nextCursor");
            if (i < 2) {
                assertTrue(cursor instanceof JsonString, "page " + i + " has no nextCursor");
                page = list(investigatorA, "sign-in-logs", workspaceA, "pageSize", "1", "cursor",
                        ((JsonString) cursor).getString());
            } else {
                assertEquals(JsonValue.NULL, cursor);
            }
        }

        assertEquals(List.of(signInsOfA.get(2), signInsOfA.get(1), signInsOfA.get(0)), seen);
    }

    @Test
    void invalidFiltersAreRejected() {
        Response result = list(investigatorA, "sign-in-logs", workspaceA, "result", "maybe");
        Response pageSize = list(investigatorA, "directory-logs", workspaceA, "pageSize", "501");
        Response from = list(investigatorA, "directory-logs", workspaceA, "from", "yesterday");

        assertEquals(List.of("result"), errorFields(result));
        assertEquals(List.of("pageSize"), errorFields(pageSize));
        assertEquals(List.of("from"), errorFields(from));
    }

    @Test
    void directoryLogsFilteredByInitiatorAndResult() {
        List<String> all = ids(list(investigatorA, "directory-logs", workspaceA));
        List<String> byInitiator = ids(list(investigatorA, "directory-logs", workspaceA, "user",
                "FRANÇOIS@contoso.com"));
        List<String> failures = ids(list(investigatorA, "directory-logs", workspaceA, "result", "failure"));

        assertEquals(List.of(auditsOfA.get(1), auditsOfA.get(0)), all);
        assertEquals(List.of(auditsOfA.get(0)), byInitiator);
        assertEquals(List.of(auditsOfA.get(1)), failures);
    }

    @Test
    void directoryLogShowsInitiatorAndTargets() {
        JsonObject oldest = json(list(investigatorA, "directory-logs", workspaceA)).getJsonArray("items")
                .getJsonObject(1);

        assertEquals("2024-05-01T10:00:00.983Z", oldest.getString("activityDateTime"));
        assertEquals("françois@contoso.com", oldest.getJsonObject("initiatedBy").getString("userPrincipalName"));
        assertEquals("target@contoso.com", oldest.getJsonArray("targetResources").getJsonObject(0)
                .getString("userPrincipalName"));
    }

    @Test
    void ticketManagerCannotReadSignIns() {
        Response response = list(ticketManagerA, "sign-in-logs", workspaceA);

        WardenApi.assertProblem(response, 403, "Missing required scope: investigation:read");
    }

    @Test
    void badItemRejectsWholeImport() {
        String workspace = api.createWorkspace("investigation-bad-item");
        JsonObject good = signIn("good", "2024-05-01T10:00:00Z", "a@contoso.com", "a", 0);
        JsonObject bad = Json.createObjectBuilder(signIn("bad", "2024-05-01T10:00:00Z", "a@contoso.com", "a", 0))
                .add("createdDateTime", "01.05.2024").build();

        Response response = importLogs("sign-in-logs", workspace, value(good, bad));

        assertEquals(400, response.statusCode(), response.asString());
        assertEquals(List.of("value[1].createdDateTime"), errorFields(response));
        assertEquals(List.of(), ids(api.asAdmin().get("/api/v2/workspaces/" + workspace + "/sign-in-logs")));
    }

    @Test
    void importIsIdempotentById() {
        String workspace = api.createWorkspace("investigation-idempotent");
        String body = value(audit("Directory_same", "2024-05-01T10:00:00Z", "a@contoso.com", "success"));

        Response first = importLogs("directory-logs", workspace, body);
        Response second = importLogs("directory-logs", workspace, body);

        assertEquals(1, json(first).getInt("created"));
        assertEquals(0, json(second).getInt("created"));
        assertEquals(1, json(second).getInt("updated"));
        assertEquals(List.of("Directory_same"),
                ids(api.asAdmin().get("/api/v2/workspaces/" + workspace + "/directory-logs")));
    }

    @AfterAll
    void serverLogsContainNoSecrets() throws IOException {
        api.assertNoSecretsInServerLogs();
    }
}
