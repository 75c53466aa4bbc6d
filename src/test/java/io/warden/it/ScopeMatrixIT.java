package io.warden.it;

import static io.warden.it.WardenApi.assertProblem;
import static io.warden.it.WardenApi.json;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.restassured.http.Method;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;

/**
 * The authorization of every v2 operation that the OpenAPI document lists: without credentials
 * 401, with a credential that lacks the required scope 403 naming the scope, and with the scope
 * the operation's success status on real ids. An operation that the document lists but the table
 * below does not fails the run, so a new endpoint cannot go untested.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopeMatrixIT {

    /** Marks an operation open to every authenticated caller, whatever its scopes. */
    private static final String ANY_CALLER = "any authenticated caller";

    private static final String READ_ACCOUNTS = "org:service-accounts:read";
    private static final String MANAGE_ACCOUNTS = "org:service-accounts:manage";
    private static final String READ_INCIDENTS = "incidents:read";
    private static final String WRITE_INCIDENTS = "incidents:write";
    private static final String INCIDENT_COMMENTS = "incidents:comments";
    private static final String INCIDENT = "/api/v2/workspaces/{workspaceId}/incidents/{incidentId}";
    private static final String READ_TICKETS = "tickets:read";
    private static final String MANAGE_TICKETS = "tickets:manage";
    private static final String READ_INVESTIGATION = "investigation:read";
    private static final String READ_WEBHOOKS = "webhooks:read";
    private static final String MANAGE_WEBHOOKS = "webhooks:manage";
    private static final String WEBHOOK = "/api/v2/webhooks/{webhookId}";
    /** A valid creation body; 127.0.0.1 is in WARDEN_WEBHOOK_ALLOWED_HOSTS of the test servers. */
    private static final String WEBHOOK_BODY = "{\"name\": \"Scope matrix webhook\", "
            + "\"url\": \"http://127.0.0.1:9/scope-matrix\", \"eventTypes\": [\"credential.revoked\"]}";
    private static final String READ_GAMEBOOKS = "gamebooks:read";
    private static final String READ_USERS = "org:users:read";
    private static final String MANAGE_USERS = "org:users:manage";
    private static final String USER_ROLES = "org:users:roles";
    private static final String USER = "/api/v2/users/{userId}";

    /**
     * The scopes of the Read-only and Analyst roles. A caller changes only users whose role scopes it
     * has and assigns only such roles, so the callers of user-management cases that must succeed
     * have these scopes too.
     */
    private static final List<String> USER_ROLE_SCOPES = List.of("incidents:read", "incidents:write",
            "incidents:comments", "gamebooks:read", "datasources:read", "tickets:read", "tickets:manage",
            "investigation:read", "webhooks:read", "org:users:read", "org:service-accounts:read");

    /**
     * An entry of the table: the scope required, the success status, the request body and the
     * further scopes that the succeeding caller has besides the required one.
     */
    private record Rule(String scope, int successStatus, Function<Target, String> body, List<String> alsoHeld) {

        Rule(String scope, int successStatus, Function<Target, String> body) {
            this(scope, successStatus, body, List.of());
        }
    }

    /** Real ids for the path parameters, made fresh for each request. */
    private record Target(String workspaceId, String incidentId, String ticketId, String gamebookId,
            String serviceAccountId, String credentialId, String commentId, String userId, String webhookId) {
    }

    private static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry("GET /api/v2/me", new Rule(ANY_CALLER, 200, null)),
            Map.entry("GET /api/v2/scopes", new Rule(ANY_CALLER, 200, null)),
            Map.entry("GET /api/v2/workspaces", new Rule(ANY_CALLER, 200, null)),
            Map.entry("POST /api/v2/incidents/across-workspaces",
                    new Rule(READ_INCIDENTS, 200, target -> "{\"isFirstCall\": true}")),
            Map.entry("GET /api/v2/workspaces/{workspaceId}/incidents/{incidentId}",
                    new Rule(READ_INCIDENTS, 200, null)),
            Map.entry("PATCH " + INCIDENT, new Rule(WRITE_INCIDENTS, 200, target -> "{\"status\": \"Active\"}")),
            Map.entry("PUT " + INCIDENT + "/owner", new Rule(WRITE_INCIDENTS, 200, target -> "{\"userId\": null}")),
            Map.entry("POST /api/v2/incidents/bulk-update", new Rule(WRITE_INCIDENTS, 200, target ->
                    "{\"items\": [{\"workspaceId\": \"" + target.workspaceId() + "\", \"incidentId\": \""
                            + target.incidentId() + "\", \"status\": \"Active\"}]}")),
            Map.entry("GET " + INCIDENT + "/entities", new Rule(READ_INCIDENTS, 200, null)),
            Map.entry("GET " + INCIDENT + "/alert-rules", new Rule(READ_INCIDENTS, 200, null)),
            Map.entry("GET " + INCIDENT + "/evidence", new Rule(READ_INCIDENTS, 200, null)),
            Map.entry("GET " + INCIDENT + "/history", new Rule(READ_INCIDENTS, 200, null)),
            Map.entry("GET " + INCIDENT + "/comments", new Rule(READ_INCIDENTS, 200, null)),
            Map.entry("POST " + INCIDENT + "/comments",
                    new Rule(INCIDENT_COMMENTS, 201, target -> "{\"message\": \"Written by the scope matrix\"}")),
            Map.entry("PATCH " + INCIDENT + "/comments/{commentId}",
                    new Rule(INCIDENT_COMMENTS, 200, target -> "{\"message\": \"Edited by the scope matrix\"}")),
            Map.entry("DELETE " + INCIDENT + "/comments/{commentId}", new Rule(INCIDENT_COMMENTS, 204, null)),
            Map.entry("GET /api/v2/workspaces/{workspaceId}/tickets", new Rule(READ_TICKETS, 200, null)),
            Map.entry("POST /api/v2/tickets/across-workspaces",
                    new Rule(READ_TICKETS, 200, target -> "{\"isFirstCall\": true}")),
            Map.entry("PUT /api/v2/workspaces/{workspaceId}/tickets/{ticketId}/links/{incidentId}",
                    new Rule(MANAGE_TICKETS, 204, null)),
            Map.entry("DELETE /api/v2/workspaces/{workspaceId}/tickets/{ticketId}/links/{incidentId}",
                    new Rule(MANAGE_TICKETS, 204, null)),
            Map.entry("GET /api/v2/workspaces/{workspaceId}/sign-in-logs", new Rule(READ_INVESTIGATION, 200, null)),
            Map.entry("GET /api/v2/workspaces/{workspaceId}/directory-logs",
                    new Rule(READ_INVESTIGATION, 200, null)),
            Map.entry("GET /api/v2/workspaces/{workspaceId}/gamebooks", new Rule(READ_GAMEBOOKS, 200, null)),
            Map.entry("GET /api/v2/workspaces/{workspaceId}/gamebooks/{gamebookId}/runs",
                    new Rule(READ_GAMEBOOKS, 200, null)),
            Map.entry("GET /api/v2/workspaces/{workspaceId}/incidents/{incidentId}/gamebooks",
                    new Rule(READ_GAMEBOOKS, 200, null)),
            Map.entry("GET /api/v2/workspaces/{workspaceId}/data-sources",
                    new Rule("datasources:read", 200, null)),
            Map.entry("GET /api/v2/service-accounts", new Rule(READ_ACCOUNTS, 200, null)),
            Map.entry("POST /api/v2/service-accounts", new Rule(MANAGE_ACCOUNTS, 201, target ->
                    WardenApi.serviceAccountBody(List.of(READ_ACCOUNTS), List.of()).build().toString())),
            Map.entry("GET /api/v2/service-accounts/{serviceAccountId}", new Rule(READ_ACCOUNTS, 200, null)),
            Map.entry("PATCH /api/v2/service-accounts/{serviceAccountId}",
                    new Rule(MANAGE_ACCOUNTS, 200, target -> "{\"description\": \"Patched by the scope matrix\"}")),
            Map.entry("DELETE /api/v2/service-accounts/{serviceAccountId}", new Rule(MANAGE_ACCOUNTS, 204, null)),
            Map.entry("POST /api/v2/service-accounts/{serviceAccountId}/disable", new Rule(MANAGE_ACCOUNTS, 200, null)),
            Map.entry("POST /api/v2/service-accounts/{serviceAccountId}/enable", new Rule(MANAGE_ACCOUNTS, 200, null)),
            Map.entry("GET /api/v2/service-accounts/{serviceAccountId}/credentials",
                    new Rule(READ_ACCOUNTS, 200, null)),
            Map.entry("POST /api/v2/service-accounts/{serviceAccountId}/credentials",
                    new Rule(MANAGE_ACCOUNTS, 201, target -> "{\"scopes\": [\"" + READ_ACCOUNTS + "\"]}")),
            Map.entry("POST /api/v2/service-accounts/{serviceAccountId}/credentials/{credentialId}/revoke",
                    new Rule(MANAGE_ACCOUNTS, 200, null)),
            Map.entry("GET /api/v2/service-accounts/{serviceAccountId}/request-logs",
                    new Rule(READ_ACCOUNTS, 200, null)),
            Map.entry("GET /api/v2/service-accounts/{serviceAccountId}/audit-events",
                    new Rule(READ_ACCOUNTS, 200, null)),
            Map.entry("GET /api/v2/audit-events", new Rule(READ_ACCOUNTS, 200, null)),
            Map.entry("GET /api/v2/roles", new Rule(ANY_CALLER, 200, null)),
            Map.entry("GET /api/v2/users", new Rule(READ_USERS, 200, null)),
            Map.entry("GET " + USER, new Rule(READ_USERS, 200, null)),
            Map.entry("POST /api/v2/users", new Rule(MANAGE_USERS, 201, target -> "{\"loginName\": \""
                    + WardenApi.uniqueName("matrix-user") + "\", \"displayName\": \"Matrix user\", "
                    + "\"role\": \"READ_ONLY\"}", USER_ROLE_SCOPES)),
            Map.entry("PATCH " + USER, new Rule(MANAGE_USERS, 200,
                    target -> "{\"displayName\": \"Patched by the scope matrix\"}", USER_ROLE_SCOPES)),
            Map.entry("DELETE " + USER, new Rule(MANAGE_USERS, 204, null, USER_ROLE_SCOPES)),
            Map.entry("POST " + USER + "/password-reset", new Rule(MANAGE_USERS, 200, null, USER_ROLE_SCOPES)),
            // The matrix calls as service accounts, which have no password, so this route returns 403
            // to every one of them. UserLifecycleIT changes the password of portal users.
            Map.entry("PUT /api/v2/me/password", new Rule(ANY_CALLER, 403,
                    target -> "{\"currentPassword\": \"not-a-password\", \"newPassword\": \"matrix-password-1\"}")),
            Map.entry("GET /api/v2/webhooks", new Rule(READ_WEBHOOKS, 200, null)),
            Map.entry("POST /api/v2/webhooks", new Rule(MANAGE_WEBHOOKS, 201, target -> WEBHOOK_BODY)),
            Map.entry("GET " + WEBHOOK, new Rule(READ_WEBHOOKS, 200, null)),
            Map.entry("PATCH " + WEBHOOK, new Rule(MANAGE_WEBHOOKS, 200, target -> "{\"name\": \"Patched webhook\"}")),
            Map.entry("DELETE " + WEBHOOK, new Rule(MANAGE_WEBHOOKS, 204, null)),
            Map.entry("POST " + WEBHOOK + "/pause", new Rule(MANAGE_WEBHOOKS, 200, null)),
            Map.entry("POST " + WEBHOOK + "/resume", new Rule(MANAGE_WEBHOOKS, 200, null)),
            Map.entry("GET " + WEBHOOK + "/deliveries", new Rule(READ_WEBHOOKS, 200, null)),
            Map.entry("POST " + WEBHOOK + "/test", new Rule(MANAGE_WEBHOOKS, 200, null)),
            Map.entry("PUT " + USER + "/role",
                    new Rule(USER_ROLES, 200, target -> "{\"role\": \"ANALYST\"}", USER_ROLE_SCOPES)));

    private final WardenApi api = new WardenApi();
    private final Map<String, WardenApi.Credentials> callersByScopes = new HashMap<>();
    private Map<String, Set<String>> impliedByScope;
    private Map<String, JsonObject> documentedOperations;
    private String workspaceId;
    private String incidentId;
    private String ticketId;
    private String gamebookId;

    @BeforeAll
    void readDocumentAndPrepareData() {
        Response document = api.anonymous().accept("application/json").get("/openapi");
        assertEquals(200, document.statusCode(), document.asString());
        documentedOperations = v2Operations(json(document));

        Response catalog = api.asAdmin().get("/api/v2/scopes");
        assertEquals(200, catalog.statusCode(), catalog.asString());
        impliedByScope = new LinkedHashMap<>();
        for (JsonObject scope : json(catalog).getJsonArray("scopes").getValuesAs(JsonObject.class)) {
            Set<String> implied = new TreeSet<>();
            scope.getJsonArray("implies").getValuesAs(JsonString.class).forEach(name -> implied.add(name.getString()));
            impliedByScope.put(scope.getString("name"), implied);
        }

        workspaceId = api.createWorkspace("scope-matrix");
        incidentId = "scope-matrix-incident";
        api.importIncidentsOrFail(workspaceId, WardenApi.sentinelIncident(incidentId, "Scope matrix incident", "Low",
                "New", "2024-02-01T10:00:00Z").build());
        ticketId = "scope-matrix-ticket";
        Response tickets = api.asAdmin().body(TicketIT.result(TicketIT.ticket(ticketId, "INC0000001",
                "Scope matrix ticket", "1", "2024-02-01 10:00:00"))).post("/api/workspaces/" + workspaceId
                + "/tickets/import");
        assertEquals(200, tickets.statusCode(), tickets.asString());
        gamebookId = "scope-matrix-gamebook";
        Response gamebooks = api.asAdmin().body(GamebookDataSourceIT.gamebooks(GamebookDataSourceIT.gamebook(
                gamebookId, "Scope matrix Gamebook"))).post("/api/workspaces/" + workspaceId + "/gamebooks/import");
        assertEquals(200, gamebooks.statusCode(), gamebooks.asString());
    }

    /** Returns every operation under /api/v2/ keyed like {@code "GET /api/v2/me"}. */
    private static Map<String, JsonObject> v2Operations(JsonObject document) {
        Map<String, JsonObject> operations = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> path : document.getJsonObject("paths").entrySet()) {
            if (!path.getKey().startsWith("/api/v2/")) {
                continue;
            }
            for (Map.Entry<String, JsonValue> operation : path.getValue().asJsonObject().entrySet()) {
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                if (Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS").contains(method)) {
                    operations.put(method + " " + path.getKey(), operation.getValue().asJsonObject());
                }
            }
        }
        return operations;
    }

    @Test
    void tableCoversDocumentedOperations() {
        Set<String> undocumented = new TreeSet<>(RULES.keySet());
        undocumented.removeAll(documentedOperations.keySet());
        Set<String> missingFromTable = new TreeSet<>(documentedOperations.keySet());
        missingFromTable.removeAll(RULES.keySet());

        assertEquals(Set.of(), missingFromTable, "v2 operations in /openapi without an entry in the scope table");
        assertEquals(Set.of(), undocumented, "scope-table entries that /openapi does not list");
    }

    @TestFactory
    Stream<DynamicNode> everyV2OperationEnforcesItsScope() {
        return documentedOperations.keySet().stream().sorted().map(operation -> {
            Rule rule = RULES.get(operation);
            if (rule == null) {
                return dynamicTest(operation + " has a table entry",
                        () -> fail(operation + " is in /openapi but not in the scope table of this test"));
            }
            List<DynamicNode> cases = new ArrayList<>();
            cases.add(dynamicTest("without credentials 401", () -> {
                Response response = send(operation, rule, api.anonymous());

                assertEquals(401, response.statusCode(), operation + " without credentials: " + response.asString());
                assertEquals(WardenApi.CHALLENGE, response.header("WWW-Authenticate"), operation + " challenge");
            }));
            if (!rule.scope().equals(ANY_CALLER)) {
                cases.add(dynamicTest("without " + rule.scope() + " 403", () -> {
                    Response response = send(operation, rule, api.as(callerLacking(rule.scope())));

                    assertEquals(403, response.statusCode(), operation + " without " + rule.scope() + ": "
                            + response.asString());
                    assertProblem(response, 403, "Missing required scope: " + rule.scope());
                }));
            }
            cases.add(dynamicTest("with " + rule.scope() + " " + rule.successStatus(), () -> {
                Response response = send(operation, rule, api.as(callerHolding(rule.scope(), rule.alsoHeld())));

                assertEquals(rule.successStatus(), response.statusCode(), operation + " with " + rule.scope() + ": "
                        + response.asString());
            }));
            return dynamicContainer(operation, cases);
        });
    }

    /** Every v2 operation must document its scope, its success status and its 401 and 403 responses. */
    @Test
    void documentNamesScopesAndStatuses() {
        List<Executable> checks = new ArrayList<>();
        for (Map.Entry<String, Rule> entry : new TreeMap<>(RULES).entrySet()) {
            JsonObject operation = documentedOperations.get(entry.getKey());
            if (operation == null) {
                continue;
            }
            String text = operation.toString().toLowerCase(Locale.ROOT);
            String scope = entry.getValue().scope();
            JsonObject responses = operation.getJsonObject("responses");
            String successStatus = String.valueOf(entry.getValue().successStatus());

            checks.add(() -> assertTrue(text.contains(scope),
                    entry.getKey() + " does not name '" + scope + "' in /openapi"));
            checks.add(() -> assertTrue(responses.containsKey(successStatus),
                    entry.getKey() + " documents " + responses.keySet() + " but responds " + successStatus));
            checks.add(() -> assertTrue(responses.containsKey("401"),
                    entry.getKey() + " does not document 401"));
            if (!scope.equals(ANY_CALLER)) {
                checks.add(() -> assertTrue(responses.containsKey("403"),
                        entry.getKey() + " does not document 403"));
            }
        }
        assertAll(checks);
    }

    private Response send(String operation, Rule rule, RequestSpecification caller) {
        Target target = newTarget(operation);
        String method = operation.substring(0, operation.indexOf(' '));
        String path = operation.substring(operation.indexOf(' ') + 1)
                .replace("{workspaceId}", target.workspaceId())
                .replace("{incidentId}", target.incidentId())
                .replace("{ticketId}", target.ticketId())
                .replace("{gamebookId}", target.gamebookId())
                .replace("{serviceAccountId}", target.serviceAccountId())
                .replace("{credentialId}", target.credentialId())
                .replace("{commentId}", target.commentId())
                .replace("{userId}", target.userId())
                .replace("{webhookId}", target.webhookId());
        if (rule.body() != null) {
            caller.body(rule.body().apply(target));
        }
        return caller.request(Method.valueOf(method), path);
    }

    /**
     * Creates a fresh service account for operations on one, so that delete or revoke cannot affect
     * another case, and a fresh comment by the caller holding incidents:comments for operations on a
     * comment, because only its author may change it. Operations on a webhook get a fresh webhook.
     */
    private Target newTarget(String operation) {
        if (operation.contains("{commentId}")) {
            Response comment = api.as(callerHolding(INCIDENT_COMMENTS)).body("{\"message\": \"Scope matrix comment\"}")
                    .post("/api/v2/workspaces/" + workspaceId + "/incidents/" + incidentId + "/comments");
            assertEquals(201, comment.statusCode(), comment.asString());
            return new Target(workspaceId, incidentId, ticketId, gamebookId, "", "", json(comment).getString("id"), "",
                    "");
        }
        if (operation.contains("{userId}")) {
            String userId = api.addUser(WardenApi.uniqueName("matrix-target"), "READ_ONLY").id();
            return new Target(workspaceId, incidentId, ticketId, gamebookId, "", "", "", userId, "");
        }
        if (operation.contains("{webhookId}")) {
            Response webhook = api.asAdmin().body(WEBHOOK_BODY).post("/api/v2/webhooks");
            assertEquals(201, webhook.statusCode(), webhook.asString());
            return new Target(workspaceId, incidentId, ticketId, gamebookId, "", "", "", "",
                    json(webhook).getString("id"));
        }
        if (!operation.contains("{serviceAccountId}")) {
            return new Target(workspaceId, incidentId, ticketId, gamebookId, "", "", "", "", "");
        }
        WardenApi.Credentials account = api.createServiceAccount(List.of(READ_ACCOUNTS), List.of());
        if (operation.endsWith("/enable")) {
            Response disabled = api.adminPost("/api/v2/service-accounts/" + account.clientId() + "/disable");
            assertEquals(200, disabled.statusCode(), disabled.asString());
        }
        return new Target(workspaceId, incidentId, ticketId, gamebookId, account.clientId(),
                account.credentialId(), "", "", "");
    }

    /** Returns a caller with exactly this scope, or an unrelated scope for operations open to any caller. */
    private WardenApi.Credentials callerHolding(String scope) {
        return callerHolding(scope, List.of());
    }

    /** Returns a caller with this scope and the given further scopes. */
    private WardenApi.Credentials callerHolding(String scope, List<String> alsoHeld) {
        List<String> scopes = new ArrayList<>(scope.equals(ANY_CALLER) ? List.of("gamebooks:read") : List.of(scope));
        alsoHeld.stream().filter(name -> !scopes.contains(name)).forEach(scopes::add);
        return callerWith(scopes);
    }

    /** Returns a caller with every catalog scope except this one and the scopes that imply it. */
    private WardenApi.Credentials callerLacking(String scope) {
        List<String> scopes = impliedByScope.keySet().stream()
                .filter(name -> !name.equals(scope) && !impliedByScope.get(name).contains(scope))
                .toList();
        return callerWith(scopes);
    }

    private WardenApi.Credentials callerWith(List<String> scopes) {
        return callersByScopes.computeIfAbsent(String.join(" ", scopes),
                key -> api.createServiceAccount(scopes, null));
    }

    @AfterAll
    void serverLogsContainNoSecrets() throws IOException {
        api.assertNoSecretsInServerLogs();
    }
}
