package io.warden.it;

import static io.warden.it.WardenApi.assertProblem;
import static io.warden.it.WardenApi.errorFields;
import static io.warden.it.WardenApi.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Portal users through the v2 user API: adding, reading, changing and removing them, their roles'
 * scopes, the last-admin guard and the no-escalation rule.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserLifecycleIT {

    private static final String USERS = "/api/v2/users";
    private static final List<String> ANALYST_SCOPES = List.of("datasources:read", "gamebooks:read",
            "incidents:comments", "incidents:read", "incidents:write", "investigation:read", "org:users:read",
            "tickets:manage", "tickets:read");
    private static final List<String> READ_ONLY_SCOPES = List.of("datasources:read", "gamebooks:read",
            "incidents:read", "investigation:read", "org:service-accounts:read", "org:users:read", "tickets:read",
            "webhooks:read");

    private final WardenApi api = new WardenApi();
    private final String secondNode = System.getProperty("warden.it.node2.baseUrl");

    private static JsonObject newUser(String loginName, String role) {
        return Json.createObjectBuilder()
                .add("loginName", loginName)
                .add("displayName", "Ana Analyst")
                .add("email", "ana@example.com")
                .add("role", role)
                .build();
    }

    private static Set<String> scopesOf(Response me) {
        Set<String> scopes = new TreeSet<>();
        json(me).getJsonArray("scopes").getValuesAs(JsonString.class).forEach(name -> scopes.add(name.getString()));
        return scopes;
    }

    private String adminId() {
        return json(api.asAdmin().get("/api/v2/me")).getString("id");
    }

    private Response changeRole(String authorization, String userId, String role) {
        return api.as(authorization).body("{\"role\": \"" + role + "\"}").put(USERS + "/" + userId + "/role");
    }

    /** Returns the ids of every listed user, following the cursors with the given page size. */
    private List<String> listAll(String authorization, int pageSize) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = api.as(authorization).queryParam("pageSize", pageSize);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get(USERS);
            assertEquals(200, page.statusCode(), page.asString());
            JsonObject body = json(page);
            body.getJsonArray("items").getValuesAs(JsonObject.class).forEach(user -> ids.add(user.getString("id")));
            cursor = body.isNull("nextCursor") ? null : body.getString("nextCursor");
        } while (cursor != null);
        return ids;
    }

    @Test
    void addReturnsProfileAndPasswordOnce() {
        String loginName = WardenApi.uniqueName("ana") + "@example.com";

        Response created = api.asAdmin().body(newUser(loginName, "ANALYST").toString()).post(USERS);

        assertEquals(201, created.statusCode(), created.asString());
        JsonObject user = json(created);
        api.rememberSecret(user.getString("initialPassword"));
        assertEquals(loginName, user.getString("loginName"));
        assertEquals("Ana Analyst", user.getString("displayName"));
        assertEquals("ana@example.com", user.getString("email"));
        assertEquals("ANALYST", user.getString("role"));
        assertNotNull(user.getString("createdAt"));
        assertTrue(user.getString("initialPassword").length() >= 20, "initial password too short");
        assertTrue(created.header("Location").endsWith(USERS + "/" + user.getString("id")), created.header("Location"));

        Response read = api.asAdmin().get(USERS + "/" + user.getString("id"));
        assertEquals(200, read.statusCode(), read.asString());
        assertFalse(json(read).containsKey("initialPassword"), read.asString());
        assertFalse(read.asString().contains(user.getString("initialPassword")), "the password must not be readable");
        assertEquals(loginName, json(read).getString("loginName"));
    }

    @Test
    void addedUserSignsInWithRoleScopes() {
        WardenApi.PortalLogin analyst = api.addUser(WardenApi.uniqueName("analyst"), "ANALYST");
        WardenApi.PortalLogin reader = api.addUser(WardenApi.uniqueName("reader"), "READ_ONLY");

        Response analystMe = api.as(analyst.authorization()).get("/api/v2/me");
        Response readerMe = api.as(reader.authorization()).get("/api/v2/me");

        assertEquals(200, analystMe.statusCode(), analystMe.asString());
        assertEquals("ANALYST", json(analystMe).getString("role"));
        assertEquals(analyst.id(), json(analystMe).getString("id"));
        assertEquals(new TreeSet<>(ANALYST_SCOPES), scopesOf(analystMe));
        assertEquals(200, readerMe.statusCode(), readerMe.asString());
        assertEquals(new TreeSet<>(READ_ONLY_SCOPES), scopesOf(readerMe));
    }

    @Test
    void roleScopesEnforcedOnRoutes() {
        WardenApi.PortalLogin analyst = api.addUser(WardenApi.uniqueName("analyst"), "ANALYST");

        Response users = api.as(analyst.authorization()).get(USERS);
        Response accounts = api.as(analyst.authorization()).get("/api/v2/service-accounts");
        Response adding = api.as(analyst.authorization())
                .body(newUser(WardenApi.uniqueName("blocked"), "READ_ONLY").toString()).post(USERS);

        assertEquals(200, users.statusCode(), users.asString());
        assertProblem(accounts, 403, "Missing required scope: org:service-accounts:read");
        assertProblem(adding, 403, "Missing required scope: org:users:manage");
    }

    @Test
    void rolesListedWithScopes() {
        Response roles = api.asAdmin().get("/api/v2/roles");

        assertEquals(200, roles.statusCode(), roles.asString());
        List<JsonObject> items = json(roles).getJsonArray("roles").getValuesAs(JsonObject.class);
        assertEquals(List.of("ORGANIZATION_ADMIN", "ANALYST", "READ_ONLY"),
                items.stream().map(role -> role.getString("name")).toList());
        assertEquals(ANALYST_SCOPES.size(), items.get(1).getJsonArray("scopes").size());
        assertEquals(READ_ONLY_SCOPES.size(), items.get(2).getJsonArray("scopes").size());
        assertTrue(items.get(0).getJsonArray("scopes").size() > ANALYST_SCOPES.size());
    }

    @Test
    void listIsPagedByLoginName() {
        String prefix = WardenApi.uniqueName("paged");
        WardenApi.PortalLogin second = api.addUser(prefix + "-b", "READ_ONLY");
        WardenApi.PortalLogin first = api.addUser(prefix + "-a", "READ_ONLY");
        WardenApi.Credentials account = api.createServiceAccount(List.of("org:users:read"), List.of());

        List<String> paged = listAll(account.authorization(), 2);
        List<String> whole = listAll(account.authorization(), 500);

        assertEquals(whole, paged);
        assertEquals(new TreeSet<>(whole).size(), whole.size(), "a user appears twice");
        assertTrue(paged.indexOf(first.id()) >= 0, "the new user is missing");
        assertEquals(paged.indexOf(first.id()) + 1, paged.indexOf(second.id()));
        assertTrue(paged.contains(adminId()));
        assertFalse(paged.contains(account.clientId()), "service accounts must not be listed as users");
    }

    @Test
    void invalidPageSizeRejected() {
        Response zero = api.asAdmin().queryParam("pageSize", 0).get(USERS);
        Response tooLarge = api.asAdmin().queryParam("pageSize", 501).get(USERS);

        assertEquals(400, zero.statusCode(), zero.asString());
        assertEquals(400, tooLarge.statusCode(), tooLarge.asString());
    }

    @Test
    void serviceAccountIdIsNoUser() {
        WardenApi.Credentials account = api.createServiceAccount(List.of("org:users:read"), List.of());

        Response response = api.asAdmin().get(USERS + "/" + account.clientId());

        assertEquals(404, response.statusCode(), response.asString());
    }

    @Test
    void invalidUserRejected() {
        JsonObject body = Json.createObjectBuilder()
                .add("loginName", "0b9f1f5e-7d3c-4c1a-9a53-2f4b1f0d8e11")
                .add("displayName", "")
                .add("email", "not-an-email")
                .add("role", "SUPERUSER")
                .build();

        Response response = api.asAdmin().body(body.toString()).post(USERS);

        assertEquals(400, response.statusCode(), response.asString());
        assertEquals(List.of("loginName", "displayName", "email", "role"), errorFields(response));
    }

    @Test
    void duplicateLoginNameConflicts() {
        String loginName = WardenApi.uniqueName("twice");
        api.addUser(loginName, "READ_ONLY");

        Response again = api.asAdmin().body(newUser(loginName, "READ_ONLY").toString()).post(USERS);

        assertEquals(409, again.statusCode(), again.asString());
        assertEquals(List.of("loginName"), errorFields(again));
    }

    @Test
    void patchChangesProfile() {
        WardenApi.PortalLogin user = api.addUser(WardenApi.uniqueName("patched"), "READ_ONLY");
        String path = USERS + "/" + user.id();

        Response renamed = api.asAdmin().body("{\"displayName\": \"Bo Renamed\", \"email\": \"bo@example.com\"}")
                .patch(path);
        Response cleared = api.asAdmin().body("{\"email\": null}").patch(path);
        Response roleByPatch = api.asAdmin().body("{\"role\": \"ORGANIZATION_ADMIN\"}").patch(path);

        assertEquals(200, renamed.statusCode(), renamed.asString());
        assertEquals("Bo Renamed", json(renamed).getString("displayName"));
        assertEquals("bo@example.com", json(renamed).getString("email"));
        assertEquals(200, cleared.statusCode(), cleared.asString());
        assertTrue(json(cleared).isNull("email"), cleared.asString());
        assertEquals("Bo Renamed", json(cleared).getString("displayName"));
        assertEquals(400, roleByPatch.statusCode(), roleByPatch.asString());
        assertEquals("READ_ONLY", json(api.asAdmin().get(path)).getString("role"));
    }

    @Test
    void lastAdminCannotBeDemotedOrRemoved() {
        String adminId = adminId();

        Response demoted = changeRole(api.adminAuthorization(), adminId, "READ_ONLY");
        Response removed = api.asAdmin().delete(USERS + "/" + adminId);

        assertEquals(409, demoted.statusCode(), demoted.asString());
        assertEquals(WardenApi.PROBLEM_JSON, demoted.contentType().split(";")[0]);
        assertEquals(409, removed.statusCode(), removed.asString());
        assertEquals(WardenApi.PROBLEM_JSON, removed.contentType().split(";")[0]);
        Response me = api.asAdmin().get("/api/v2/me");
        assertEquals(200, me.statusCode(), me.asString());
        assertEquals("ORGANIZATION_ADMIN", json(me).getString("role"));
    }

    @Test
    void secondAdminCanBeDemotedAndRemoved() {
        WardenApi.PortalLogin demotedAdmin = api.addUser(WardenApi.uniqueName("admin-demoted"), "ORGANIZATION_ADMIN");
        WardenApi.PortalLogin removedAdmin = api.addUser(WardenApi.uniqueName("admin-removed"), "ORGANIZATION_ADMIN");

        Response demoted = changeRole(api.adminAuthorization(), demotedAdmin.id(), "ANALYST");
        Response removed = api.asAdmin().delete(USERS + "/" + removedAdmin.id());

        assertEquals(200, demoted.statusCode(), demoted.asString());
        assertEquals("ANALYST", json(demoted).getString("role"));
        assertEquals(204, removed.statusCode(), removed.asString());
    }

    @Test
    void demotionAppliesToNextRequest() {
        WardenApi.PortalLogin user = api.addUser(WardenApi.uniqueName("demoted"), "ANALYST");
        Response before = api.as(user.authorization()).get("/api/v2/me");
        assertTrue(scopesOf(before).contains("incidents:write"), before.asString());

        Response changed = changeRole(api.adminAuthorization(), user.id(), "READ_ONLY");
        Response after = api.as(user.authorization()).get("/api/v2/me");

        assertEquals(200, changed.statusCode(), changed.asString());
        assertEquals("READ_ONLY", json(changed).getString("role"));
        assertEquals(200, after.statusCode(), after.asString());
        assertEquals("READ_ONLY", json(after).getString("role"));
        assertEquals(new TreeSet<>(READ_ONLY_SCOPES), scopesOf(after));
    }

    @Test
    void changesApplyOnSecondNode() {
        WardenApi.PortalLogin user = api.addUser(WardenApi.uniqueName("two-nodes"), "ANALYST");
        Response before = RestAssured.given().baseUri(secondNode)
                .header(WardenApi.AUTHORIZATION, user.authorization()).get("/api/v2/me");
        assertEquals(200, before.statusCode(), before.asString());
        assertEquals("ANALYST", json(before).getString("role"));

        assertEquals(200, changeRole(api.adminAuthorization(), user.id(), "READ_ONLY").statusCode());
        Response demoted = RestAssured.given().baseUri(secondNode)
                .header(WardenApi.AUTHORIZATION, user.authorization()).get("/api/v2/me");
        assertEquals(204, api.asAdmin().delete(USERS + "/" + user.id()).statusCode());
        Response removed = RestAssured.given().baseUri(secondNode)
                .header(WardenApi.AUTHORIZATION, user.authorization()).get("/api/v2/me");

        assertEquals(200, demoted.statusCode(), demoted.asString());
        assertEquals(new TreeSet<>(READ_ONLY_SCOPES), scopesOf(demoted));
        assertEquals(401, removed.statusCode(), removed.asString());
    }

    @Test
    void removedUserGets401() {
        WardenApi.PortalLogin user = api.addUser(WardenApi.uniqueName("removed"), "READ_ONLY");
        assertEquals(200, api.as(user.authorization()).get("/api/v2/me").statusCode());

        Response removed = api.asAdmin().delete(USERS + "/" + user.id());
        Response signIn = api.as(user.authorization()).get("/api/v2/me");

        assertEquals(204, removed.statusCode(), removed.asString());
        assertEquals(401, signIn.statusCode(), signIn.asString());
        assertEquals(WardenApi.CHALLENGE, signIn.header("WWW-Authenticate"));
        assertEquals(404, api.asAdmin().get(USERS + "/" + user.id()).statusCode());
        assertEquals(404, api.asAdmin().delete(USERS + "/" + user.id()).statusCode());
        assertFalse(listAll(api.adminAuthorization(), 500).contains(user.id()), "a removed user is still listed");
    }

    @Test
    void removedLoginNameCanBeReused() {
        WardenApi.PortalLogin removed = api.addUser(WardenApi.uniqueName("reused"), "READ_ONLY");
        assertEquals(204, api.asAdmin().delete(USERS + "/" + removed.id()).statusCode());

        Response again = api.asAdmin().body(newUser(removed.loginName(), "ANALYST").toString()).post(USERS);

        assertEquals(201, again.statusCode(), again.asString());
        String newId = json(again).getString("id");
        assertNotEquals(removed.id(), newId);
        assertEquals(404, api.asAdmin().get(USERS + "/" + removed.id()).statusCode());
        assertEquals(401, api.as(removed.authorization()).get("/api/v2/me").statusCode());
        String password = json(again).getString("initialPassword");
        api.rememberSecret(password);
        Response me = api.as(api.basic(removed.loginName(), password)).get("/api/v2/me");
        assertEquals(200, me.statusCode(), me.asString());
        assertEquals(newId, json(me).getString("id"));
        Response duplicate = api.asAdmin().body(newUser(removed.loginName(), "READ_ONLY").toString()).post(USERS);
        assertEquals(409, duplicate.statusCode(), duplicate.asString());
    }

    private Response changeOwnPassword(WardenApi.PortalLogin user, String current, String next) {
        String body = Json.createObjectBuilder().add("currentPassword", current).add("newPassword", next).build()
                .toString();
        return api.as(user.authorization()).body(body).put("/api/v2/me/password");
    }

    @Test
    void ownPasswordChangeAppliesAtOnce() {
        WardenApi.PortalLogin user = api.addUser(WardenApi.uniqueName("password"), "READ_ONLY");
        String newPassword = "changed-" + UUID.randomUUID();
        api.rememberSecret(newPassword);

        Response changed = changeOwnPassword(user, user.password(), newPassword);

        assertEquals(204, changed.statusCode(), changed.asString());
        assertEquals(401, api.as(user.authorization()).get("/api/v2/me").statusCode());
        Response me = api.as(api.basic(user.loginName(), newPassword)).get("/api/v2/me");
        assertEquals(200, me.statusCode(), me.asString());
        Response audit = api.asAdmin().get("/api/v2/audit-events?eventType=user.password_changed");
        assertEquals(200, audit.statusCode(), audit.asString());
        assertTrue(audit.asString().contains(user.id()), audit.asString());
        assertFalse(audit.asString().contains(newPassword), "the audit trail contains the password");
    }

    @Test
    void wrongCurrentPasswordRejected() {
        WardenApi.PortalLogin user = api.addUser(WardenApi.uniqueName("password-wrong"), "READ_ONLY");

        Response rejected = changeOwnPassword(user, "not-the-password", "a-valid-new-password");

        assertEquals(400, rejected.statusCode(), rejected.asString());
        assertEquals(List.of("currentPassword"), errorFields(rejected));
        assertEquals(200, api.as(user.authorization()).get("/api/v2/me").statusCode());
    }

    @Test
    void weakNewPasswordRejected() {
        WardenApi.PortalLogin user = api.addUser(WardenApi.uniqueName("password-weak"), "READ_ONLY");

        Response tooShort = changeOwnPassword(user, user.password(), "short");
        Response unchanged = changeOwnPassword(user, user.password(), user.password());

        assertEquals(400, tooShort.statusCode(), tooShort.asString());
        assertEquals(List.of("newPassword"), errorFields(tooShort));
        assertEquals(400, unchanged.statusCode(), unchanged.asString());
        assertEquals(List.of("newPassword"), errorFields(unchanged));
        assertEquals(200, api.as(user.authorization()).get("/api/v2/me").statusCode());
    }

    @Test
    void serviceAccountHasNoPassword() {
        WardenApi.Credentials account = api.createServiceAccount(List.of("incidents:read"), null);
        String body = "{\"currentPassword\": \"not-a-password\", \"newPassword\": \"a-valid-new-password\"}";

        Response rejected = api.as(account).body(body).put("/api/v2/me/password");

        assertProblem(rejected, 403, "Only portal users have a password; service accounts issue a new credential "
                + "instead.");
    }

    @Test
    void adminResetReplacesPassword() {
        WardenApi.PortalLogin user = api.addUser(WardenApi.uniqueName("reset"), "ANALYST");

        Response reset = api.adminPost(USERS + "/" + user.id() + "/password-reset");

        assertEquals(200, reset.statusCode(), reset.asString());
        String initialPassword = json(reset).getString("initialPassword");
        api.rememberSecret(initialPassword);
        assertEquals(user.id(), json(reset).getString("userId"));
        assertEquals(401, api.as(user.authorization()).get("/api/v2/me").statusCode());
        assertEquals(200, api.as(api.basic(user.loginName(), initialPassword)).get("/api/v2/me").statusCode());
        Response audit = api.asAdmin().get("/api/v2/audit-events?eventType=user.password_reset");
        assertTrue(audit.asString().contains(user.id()), audit.asString());
        assertFalse(audit.asString().contains(initialPassword), "the audit trail contains the password");
    }

    @Test
    void managerCannotResetAdminPassword() {
        List<String> scopes = new ArrayList<>(READ_ONLY_SCOPES);
        scopes.add("org:users:manage");
        WardenApi.Credentials manager = api.createServiceAccount(scopes, null);
        String adminId = json(api.asAdmin().get("/api/v2/me")).getString("id");

        Response reset = api.as(manager).post(USERS + "/" + adminId + "/password-reset");

        assertEquals(403, reset.statusCode(), reset.asString());
        assertEquals(200, api.asAdmin().get("/api/v2/me").statusCode());
    }

    private static JsonObject onlyWorkspaces(String... workspaceIds) {
        return Json.createObjectBuilder().add("workspaceIds", Json.createArrayBuilder(List.of(workspaceIds))).build();
    }

    @Test
    void workspaceAccessLimitsUser() {
        String visible = api.createWorkspace("user-visible");
        String hidden = api.createWorkspace("user-hidden");
        JsonObject body = Json.createObjectBuilder(newUser(WardenApi.uniqueName("limited"), "ANALYST"))
                .add("workspaceAccess", onlyWorkspaces(visible))
                .build();
        Response created = api.asAdmin().body(body.toString()).post(USERS);
        assertEquals(201, created.statusCode(), created.asString());
        WardenApi.PortalLogin user = api.portalLoginOf(json(created));

        Response listed = api.as(user.authorization()).get("/api/v2/workspaces");
        Response hiddenIncidents = api.as(user.authorization()).get("/api/v2/workspaces/" + hidden + "/gamebooks");
        Response widened = api.asAdmin().body("{\"workspaceAccess\": {\"allWorkspaces\": true}}")
                .patch(USERS + "/" + user.id());
        Response afterWidening = api.as(user.authorization()).get("/api/v2/workspaces/" + hidden + "/gamebooks");

        assertEquals(List.of(visible), json(created).getJsonObject("workspaceAccess").getJsonArray("workspaceIds")
                .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
        assertEquals(200, listed.statusCode(), listed.asString());
        assertTrue(listed.asString().contains(visible), listed.asString());
        assertFalse(listed.asString().contains(hidden), listed.asString());
        assertEquals(404, hiddenIncidents.statusCode(), hiddenIncidents.asString());
        assertEquals(200, widened.statusCode(), widened.asString());
        assertTrue(json(widened).getJsonObject("workspaceAccess").getBoolean("allWorkspaces"), widened.asString());
        assertEquals(200, afterWidening.statusCode(), afterWidening.asString());
    }

    @Test
    void unknownWorkspaceAccessRejected() {
        JsonObject body = Json.createObjectBuilder(newUser(WardenApi.uniqueName("unknown-access"), "READ_ONLY"))
                .add("workspaceAccess", onlyWorkspaces("no-such-workspace"))
                .build();

        Response rejected = api.asAdmin().body(body.toString()).post(USERS);

        assertEquals(400, rejected.statusCode(), rejected.asString());
        assertEquals(List.of("workspaceAccess.workspaceIds"), errorFields(rejected));
    }

    @Test
    void restrictedManagerGrantsOnlyOwnWorkspaces() {
        String own = api.createWorkspace("manager-own");
        String other = api.createWorkspace("manager-other");
        List<String> scopes = new ArrayList<>(READ_ONLY_SCOPES);
        scopes.add("org:users:manage");
        WardenApi.Credentials manager = api.createServiceAccount(scopes, List.of(own));
        WardenApi.PortalLogin everywhere = api.addUser(WardenApi.uniqueName("everywhere"), "READ_ONLY");

        Response implicitAll = api.as(manager).body(newUser(WardenApi.uniqueName("implicit-all"), "READ_ONLY")
                .toString()).post(USERS);
        Response otherWorkspace = api.as(manager).body(Json.createObjectBuilder(
                newUser(WardenApi.uniqueName("other"), "READ_ONLY")).add("workspaceAccess", onlyWorkspaces(other))
                .build().toString()).post(USERS);
        Response ownWorkspace = api.as(manager).body(Json.createObjectBuilder(
                newUser(WardenApi.uniqueName("own"), "READ_ONLY")).add("workspaceAccess", onlyWorkspaces(own))
                .build().toString()).post(USERS);
        Response removeEverywhere = api.as(manager).delete(USERS + "/" + everywhere.id());

        assertEquals(403, implicitAll.statusCode(), implicitAll.asString());
        assertEquals(400, otherWorkspace.statusCode(), otherWorkspace.asString());
        assertEquals(201, ownWorkspace.statusCode(), ownWorkspace.asString());
        api.rememberSecret(json(ownWorkspace).getString("initialPassword"));
        assertEquals(403, removeEverywhere.statusCode(), removeEverywhere.asString());
    }

    @Test
    void managerCannotCreateAdmin() {
        List<String> scopes = new ArrayList<>(READ_ONLY_SCOPES);
        scopes.add("org:users:manage");
        scopes.add("org:users:roles");
        WardenApi.Credentials manager = api.createServiceAccount(scopes, null);

        Response admin = api.as(manager).body(newUser(WardenApi.uniqueName("escalated"), "ORGANIZATION_ADMIN")
                .toString()).post(USERS);
        Response reader = api.as(manager).body(newUser(WardenApi.uniqueName("reader"), "READ_ONLY")
                .toString()).post(USERS);

        assertEquals(403, admin.statusCode(), admin.asString());
        assertEquals(List.of("role"), errorFields(admin));
        assertEquals(201, reader.statusCode(), reader.asString());
        api.portalLoginOf(json(reader));
    }

    @Test
    void managerCannotPromoteToAdmin() {
        List<String> scopes = new ArrayList<>(READ_ONLY_SCOPES);
        scopes.add("org:users:roles");
        WardenApi.Credentials manager = api.createServiceAccount(scopes, null);
        WardenApi.PortalLogin user = api.addUser(WardenApi.uniqueName("promoted"), "READ_ONLY");
        WardenApi.PortalLogin admin = api.addUser(WardenApi.uniqueName("admin-kept"), "ORGANIZATION_ADMIN");

        Response promoted = changeRole(manager.authorization(), user.id(), "ORGANIZATION_ADMIN");
        Response demoted = changeRole(manager.authorization(), admin.id(), "READ_ONLY");

        assertEquals(403, promoted.statusCode(), promoted.asString());
        assertEquals(403, demoted.statusCode(), demoted.asString());
        assertEquals("READ_ONLY", json(api.asAdmin().get(USERS + "/" + user.id())).getString("role"));
        assertEquals(204, api.asAdmin().delete(USERS + "/" + admin.id()).statusCode(), "cleanup of the extra admin");
    }

    @Test
    void changesAreAudited() {
        WardenApi.PortalLogin user = api.addUser(WardenApi.uniqueName("audited"), "READ_ONLY");
        changeRole(api.adminAuthorization(), user.id(), "ANALYST");
        api.asAdmin().body("{\"displayName\": \"Audited\"}").patch(USERS + "/" + user.id());
        api.asAdmin().delete(USERS + "/" + user.id());

        List<String> types = new ArrayList<>();
        for (String type : List.of("user.added", "user.role_changed", "user.updated", "user.removed")) {
            Response events = api.asAdmin().queryParam("eventType", type).queryParam("actor", "user:" + adminId())
                    .queryParam("pageSize", 500).get("/api/v2/audit-events");
            assertEquals(200, events.statusCode(), events.asString());
            json(events).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                    .filter(event -> user.id().equals(event.getJsonObject("details").getString("userId", null)))
                    .forEach(event -> types.add(event.getString("eventType")));
        }

        assertEquals(List.of("user.added", "user.role_changed", "user.updated", "user.removed"), types);
    }

    @AfterAll
    void serverLogsContainNoSecrets() throws IOException {
        api.assertNoSecretsInServerLogs();
    }
}
