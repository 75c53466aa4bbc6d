package io.warden.it;

import static io.warden.it.WardenApi.errorFields;
import static io.warden.it.WardenApi.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Tenant isolation between two organizations. The API cannot create an organization, so the test
 * inserts the second one and its Organization Admin through JDBC. That admin gets the first
 * admin's password hash, so both sign in with the same password.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganizationIsolationIT {

    private static final String SHARED_INCIDENT_ID = "isolation-incident-" + UUID.randomUUID();
    private static final String ACROSS = "/api/v2/incidents/across-workspaces";

    private final WardenApi api = new WardenApi();
    private String secondOrganizationId;
    private String secondAdmin;
    private String firstWorkspace;
    private String secondWorkspace;
    private WardenApi.Credentials firstAccount;
    private WardenApi.Credentials secondAccount;

    @BeforeAll
    void createSecondOrganization() throws SQLException {
        secondOrganizationId = UUID.randomUUID().toString();
        String login = WardenApi.uniqueName("second-admin");
        try (Connection database = api.openDatabase()) {
            String passwordHash = adminPasswordHash(database);
            long now = System.currentTimeMillis();
            try (PreparedStatement organization = database.prepareStatement(
                    "INSERT INTO organization (id, name, created_at) VALUES (?, ?, ?)")) {
                organization.setString(1, secondOrganizationId);
                organization.setString(2, WardenApi.uniqueName("Second organization"));
                organization.setLong(3, now);
                organization.executeUpdate();
            }
            try (PreparedStatement user = database.prepareStatement("INSERT INTO portal_user (id, organization_id, "
                    + "login_name, active_login_name, display_name, email, role, password_hash, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                user.setString(1, UUID.randomUUID().toString());
                user.setString(2, secondOrganizationId);
                user.setString(3, login);
                user.setString(4, login);
                user.setString(5, "Second admin");
                user.setString(6, login + "@example.org");
                user.setString(7, "ORGANIZATION_ADMIN");
                user.setString(8, passwordHash);
                user.setLong(9, now);
                user.executeUpdate();
            }
        }
        secondAdmin = api.basic(login, api.adminPassword());

        firstWorkspace = api.createWorkspace("isolation-first");
        secondWorkspace = api.createWorkspace(api.as(secondAdmin), "isolation-second");
        importOne(api.adminAuthorization(), firstWorkspace, "First organization's incident");
        importOne(secondAdmin, secondWorkspace, "Second organization's incident");

        List<String> scopes = List.of("incidents:read", "org:service-accounts:manage");
        firstAccount = api.createServiceAccount(api.adminAuthorization(),
                WardenApi.serviceAccountBody(scopes, null).build());
        secondAccount = api.createServiceAccount(secondAdmin, WardenApi.serviceAccountBody(scopes, null).build());
    }

    private String adminPasswordHash(Connection database) throws SQLException {
        try (PreparedStatement query = database.prepareStatement(
                "SELECT password_hash FROM portal_user WHERE login_name = ?")) {
            query.setString(1, api.adminUser());
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "the admin '" + api.adminUser() + "' is not in portal_user");
                return row.getString(1);
            }
        }
    }

    private void importOne(String authorization, String workspaceId, String title) {
        JsonObject body = WardenApi.sentinelList(
                WardenApi.sentinelIncident(SHARED_INCIDENT_ID, title, "High", "New", "2024-06-01T08:00:00Z").build());
        Response imported = api.as(authorization).body(body.toString())
                .post("/api/workspaces/" + workspaceId + "/incidents/import");
        assertEquals(200, imported.statusCode(), imported.asString());
    }

    @Test
    void secondAdminBelongsToSecondOrganization() {
        Response me = api.as(secondAdmin).get("/api/v2/me");

        assertEquals(200, me.statusCode(), me.asString());
        assertEquals(secondOrganizationId, json(me).getString("organizationId"));
    }

    @Test
    void foreignUserIs404() {
        String firstAdminId = json(api.asAdmin().get("/api/v2/me")).getString("id");
        String path = "/api/v2/users/" + firstAdminId;

        Response profile = api.as(secondAdmin).get(path);
        Response renamed = api.as(secondAdmin).body("{\"displayName\": \"renamed\"}").patch(path);
        Response demoted = api.as(secondAdmin).body("{\"role\": \"READ_ONLY\"}").put(path + "/role");
        Response removed = api.as(secondAdmin).delete(path);

        assertEquals(404, profile.statusCode(), profile.asString());
        assertEquals(404, renamed.statusCode(), renamed.asString());
        assertEquals(404, demoted.statusCode(), demoted.asString());
        assertEquals(404, removed.statusCode(), removed.asString());
        assertEquals("ORGANIZATION_ADMIN", json(api.asAdmin().get(path)).getString("role"));
    }

    @Test
    void userListsStaySeparate() {
        String firstAdminId = json(api.asAdmin().get("/api/v2/me")).getString("id");
        String secondAdminId = json(api.as(secondAdmin).get("/api/v2/me")).getString("id");

        Response listed = api.as(secondAdmin).queryParam("pageSize", 500).get("/api/v2/users");

        assertEquals(200, listed.statusCode(), listed.asString());
        List<String> ids = json(listed).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(user -> user.getString("id")).toList();
        assertEquals(List.of(secondAdminId), ids);
        assertFalse(ids.contains(firstAdminId));
    }

    @Test
    void serviceAccountListsStaySeparate() {
        Set<String> listedToFirst = ids(api.asAdmin().get("/api/v2/service-accounts"));
        Set<String> listedToSecond = ids(api.as(secondAdmin).get("/api/v2/service-accounts"));
        Set<String> listedToSecondAccount = ids(api.as(secondAccount).get("/api/v2/service-accounts"));

        assertTrue(listedToFirst.contains(firstAccount.clientId()));
        assertFalse(listedToFirst.contains(secondAccount.clientId()));
        assertTrue(listedToSecond.contains(secondAccount.clientId()));
        assertFalse(listedToSecond.contains(firstAccount.clientId()));
        assertFalse(listedToSecondAccount.contains(firstAccount.clientId()));
    }

    @Test
    void secondAdminCannotTouchFirstAccount() {
        assertForeignAccountIs404(secondAdmin, firstAccount);
        assertForeignAccountIs404(secondAccount.authorization(), firstAccount);

        assertEquals(200, api.as(firstAccount).get("/api/v2/me").statusCode(), "the account must still work");
        Response account = api.asAdmin().get("/api/v2/service-accounts/" + firstAccount.clientId());
        assertEquals(200, account.statusCode(), account.asString());
        assertTrue(json(account).getBoolean("enabled"));
        assertFalse(json(account).getString("name").startsWith("renamed"), account.asString());
    }

    @Test
    void firstAdminCannotTouchSecondAccount() {
        assertForeignAccountIs404(api.adminAuthorization(), secondAccount);

        assertEquals(200, api.as(secondAccount).get("/api/v2/me").statusCode(), "the account must still work");
    }

    private void assertForeignAccountIs404(String authorization, WardenApi.Credentials target) {
        String path = "/api/v2/service-accounts/" + target.clientId();
        Map<String, Response> attempts = Map.of(
                "GET", api.as(authorization).get(path),
                "PATCH", api.as(authorization).body("{\"name\": \"renamed by another organization\"}").patch(path),
                "disable", api.as(authorization).post(path + "/disable"),
                "enable", api.as(authorization).post(path + "/enable"),
                "list credentials", api.as(authorization).get(path + "/credentials"),
                "issue credential", api.as(authorization).body("{\"scopes\": [\"incidents:read\"]}")
                        .post(path + "/credentials"),
                "revoke", api.as(authorization).post(path + "/credentials/" + target.credentialId() + "/revoke"),
                "DELETE", api.as(authorization).delete(path));
        attempts.forEach((action, response) ->
                assertEquals(404, response.statusCode(), action + ": " + response.asString()));
    }

    @Test
    void workspaceListsStaySeparate() {
        Set<String> portalFirst = ids(api.asAdmin().get("/api/workspaces"));
        Set<String> portalSecond = ids(api.as(secondAdmin).get("/api/workspaces"));
        Set<String> v2Second = ids(api.as(secondAdmin).get("/api/v2/workspaces"));
        Set<String> v2SecondAccount = ids(api.as(secondAccount).get("/api/v2/workspaces"));

        assertTrue(portalFirst.contains(firstWorkspace));
        assertFalse(portalFirst.contains(secondWorkspace));
        assertEquals(Set.of(secondWorkspace), portalSecond);
        assertEquals(Set.of(secondWorkspace), v2Second);
        assertEquals(Set.of(secondWorkspace), v2SecondAccount);
    }

    @Test
    void acrossWorkspacesStaysInOrganization() {
        List<JsonObject> secondAdminItems = items(api.as(secondAdmin).body("{\"isFirstCall\": true}").post(ACROSS));
        List<JsonObject> secondAccountItems = items(api.as(secondAccount).body("{\"isFirstCall\": true}").post(ACROSS));
        String filterOnFirst = Json.createObjectBuilder()
                .add("isFirstCall", true)
                .add("workspaceIds", Json.createArrayBuilder().add(firstWorkspace))
                .build().toString();
        List<JsonObject> filtered = items(api.as(secondAccount).body(filterOnFirst).post(ACROSS));

        assertEquals(Set.of(secondWorkspace), workspaceIds(secondAdminItems));
        assertEquals(Set.of(secondWorkspace), workspaceIds(secondAccountItems));
        assertEquals("Second organization's incident", secondAccountItems.get(0).getString("title"));
        assertEquals(List.of(), filtered);
    }

    @Test
    void foreignIncidentIs404() {
        String own = "/api/v2/workspaces/" + secondWorkspace + "/incidents/" + SHARED_INCIDENT_ID;
        String foreign = "/api/v2/workspaces/" + firstWorkspace + "/incidents/" + SHARED_INCIDENT_ID;

        Response ownIncident = api.as(secondAccount).get(own);
        assertEquals(200, ownIncident.statusCode(), "the route must work in the own organization: "
                + ownIncident.asString());

        assertEquals(404, api.as(secondAccount).get(foreign).statusCode());
        assertEquals(404, api.as(secondAdmin).get(foreign).statusCode());
    }

    @Test
    void importIntoForeignWorkspaceIs404() {
        JsonObject body = WardenApi.sentinelList(WardenApi.sentinelIncident(SHARED_INCIDENT_ID,
                "Overwritten by another organization", "Low", "Closed", "2024-06-01T08:00:00Z").build());

        Response imported = api.as(secondAdmin).body(body.toString())
                .post("/api/workspaces/" + firstWorkspace + "/incidents/import");

        assertEquals(404, imported.statusCode(), imported.asString());
        String filterOnFirst = Json.createObjectBuilder()
                .add("isFirstCall", true)
                .add("workspaceIds", Json.createArrayBuilder().add(firstWorkspace))
                .build().toString();
        List<JsonObject> firstItems = items(api.asAdmin().body(filterOnFirst).post(ACROSS));
        assertEquals(1, firstItems.size());
        assertEquals("First organization's incident", firstItems.get(0).getString("title"));
    }

    @Test
    void foreignWorkspaceCannotBeGranted() {
        JsonObject body = WardenApi.serviceAccountBody(List.of("incidents:read"), List.of(firstWorkspace)).build();

        Response created = api.as(secondAdmin).body(body.toString()).post("/api/v2/service-accounts");

        assertEquals(400, created.statusCode(), created.asString());
        assertEquals(List.of("workspaceAccess.workspaceIds"), errorFields(created));
    }

    private static Set<String> ids(Response list) {
        assertEquals(200, list.statusCode(), list.asString());
        return items(list).stream().map(item -> item.getString("id")).collect(Collectors.toSet());
    }

    private static List<JsonObject> items(Response list) {
        assertEquals(200, list.statusCode(), list.asString());
        return json(list).getJsonArray("items").getValuesAs(JsonObject.class);
    }

    private static Set<String> workspaceIds(List<JsonObject> incidents) {
        return incidents.stream().map(item -> item.getString("workspaceId")).collect(Collectors.toSet());
    }

    @Test
    void foreignWebhookIs404() {
        Response created = api.asAdmin().body("{\"name\": \"First organization's webhook\", \"url\": "
                + "\"http://127.0.0.1:9/hooks\", \"eventTypes\": [\"credential.revoked\"]}").post("/api/v2/webhooks");
        assertEquals(201, created.statusCode(), created.asString());
        api.rememberSecret(json(created).getString("signingSecret"));
        String path = "/api/v2/webhooks/" + json(created).getString("id");

        assertEquals(404, api.as(secondAdmin).get(path).statusCode());
        assertEquals(404, api.as(secondAdmin).body("{\"name\": \"taken\"}").patch(path).statusCode());
        assertEquals(404, api.as(secondAdmin).post(path + "/pause").statusCode());
        assertEquals(404, api.as(secondAdmin).delete(path).statusCode());
        Response foreignList = api.as(secondAdmin).get("/api/v2/webhooks");
        assertEquals(200, foreignList.statusCode(), foreignList.asString());
        assertFalse(foreignList.asString().contains(json(created).getString("id")), foreignList.asString());
        assertEquals("active", json(api.asAdmin().get(path)).getString("status"));
    }

    @AfterAll
    void serverLogsContainNoSecrets() throws IOException {
        api.assertNoSecretsInServerLogs();
    }
}
