package io.warden.it;

import static io.warden.it.WardenApi.errorFields;
import static io.warden.it.WardenApi.json;
import static io.warden.it.WardenApi.sentinelIncident;
import static io.warden.it.WardenApi.sentinelList;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.restassured.response.Response;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Import of Microsoft Sentinel "Incidents - List" bodies through the portal route. Results are
 * read back with the cross-workspace query filtered on the test's own workspace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SentinelImportIT {

    private static final String CREATED = "2024-03-05T10:11:12Z";

    private final WardenApi api = new WardenApi();

    @Test
    void reimportUpdatesWithoutDuplicates() {
        String workspaceId = api.createWorkspace("import-twice");
        String first = newId();
        String second = newId();

        Response initial = api.importIncidents(workspaceId, sentinelList(
                sentinelIncident(first, "Initial title", "High", "New", CREATED).build(),
                sentinelIncident(second, "Unchanged", "Low", "New", CREATED).build()).toString());
        Response again = api.importIncidents(workspaceId, sentinelList(
                sentinelIncident(first, "Updated title", "Medium", "Closed", CREATED).build(),
                sentinelIncident(second, "Unchanged", "Low", "New", CREATED).build()).toString());

        assertEquals(200, initial.statusCode(), initial.asString());
        assertEquals(2, json(initial).getInt("created"));
        assertEquals(0, json(initial).getInt("updated"));
        assertEquals(200, again.statusCode(), again.asString());
        assertEquals(2, json(again).getInt("imported"));
        assertEquals(0, json(again).getInt("created"));
        assertEquals(2, json(again).getInt("updated"));

        Map<String, JsonObject> stored = incidentsOf(workspaceId);
        assertEquals(2, stored.size(), stored.toString());
        assertEquals("Updated title", stored.get(first).getString("title"));
        assertEquals("Medium", stored.get(first).getString("severity"));
        assertEquals("Closed", stored.get(first).getString("status"));
    }

    @Test
    void badItemRejectsWholeRequest() {
        String workspaceId = api.createWorkspace("import-bad-item");
        String valid = newId();

        Response response = api.importIncidents(workspaceId, sentinelList(
                sentinelIncident(valid, "Valid incident", "High", "New", CREATED).build(),
                sentinelIncident(newId(), "Bad severity", "Critical", "New", CREATED).build()).toString());

        assertEquals(400, response.statusCode(), response.asString());
        assertEquals(List.of("value[1].properties.severity"), errorFields(response));
        assertEquals(Map.of(), incidentsOf(workspaceId), "nothing of a rejected request may be stored");
    }

    @Test
    void badItemKeepsEarlierVersion() {
        String workspaceId = api.createWorkspace("import-bad-update");
        String id = newId();
        api.importIncidentsOrFail(workspaceId, sentinelIncident(id, "Version one", "High", "New", CREATED).build());

        Response response = api.importIncidents(workspaceId, sentinelList(
                sentinelIncident(id, "Version two", "High", "Active", CREATED).build(),
                withProperty(newId(), "createdTimeUtc", Json.createValue("yesterday"))).toString());

        assertEquals(400, response.statusCode(), response.asString());
        assertEquals(List.of("value[1].properties.createdTimeUtc"), errorFields(response));
        JsonObject stored = incidentsOf(workspaceId).get(id);
        assertEquals("Version one", stored.getString("title"));
        assertEquals("New", stored.getString("status"));
    }

    /** Each case is a second item that breaks one rule, and the 400 must name exactly that field. */
    @TestFactory
    Stream<DynamicTest> eachBadFieldIsNamed() {
        Map<String, JsonValue> cases = new LinkedHashMap<>();
        cases.put("value[1]", Json.createValue("not an incident object"));
        cases.put("value[1].name", withoutKey(sentinelIncident(newId(), "x", "High", "New", CREATED).build(), "name"));
        cases.put("value[1].properties", withoutKey(sentinelIncident(newId(), "x", "High", "New", CREATED).build(),
                "properties"));
        cases.put("value[1].properties.title", withProperty(newId(), "title", Json.createValue("   ")));
        cases.put("value[1].properties.status", withProperty(newId(), "status", Json.createValue("Resolved")));
        cases.put("value[1].properties.createdTimeUtc", withProperty(newId(), "createdTimeUtc", JsonValue.NULL));
        cases.put("value[1].properties.incidentNumber", withProperty(newId(), "incidentNumber",
                Json.createValue("3177")));

        return cases.entrySet().stream().map(entry -> dynamicTest(entry.getKey(), () -> {
            String workspaceId = api.createWorkspace("import-field");
            String body = Json.createObjectBuilder().add("value", Json.createArrayBuilder()
                    .add(sentinelIncident(newId(), "Valid incident", "Low", "New", CREATED))
                    .add(entry.getValue())).build().toString();

            Response response = api.importIncidents(workspaceId, body);

            assertEquals(400, response.statusCode(), entry.getKey() + ": " + response.asString());
            assertEquals(List.of(entry.getKey()), errorFields(response), response.asString());
            assertEquals(Map.of(), incidentsOf(workspaceId), entry.getKey() + ": the valid item was stored");
        }));
    }

    @Test
    void sevenDigitFractionAccepted() {
        String workspaceId = api.createWorkspace("import-fraction");
        String id = newId();
        JsonObject item = sentinelIncident(id, "Fractional seconds", "Informational", "Active",
                "2024-03-05T10:11:12.1234567Z").build();

        Response response = api.importIncidents(workspaceId, sentinelList(item).toString());

        assertEquals(200, response.statusCode(), response.asString());
        JsonObject stored = incidentsOf(workspaceId).get(id);
        assertEquals(Instant.parse("2024-03-05T10:11:12.123Z"), Instant.parse(stored.getString("createdTimeUtc")));
    }

    @Test
    void nullOwnerAccepted() {
        String workspaceId = api.createWorkspace("import-null-owner");
        String id = newId();

        Response response = api.importIncidents(workspaceId,
                sentinelList(withProperty(id, "owner", JsonValue.NULL)).toString());

        assertEquals(200, response.statusCode(), response.asString());
        JsonObject stored = incidentsOf(workspaceId).get(id);
        assertTrue(!stored.containsKey("owner") || stored.isNull("owner"), stored.toString());
    }

    @Test
    void unknownFieldsAccepted() {
        String workspaceId = api.createWorkspace("import-unknown-fields");
        String id = newId();
        JsonObject withNewProperty = withProperty(id, "someFutureProperty",
                Json.createObjectBuilder().add("nested", Json.createArrayBuilder().add(1).add("two")).build());
        JsonObject item = Json.createObjectBuilder(withNewProperty)
                .add("systemData", Json.createObjectBuilder().add("createdBy", "someone"))
                .build();

        Response response = api.importIncidents(workspaceId, Json.createObjectBuilder()
                .add("value", Json.createArrayBuilder().add(item))
                .add("nextLink", "https://example.invalid/next")
                .build().toString());

        assertEquals(200, response.statusCode(), response.asString());
        assertTrue(incidentsOf(workspaceId).containsKey(id));
    }

    @Test
    void nonAsciiTextRoundTrips() {
        String workspaceId = api.createWorkspace("import-non-ascii");
        String id = newId();
        String title = "Überprüfung: Anmeldung aus 東京 – Доступ запрещён 🚨";
        String assignee = "José Müller-Łukasiewicz";
        JsonObject item = withProperty(id, "owner", Json.createObjectBuilder()
                .add("assignedTo", assignee)
                .add("email", "jose@example.org")
                .build());
        item = Json.createObjectBuilder(item).add("properties", Json.createObjectBuilder(item.getJsonObject("properties"))
                .add("title", title)).build();

        Response response = api.importIncidents(workspaceId, sentinelList(item).toString());

        assertEquals(200, response.statusCode(), response.asString());
        JsonObject stored = incidentsOf(workspaceId).get(id);
        assertEquals(title, stored.getString("title"));
        assertEquals(assignee, stored.getJsonObject("owner").getString("assignedTo"));
    }

    @Test
    void sampleFieldsArePreserved() {
        String workspaceId = api.createWorkspace("import-sample");

        Response response = api.importIncidents(workspaceId, api.fixture("sentinel/incidents-list.json"));

        assertEquals(200, response.statusCode(), response.asString());
        JsonObject stored = incidentsOf(workspaceId).get("73e01a99-5cd7-4139-a149-9f2736ff2ab5");
        assertEquals("My incident", stored.getString("title"));
        assertEquals("This is a demo incident", stored.getString("description"));
        assertEquals(3177, stored.getInt("incidentNumber"));
        assertEquals("High", stored.getString("severity"));
        assertEquals("Closed", stored.getString("status"));
        assertEquals("FalsePositive", stored.getString("classification"));
        assertEquals("IncorrectAlertLogic", stored.getString("classificationReason"));
        assertEquals("john@contoso.com", stored.getJsonObject("owner").getString("userPrincipalName"));
        assertEquals(Instant.parse("2019-01-01T13:15:30Z"), Instant.parse(stored.getString("createdTimeUtc")));
        assertEquals(Instant.parse("2019-01-01T13:00:30Z"), Instant.parse(stored.getString("firstActivityTimeUtc")));
        assertFalse(stored.getString("incidentUrl").isEmpty());
    }

    /** Returns the workspace's incidents by id, read as the admin through the cross-workspace query. */
    private Map<String, JsonObject> incidentsOf(String workspaceId) {
        String query = Json.createObjectBuilder()
                .add("isFirstCall", true)
                .add("pageSize", 500)
                .add("workspaceIds", Json.createArrayBuilder().add(workspaceId))
                .build().toString();
        Response page = api.asAdmin().body(query).post("/api/v2/incidents/across-workspaces");
        assertEquals(200, page.statusCode(), page.asString());
        assertTrue(json(page).isNull("continuationToken"), "more than 500 incidents in a test workspace");

        Map<String, JsonObject> incidents = new LinkedHashMap<>();
        for (JsonObject item : json(page).getJsonArray("items").getValuesAs(JsonObject.class)) {
            incidents.put(item.getString("id"), item);
        }
        return incidents;
    }

    /** Returns a valid incident whose {@code properties.<key>} is set to the value. */
    private static JsonObject withProperty(String id, String key, JsonValue value) {
        JsonObject item = sentinelIncident(id, "Incident " + id, "Medium", "New", CREATED).build();
        JsonObject properties = Json.createObjectBuilder(item.getJsonObject("properties")).add(key, value).build();
        return Json.createObjectBuilder(item).add("properties", properties).build();
    }

    private static JsonObject withoutKey(JsonObject object, String key) {
        return Json.createObjectBuilder(object).remove(key).build();
    }

    private static String newId() {
        return "import-" + UUID.randomUUID();
    }

    @AfterAll
    void serverLogsContainNoSecrets() throws IOException {
        api.assertNoSecretsInServerLogs();
    }
}
