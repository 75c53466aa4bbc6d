package io.warden.it;

import static io.warden.it.WardenApi.errorFields;
import static io.warden.it.WardenApi.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Which incidents and workspaces a service account can read: only those of the workspaces it was
 * granted, across workspaces, in the workspace list and on single-incident routes. Also covers
 * continuation paging and the rejection of altered or foreign continuation tokens.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkspaceVisibilityIT {

    private static final String ACROSS = "/api/v2/incidents/across-workspaces";
    private static final String FIRST_PAGE = "{\"isFirstCall\": true, \"pageSize\": 500}";

    private final WardenApi api = new WardenApi();
    private String workspaceA;
    private String workspaceB;
    private final List<String> incidentsOfA = new ArrayList<>();
    private final List<String> incidentsOfB = new ArrayList<>();
    private WardenApi.Credentials onlyA;
    private WardenApi.Credentials bothWorkspaces;
    private WardenApi.Credentials otherBothWorkspaces;
    private WardenApi.Credentials noWorkspace;

    @BeforeAll
    void importIncidentsAndCreateAccounts() {
        workspaceA = api.createWorkspace("visibility-a");
        workspaceB = api.createWorkspace("visibility-b");

        // Two incidents share a creation time so that paging must order by more than the time.
        String[] timesOfA = {"2024-05-01T10:00:00Z", "2024-05-02T10:00:00Z", "2024-05-03T10:00:00Z"};
        String[] timesOfB = {"2024-05-02T10:00:00Z", "2024-05-04T10:00:00Z"};
        importNumbered(workspaceA, "a", timesOfA, incidentsOfA);
        importNumbered(workspaceB, "b", timesOfB, incidentsOfB);

        onlyA = api.createServiceAccount(List.of("incidents:read"), List.of(workspaceA));
        bothWorkspaces = api.createServiceAccount(List.of("incidents:read"), List.of(workspaceA, workspaceB));
        otherBothWorkspaces = api.createServiceAccount(List.of("incidents:read"), List.of(workspaceA, workspaceB));
        noWorkspace = api.createServiceAccount(List.of("incidents:read"), List.of());
    }

    private void importNumbered(String workspaceId, String label, String[] createdTimes, List<String> ids) {
        List<JsonObject> items = new ArrayList<>();
        for (int i = 0; i < createdTimes.length; i++) {
            String id = "visibility-" + label + i + "-" + UUID.randomUUID();
            ids.add(id);
            items.add(WardenApi.sentinelIncident(id, "Visibility " + label + i, "Medium", "Active", createdTimes[i])
                    .build());
        }
        api.importIncidentsOrFail(workspaceId, items.toArray(JsonObject[]::new));
    }

    @Test
    void restrictedAccountSeesOnlyItsIncidents() {
        Response page = api.as(onlyA).body(FIRST_PAGE).post(ACROSS);

        assertEquals(200, page.statusCode(), page.asString());
        List<JsonObject> items = items(page);
        assertEquals(Set.copyOf(incidentsOfA), ids(items));
        assertTrue(items.stream().allMatch(item -> item.getString("workspaceId").equals(workspaceA)), page.asString());
    }

    @Test
    void restrictedAccountListsOnlyItsWorkspace() {
        Response workspaces = api.as(onlyA).get("/api/v2/workspaces");

        assertEquals(200, workspaces.statusCode(), workspaces.asString());
        assertEquals(Set.of(workspaceA), ids(items(workspaces)));
    }

    @Test
    void filterOnHiddenWorkspaceReturnsNothing() {
        String body = Json.createObjectBuilder()
                .add("isFirstCall", true)
                .add("workspaceIds", Json.createArrayBuilder().add(workspaceB))
                .build().toString();

        Response page = api.as(onlyA).body(body).post(ACROSS);

        assertEquals(200, page.statusCode(), page.asString());
        assertEquals(List.of(), items(page));
    }

    @Test
    void singleIncidentOfVisibleWorkspace() {
        Response incident = api.as(onlyA).get(incidentPath(workspaceA, incidentsOfA.get(0)));

        assertEquals(200, incident.statusCode(), incident.asString());
        assertEquals(incidentsOfA.get(0), json(incident).getString("id"));
        assertEquals(workspaceA, json(incident).getString("workspaceId"));
    }

    @Test
    void hiddenWorkspaceLooksMissing() {
        Response visible = api.as(onlyA).get(incidentPath(workspaceA, incidentsOfA.get(0)));
        assertEquals(200, visible.statusCode(), "the route must work for a visible workspace: " + visible.asString());

        Response hidden = api.as(onlyA).get(incidentPath(workspaceB, incidentsOfB.get(0)));
        String unknownWorkspace = UUID.randomUUID().toString();
        Response missing = api.as(onlyA).get(incidentPath(unknownWorkspace, incidentsOfB.get(0)));

        assertEquals(404, hidden.statusCode(), hidden.asString());
        assertEquals(404, missing.statusCode(), missing.asString());
        assertEquals(missing.asString().replace(unknownWorkspace, workspaceB), hidden.asString(),
                "a hidden workspace must be reported exactly like a missing one");
    }

    @Test
    void emptyWorkspaceListSeesNothing() {
        Response page = api.as(noWorkspace).body(FIRST_PAGE).post(ACROSS);
        Response workspaces = api.as(noWorkspace).get("/api/v2/workspaces");

        assertEquals(200, page.statusCode(), page.asString());
        assertEquals(List.of(), items(page));
        assertTrue(json(page).isNull("continuationToken"), page.asString());
        assertEquals(200, workspaces.statusCode(), workspaces.asString());
        assertEquals(List.of(), items(workspaces));
    }

    @Test
    void pageSizeOneWalksEveryIncidentOnce() {
        List<JsonObject> seen = new ArrayList<>();
        Response page = api.as(bothWorkspaces).body("{\"isFirstCall\": true, \"pageSize\": 1}").post(ACROSS);
        int pages = 0;
        while (true) {
            assertEquals(200, page.statusCode(), page.asString());
            assertTrue(items(page).size() <= 1, "page larger than pageSize 1: " + page.asString());
            seen.addAll(items(page));
            pages++;
            if (json(page).isNull("continuationToken") || pages > 20) {
                break;
            }
            page = api.as(bothWorkspaces).body(continuation(json(page).getString("continuationToken"))).post(ACROSS);
        }

        List<String> seenIds = seen.stream().map(item -> item.getString("id")).toList();
        Set<String> expected = new HashSet<>(incidentsOfA);
        expected.addAll(incidentsOfB);
        assertEquals(seenIds.size(), Set.copyOf(seenIds).size(), "an incident came twice: " + seenIds);
        assertEquals(expected, Set.copyOf(seenIds));
        assertEquals(expected.size(), pages, "one incident per page, and no empty last page");
        for (int i = 1; i < seen.size(); i++) {
            Instant newer = Instant.parse(seen.get(i - 1).getString("createdTimeUtc"));
            Instant older = Instant.parse(seen.get(i).getString("createdTimeUtc"));
            assertFalse(older.isAfter(newer), "not newest first at position " + i + ": " + seenIds);
        }
    }

    @Test
    void alteredTokenIs400() {
        String token = firstToken(bothWorkspaces);
        int dot = token.indexOf('.');
        assertTrue(dot > 0, "the token has no signature part: cannot build the altered variants");

        List<String> altered = List.of(
                replaceCharAt(token, dot / 2),
                replaceCharAt(token, dot + 3),
                token.substring(0, dot),
                "not-a-token",
                forgedToken(token.substring(0, dot)));
        for (String variant : altered) {
            Response response = api.as(bothWorkspaces).body(continuation(variant)).post(ACROSS);

            assertEquals(400, response.statusCode(), "variant " + variant + ": " + response.asString());
            assertEquals(List.of("continuationToken"), errorFields(response), response.asString());
        }
    }

    @Test
    void tokenOfAnotherCallerIs400() {
        String token = firstToken(bothWorkspaces);
        assertEquals(200, api.as(bothWorkspaces).body(continuation(token)).post(ACROSS).statusCode(),
                "the token must work for the caller that received it");

        Response response = api.as(otherBothWorkspaces).body(continuation(token)).post(ACROSS);

        assertEquals(400, response.statusCode(), response.asString());
        assertEquals(List.of("continuationToken"), errorFields(response), response.asString());
    }

    private String firstToken(WardenApi.Credentials caller) {
        Response page = api.as(caller).body("{\"isFirstCall\": true, \"pageSize\": 1}").post(ACROSS);
        assertEquals(200, page.statusCode(), page.asString());
        assertFalse(json(page).isNull("continuationToken"), "expected more than one page: " + page.asString());
        String token = json(page).getString("continuationToken");
        assertNotNull(token);
        return token;
    }

    /** Returns a token whose payload part is the real one decoded, edited and encoded again, with no valid signature. */
    private static String forgedToken(String payloadPart) {
        Base64.Decoder decoder = Base64.getUrlDecoder();
        String payload = new String(decoder.decode(payloadPart), StandardCharsets.UTF_8);
        String edited = payload.replace("\"n\":1", "\"n\":500");
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String signature = encoder.encodeToString("forged-signature-of-32-bytes-xx".getBytes(StandardCharsets.UTF_8));
        return encoder.encodeToString(edited.getBytes(StandardCharsets.UTF_8)) + "." + signature;
    }

    private static String replaceCharAt(String text, int index) {
        char replacement = text.charAt(index) == 'A' ? 'B' : 'A';
        String changed = text.substring(0, index) + replacement + text.substring(index + 1);
        assertNotEquals(text, changed);
        return changed;
    }

    private static String continuation(String token) {
        return Json.createObjectBuilder()
                .add("isFirstCall", false)
                .add("continuationToken", token)
                .build().toString();
    }

    private static String incidentPath(String workspaceId, String incidentId) {
        return "/api/v2/workspaces/" + workspaceId + "/incidents/" + incidentId;
    }

    private static List<JsonObject> items(Response response) {
        return json(response).getJsonArray("items").getValuesAs(JsonObject.class);
    }

    private static Set<String> ids(List<JsonObject> items) {
        return items.stream().map(item -> item.getString("id")).collect(Collectors.toSet());
    }

    @AfterAll
    void serverLogsContainNoSecrets() throws IOException {
        api.assertNoSecretsInServerLogs();
    }
}
