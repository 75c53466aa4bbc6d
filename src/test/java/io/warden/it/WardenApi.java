package io.warden.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Client of the Warden server that failsafe starts for the integration tests.
 *
 * <p>Every test class creates its own instance. The instance remembers each Client Secret it
 * receives and each Basic token it sends, so that {@link #assertNoSecretsInServerLogs()} can
 * search the server's log folder for them after the class has run.
 */
final class WardenApi {

    static final String AUTHORIZATION = "Authorization";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String CHALLENGE = "Basic realm=\"warden\", charset=\"UTF-8\"";
    static final String V2_ONLY = "Service accounts must use the v2 API";
    static final String ACCOUNT_UNUSABLE = "service account is disabled or not found";
    static final String CREDENTIAL_INACTIVE = "credential is not active";

    private final String baseUrl;
    private final String adminUser;
    private final String adminPassword;
    private final Path logDir;
    private final Path fixtureDir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Set<String> sentOrReceivedSecrets = ConcurrentHashMap.newKeySet();

    WardenApi() {
        baseUrl = requiredProperty("warden.it.baseUrl");
        adminUser = requiredProperty("warden.it.adminUser");
        adminPassword = requiredProperty("warden.it.adminPassword");
        logDir = Path.of(requiredProperty("warden.it.logDir"));
        fixtureDir = Path.of(requiredProperty("warden.it.fixtureDir"));
        URI base = URI.create(baseUrl);
        if (!base.getHost().equals("127.0.0.1") && !base.getHost().equals("localhost")) {
            throw new IllegalStateException("warden.it.baseUrl must point to 127.0.0.1 or localhost, not " + baseUrl);
        }
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is missing: run the tests through "
                    + "'mvn verify', which sets it for failsafe");
        }
        return value;
    }

    String baseUrl() {
        return baseUrl;
    }

    String adminUser() {
        return adminUser;
    }

    String adminPassword() {
        return adminPassword;
    }

    // ---- Authorization header values -------------------------------------------------------

    /** Returns {@code Basic base64(user:password)} and remembers the token for the log check. */
    String basic(String user, String password) {
        return basicToken(Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** Returns {@code Basic <token>} for a token built by the caller, and remembers the token. */
    String basicToken(String token) {
        rememberSecret(token);
        return "Basic " + token;
    }

    String adminAuthorization() {
        return basic(adminUser, adminPassword);
    }

    /** Adds a value that must never appear in the server's logs. */
    void rememberSecret(String value) {
        if (value != null && !value.isEmpty()) {
            sentOrReceivedSecrets.add(value);
        }
    }

    // ---- Requests -----------------------------------------------------------------------------

    RequestSpecification anonymous() {
        return given().baseUri(baseUrl).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    RequestSpecification as(String authorization) {
        return anonymous().header(AUTHORIZATION, authorization);
    }

    RequestSpecification asAdmin() {
        return as(adminAuthorization());
    }

    RequestSpecification as(Credentials credentials) {
        return as(credentials.authorization());
    }

    /**
     * Sends a request with the path exactly as given: no normalization and no percent-encoding,
     * like {@code curl --path-as-is}. A null authorization sends no header.
     */
    HttpResponse<String> sendRaw(String method, String rawPath, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + rawPath))
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header(AUTHORIZATION, authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Request " + method + " " + rawPath + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + method + " " + rawPath, e);
        }
    }

    // ---- Fixtures through the API ---------------------------------------------------------------

    /** A service account's Client ID and one of its Client Secrets, with the credential's id. */
    record Credentials(String clientId, String clientSecret, String credentialId, String authorization) {
    }

    /** Returns a name that no other test uses, such as {@code visibility-1f3a...}. */
    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** Creates a workspace as the admin and returns its id. */
    String createWorkspace(String namePrefix) {
        return createWorkspace(asAdmin(), namePrefix);
    }

    String createWorkspace(RequestSpecification caller, String namePrefix) {
        Response response = caller.body(Json.createObjectBuilder().add("name", uniqueName(namePrefix)).build().toString())
                .post("/api/workspaces");
        assertEquals(201, response.statusCode(), () -> "workspace creation failed: " + response.asString());
        return json(response).getString("id");
    }

    /** Imports a Sentinel incidents list body as the admin and returns the response. */
    Response importIncidents(String workspaceId, String sentinelBody) {
        return asAdmin().body(sentinelBody).post("/api/workspaces/" + workspaceId + "/incidents/import");
    }

    /** Imports the items as the admin and fails unless the import succeeds. */
    void importIncidentsOrFail(String workspaceId, JsonObject... items) {
        Response response = importIncidents(workspaceId, sentinelList(items).toString());
        assertEquals(200, response.statusCode(), () -> "import failed: " + response.asString());
    }

    /** Returns the body of a service-account creation. Null workspaceIds grants all workspaces. */
    static JsonObjectBuilder serviceAccountBody(List<String> scopes, List<String> workspaceIds) {
        return Json.createObjectBuilder()
                .add("name", uniqueName("it-account"))
                .add("description", "Created by an integration test")
                .add("scopes", strings(scopes))
                .add("workspaceAccess", workspaceAccess(workspaceIds));
    }

    static JsonObject workspaceAccess(List<String> workspaceIds) {
        if (workspaceIds == null) {
            return Json.createObjectBuilder().add("allWorkspaces", true).build();
        }
        return Json.createObjectBuilder().add("workspaceIds", strings(workspaceIds)).build();
    }

    static JsonArray strings(List<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array.build();
    }

    /** Creates a service account as the admin. Null workspaceIds grants all workspaces. */
    Credentials createServiceAccount(List<String> scopes, List<String> workspaceIds) {
        return createServiceAccount(adminAuthorization(), serviceAccountBody(scopes, workspaceIds).build());
    }

    /** Creates a service account with the given caller and fails unless the response is 201. */
    Credentials createServiceAccount(String authorization, JsonObject body) {
        Response response = as(authorization).body(body.toString()).post("/api/v2/service-accounts");
        assertEquals(201, response.statusCode(), () -> "service-account creation failed: " + response.asString());
        return credentialsOf(json(response));
    }

    /** Reads the credentials out of a creation or issuance response and remembers the secret. */
    Credentials credentialsOf(JsonObject created) {
        String clientId = created.getString("clientId");
        String secret = created.getString("clientSecret");
        rememberSecret(secret);
        return new Credentials(clientId, secret, created.getJsonObject("credential").getString("id"),
                basic(clientId, secret));
    }

    /** Issues another credential to an account as the admin. A null expiresAt means it never expires. */
    Credentials issueCredential(String serviceAccountId, List<String> scopes, String expiresAt) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("scopes", strings(scopes));
        if (expiresAt != null) {
            body.add("expiresAt", expiresAt);
        }
        Response response = asAdmin().body(body.build().toString())
                .post("/api/v2/service-accounts/" + serviceAccountId + "/credentials");
        assertEquals(201, response.statusCode(), () -> "credential issuance failed: " + response.asString());
        return credentialsOf(json(response));
    }

    /** A portal user added through the API, with its one-time initial password. */
    record PortalLogin(String id, String loginName, String password, String authorization) {
    }

    /** Adds a portal user as the admin, fails unless the response is 201, and remembers the password. */
    PortalLogin addUser(String loginName, String role) {
        JsonObject body = Json.createObjectBuilder()
                .add("loginName", loginName)
                .add("displayName", "User " + loginName)
                .add("role", role)
                .build();
        Response response = asAdmin().body(body.toString()).post("/api/v2/users");
        assertEquals(201, response.statusCode(), () -> "user creation failed: " + response.asString());
        return portalLoginOf(json(response));
    }

    /** Reads a user-creation response and remembers its initial password for the log check. */
    PortalLogin portalLoginOf(JsonObject created) {
        String password = created.getString("initialPassword");
        rememberSecret(password);
        String loginName = created.getString("loginName");
        return new PortalLogin(created.getString("id"), loginName, password, basic(loginName, password));
    }

    /** Sends an admin POST without a body to a service-account action such as {@code /disable}. */
    Response adminPost(String path) {
        return asAdmin().post(path);
    }

    // ---- Sentinel bodies --------------------------------------------------------------------

    /** Returns a minimal valid Sentinel incident with the given id (the item's {@code name}). */
    static JsonObjectBuilder sentinelIncident(String id, String title, String severity, String status,
            String createdTimeUtc) {
        JsonObjectBuilder properties = Json.createObjectBuilder()
                .add("title", title)
                .add("severity", severity)
                .add("status", status)
                .add("createdTimeUtc", createdTimeUtc)
                .add("lastModifiedTimeUtc", createdTimeUtc)
                .add("labels", Json.createArrayBuilder());
        return Json.createObjectBuilder()
                .add("id", "/subscriptions/it/providers/Microsoft.SecurityInsights/incidents/" + id)
                .add("name", id)
                .add("type", "Microsoft.SecurityInsights/incidents")
                .add("properties", properties);
    }

    static JsonObject sentinelList(JsonObject... items) {
        JsonArrayBuilder value = Json.createArrayBuilder();
        for (JsonObject item : items) {
            value.add(item);
        }
        return Json.createObjectBuilder().add("value", value).build();
    }

    String fixture(String relativePath) {
        try {
            return Files.readString(fixtureDir.resolve(relativePath), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read fixture " + relativePath + " under " + fixtureDir, e);
        }
    }

    // ---- JSON ---------------------------------------------------------------------------------

    static JsonObject json(Response response) {
        return json(response.asString());
    }

    static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    /** Returns the {@code field} of every entry in a problem's {@code errors} list. */
    static List<String> errorFields(Response response) {
        JsonObject problem = json(response);
        if (!problem.containsKey("errors") || problem.isNull("errors")) {
            return List.of();
        }
        return problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(error -> error.getString("field"))
                .toList();
    }

    /** Asserts a problem+json response with the status and exact detail. */
    static void assertProblem(Response response, int status, String detail) {
        assertEquals(status, response.statusCode(), () -> "unexpected status, body: " + response.asString());
        assertTrue(response.contentType().startsWith(PROBLEM_JSON), () -> "content type " + response.contentType());
        assertEquals(detail, json(response).getString("detail"));
    }

    // ---- Database -----------------------------------------------------------------------------

    /**
     * Opens a JDBC connection to the running server's database (Derby network server or PostgreSQL).
     * An empty password is left out, because the Derby client rejects a zero-length password but
     * connects with the user name alone when the server requires no authentication.
     */
    Connection openDatabase() throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", System.getProperty("warden.it.jdbcUser", ""));
        String password = System.getProperty("warden.it.jdbcPassword", "");
        if (!password.isEmpty()) {
            login.setProperty("password", password);
        }
        return DriverManager.getConnection(requiredProperty("warden.it.jdbcUrl"), login);
    }

    // ---- Secrets in logs --------------------------------------------------------------------

    /**
     * Searches every file under the server's log folder (messages.log, trace files, FFDC reports)
     * for every secret and Basic token this instance handled. The failure names only the first six
     * characters of a value found, so the report itself leaks nothing usable.
     */
    void assertNoSecretsInServerLogs() throws IOException {
        assertTrue(Files.isDirectory(logDir), "server log folder is missing: " + logDir);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(logDir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.stream().anyMatch(file -> file.getFileName().toString().equals("messages.log")),
                "messages.log is missing under " + logDir);

        List<String> findings = new ArrayList<>();
        for (Path file : files) {
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            for (String secret : sentOrReceivedSecrets) {
                if (content.contains(secret)) {
                    findings.add("value starting " + secret.substring(0, Math.min(6, secret.length())) + " in "
                            + logDir.relativize(file));
                }
            }
        }
        assertTrue(!sentOrReceivedSecrets.isEmpty(), "no secret was recorded, so the log check proves nothing");
        assertEquals(List.of(), findings, "secrets or Authorization values found in server logs");
    }

    /**
     * Asserts that the server's messages logs have no line at level E (error): authentication
     * outcomes, rejected input and missing resources are expected events, so none of them may log
     * an error. Each start of the server renames the previous messages.log to
     * messages_&lt;timestamp&gt;.log, so after a restart the check reads those files too.
     */
    void assertNoErrorsInServerLog() throws IOException {
        assertNoErrorsInServerLog(logDir);
    }

    /** Asserts that the messages logs under {@code logDir} have no line at level E. */
    static void assertNoErrorsInServerLog(Path logDir) throws IOException {
        List<Path> messageLogs = messageLogs(logDir);
        assertTrue(messageLogs.contains(logDir.resolve("messages.log")), "messages.log is missing under " + logDir);

        List<String> errors = new ArrayList<>();
        for (Path messages : messageLogs) {
            Files.readAllLines(messages, StandardCharsets.ISO_8859_1).stream()
                    .filter(line -> ERROR_LINE.matcher(line).find())
                    .map(line -> logDir.relativize(messages) + ": " + (line.length() > 200 ? line.substring(0, 200)
                            : line))
                    .forEach(errors::add);
        }
        assertEquals(List.of(), errors, "error lines in the messages logs under " + logDir);
    }

    /** Returns messages.log and the earlier messages logs that Liberty rolled over, by name. */
    private static List<Path> messageLogs(Path logDir) throws IOException {
        try (Stream<Path> files = Files.list(logDir)) {
            return files.filter(file -> MESSAGES_LOG.matcher(file.getFileName().toString()).matches())
                    .sorted()
                    .toList();
        }
    }

    private static final Pattern MESSAGES_LOG = Pattern.compile("messages(_[0-9._]+)?\\.log");
    private static final Pattern ERROR_LINE = Pattern.compile("^\\[[^]]+\\] [0-9a-f]{8} \\S+\\s+E ");
}
