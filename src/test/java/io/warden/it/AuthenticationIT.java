package io.warden.it;

import static io.warden.it.WardenApi.assertProblem;
import static io.warden.it.WardenApi.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.restassured.response.Response;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * HTTP Basic authentication of service accounts and portal users: which failures give 401 and
 * which give 403, that every 401 is the same response, and that lifecycle changes apply to the
 * very next request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthenticationIT {

    private static final String ME = "/api/v2/me";
    private static final Pattern STANDARD_BASE64_SECRET = Pattern.compile("[A-Za-z0-9+/]{43}=");
    private static final Duration EXPIRY_WAIT = Duration.ofSeconds(20);

    private final WardenApi api = new WardenApi();
    private WardenApi.Credentials reader;
    private WardenApi.Credentials otherReader;
    private WardenApi.Credentials disabledReader;
    private String reference401Body;

    @BeforeAll
    void createAccounts() {
        reader = api.createServiceAccount(List.of("incidents:read"), null);
        otherReader = api.createServiceAccount(List.of("incidents:read"), null);
        disabledReader = api.createServiceAccount(List.of("incidents:read"), null);
        Response disabled = api.adminPost("/api/v2/service-accounts/" + disabledReader.clientId() + "/disable");
        assertEquals(200, disabled.statusCode(), disabled.asString());

        Response missing = api.anonymous().get(ME);
        assertEquals(401, missing.statusCode(), missing.asString());
        reference401Body = missing.asString();
    }

    @Test
    void missingHeaderGets401WithChallenge() {
        Response response = api.anonymous().get(ME);

        assertEquals(401, response.statusCode());
        assertTrue(response.contentType().startsWith(WardenApi.PROBLEM_JSON), response.contentType());
        assertEquals(WardenApi.CHALLENGE, response.header("WWW-Authenticate"));
        JsonObject problem = json(response);
        assertEquals("about:blank", problem.getString("type"));
        assertEquals("Unauthorized", problem.getString("title"));
        assertEquals(401, problem.getInt("status"));
        assertTrue(problem.getString("detail").startsWith("Authentication is required: "), problem.toString());
    }

    /** Each case sends one Authorization value (null sends none) that must be rejected with the same 401. */
    @TestFactory
    Stream<DynamicTest> every401IsIdentical() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("no header", null);
        cases.put("scheme without token", "Basic");
        cases.put("empty token", "Basic ");
        cases.put("Bearer scheme", "Bearer " + reader.authorization().substring("Basic ".length()));
        cases.put("invalid Base64", "Basic !!not*base64!!");
        cases.put("no colon", api.basicToken(base64("no-colon-in-this-value")));
        cases.put("invalid UTF-8", api.basicToken(invalidUtf8Token(reader.clientId())));
        cases.put("empty Client ID", api.basicToken(base64(":" + reader.clientSecret())));
        cases.put("empty secret", api.basicToken(base64(reader.clientId() + ":")));
        cases.put("unknown Client ID", api.basic(UUID.randomUUID().toString(), randomSecret()));
        cases.put("unknown Client ID with a real secret", api.basic(UUID.randomUUID().toString(), reader.clientSecret()));
        cases.put("wrong secret", api.basic(reader.clientId(), randomSecret()));
        cases.put("mismatched pair", api.basic(reader.clientId(), otherReader.clientSecret()));
        cases.put("second colon", api.basic(reader.clientId(), reader.clientSecret() + ":extra"));
        cases.put("disabled account, wrong secret", api.basic(disabledReader.clientId(), randomSecret()));
        cases.put("unknown portal login", api.basic(WardenApi.uniqueName("nobody"), "not-a-password"));
        cases.put("wrong portal password", api.basic(api.adminUser(), api.adminPassword() + "-wrong"));

        return cases.entrySet().stream().map(entry -> dynamicTest(entry.getKey(), () -> {
            Response response = entry.getValue() == null
                    ? api.anonymous().get(ME)
                    : api.as(entry.getValue()).get(ME);

            String label = entry.getKey() + ": ";
            assertEquals(401, response.statusCode(), label + response.asString());
            assertEquals(WardenApi.CHALLENGE, response.header("WWW-Authenticate"), label + "challenge");
            assertTrue(response.contentType().startsWith(WardenApi.PROBLEM_JSON), label + response.contentType());
            assertEquals(reference401Body, response.asString(), label + "body differs from the 401 without header");
        }));
    }

    @Test
    void schemeNameIgnoresCase() {
        String token = reader.authorization().substring("Basic ".length());

        assertEquals(200, api.as("basic " + token).get(ME).statusCode());
        assertEquals(200, api.as("BASIC " + token).get(ME).statusCode());
    }

    @Test
    void generatedSecretsAreStandardBase64() {
        for (int i = 0; i < 5; i++) {
            WardenApi.Credentials issued = api.issueCredential(reader.clientId(), List.of("incidents:read"), null);

            assertTrue(STANDARD_BASE64_SECRET.matcher(issued.clientSecret()).matches(),
                    "secret is not 44-character standard Base64 (prefix " + issued.clientSecret().substring(0, 6) + ")");
        }
    }

    @Test
    void secretsWithPlusSlashEqualsWork() {
        WardenApi.Credentials withPlus = null;
        WardenApi.Credentials withSlash = null;
        for (int attempt = 0; attempt < 40 && (withPlus == null || withSlash == null); attempt++) {
            WardenApi.Credentials issued = api.issueCredential(reader.clientId(), List.of("incidents:read"), null);
            if (withPlus == null && issued.clientSecret().contains("+")) {
                withPlus = issued;
            } else if (withSlash == null && issued.clientSecret().contains("/")) {
                withSlash = issued;
            }
        }
        assertNotNull(withPlus, "no secret with '+' among 40 issued");
        assertNotNull(withSlash, "no secret with '/' among 40 issued");

        for (WardenApi.Credentials credentials : List.of(withPlus, withSlash)) {
            assertTrue(credentials.clientSecret().endsWith("="), "a 32-byte secret in Base64 ends with '='");
            Response me = api.as(credentials).get(ME);
            assertEquals(200, me.statusCode(), me.asString());
            assertEquals(credentials.credentialId(), json(me).getString("credentialId"));
        }
    }

    @Test
    void disabledAccountGets403UntilEnabled() {
        WardenApi.Credentials account = api.createServiceAccount(List.of("incidents:read"), null);
        assertEquals(200, api.as(account).get(ME).statusCode());

        Response disabled = api.adminPost("/api/v2/service-accounts/" + account.clientId() + "/disable");
        assertEquals(200, disabled.statusCode(), disabled.asString());
        assertFalse(json(disabled).getBoolean("enabled"));
        assertProblem(api.as(account).get(ME), 403, WardenApi.ACCOUNT_UNUSABLE);

        Response enabled = api.adminPost("/api/v2/service-accounts/" + account.clientId() + "/enable");
        assertEquals(200, enabled.statusCode(), enabled.asString());
        assertTrue(json(enabled).getBoolean("enabled"));
        assertEquals(200, api.as(account).get(ME).statusCode());
    }

    @Test
    void deletedAccountGets403() {
        WardenApi.Credentials account = api.createServiceAccount(List.of("incidents:read"), null);
        assertEquals(200, api.as(account).get(ME).statusCode());

        Response deleted = api.asAdmin().delete("/api/v2/service-accounts/" + account.clientId());
        assertEquals(204, deleted.statusCode(), deleted.asString());

        assertProblem(api.as(account).get(ME), 403, WardenApi.ACCOUNT_UNUSABLE);
        assertEquals(404, api.asAdmin().get("/api/v2/service-accounts/" + account.clientId()).statusCode());
    }

    @Test
    void revokedCredentialGets403() {
        WardenApi.Credentials first = api.createServiceAccount(List.of("incidents:read"), null);
        WardenApi.Credentials second = api.issueCredential(first.clientId(), List.of("incidents:read"), null);
        assertEquals(200, api.as(first).get(ME).statusCode());

        Response revoked = api.adminPost("/api/v2/service-accounts/" + first.clientId() + "/credentials/"
                + first.credentialId() + "/revoke");
        assertEquals(200, revoked.statusCode(), revoked.asString());

        assertProblem(api.as(first).get(ME), 403, WardenApi.CREDENTIAL_INACTIVE);
        assertEquals(200, api.as(second).get(ME).statusCode(), "the account's other credential must keep working");
        assertEquals("revoked", credentialStatus(first.clientId(), first.credentialId()));
    }

    @Test
    void expiredCredentialGets403() throws InterruptedException {
        WardenApi.Credentials account = api.createServiceAccount(List.of("incidents:read"), null);
        Instant expiresAt = Instant.now().plusSeconds(3);
        WardenApi.Credentials expiring = api.issueCredential(account.clientId(), List.of("incidents:read"),
                expiresAt.toString());
        assertEquals(200, api.as(expiring).get(ME).statusCode(), "the credential must work before it expires");

        Response rejected = pollUntilRejected(expiring, expiresAt.plus(EXPIRY_WAIT));

        assertProblem(rejected, 403, WardenApi.CREDENTIAL_INACTIVE);
        assertTrue(!Instant.now().isBefore(expiresAt), "rejected before expiresAt");
        assertEquals("expired", credentialStatus(account.clientId(), expiring.credentialId()));
        assertEquals(200, api.as(account).get(ME).statusCode(), "the account's other credential must keep working");
    }

    private Response pollUntilRejected(WardenApi.Credentials credentials, Instant deadline) throws InterruptedException {
        while (Instant.now().isBefore(deadline)) {
            Response response = api.as(credentials).get(ME);
            if (response.statusCode() != 200) {
                return response;
            }
            Thread.sleep(200);
        }
        return fail("the credential still worked " + EXPIRY_WAIT + " after expiresAt");
    }

    /** Raw paths that are not the v2 API however a router might read them. */
    @TestFactory
    Stream<DynamicTest> nonV2PathsGet403() {
        List<String> rawPaths = List.of(
                "/api/workspaces",
                "/api/v2/../workspaces",
                "/api/v2/%2e%2e/workspaces",
                "/api/v2/%2E%2E/workspaces",
                "/api/V2/me",
                "/api//workspaces",
                "/api;x=1/workspaces");

        Stream<DynamicTest> gets = rawPaths.stream().map(path -> dynamicTest("GET " + path, () -> {
            HttpResponse<String> response = api.sendRaw("GET", path, reader.authorization());

            assertEquals(403, response.statusCode(), "GET " + path + ": " + response.body());
            assertEquals(WardenApi.V2_ONLY, json(response.body()).getString("detail"), "GET " + path);
        }));
        Stream<DynamicTest> otherMethods = Stream.of("HEAD", "OPTIONS").map(method ->
                dynamicTest(method + " /api/workspaces", () -> {
                    HttpResponse<String> response = api.sendRaw(method, "/api/workspaces", reader.authorization());

                    assertEquals(403, response.statusCode(), method + " /api/workspaces: " + response.body());
                    if (!method.equals("HEAD")) {
                        assertEquals(WardenApi.V2_ONLY, json(response.body()).getString("detail"), method);
                    }
                }));
        return Stream.concat(gets, otherMethods);
    }

    @Test
    void portalAdminStillUsesV1() {
        assertEquals(200, api.asAdmin().get("/api/workspaces").statusCode());
    }

    /** A credential's lastUsedAt must show a successful call within seconds. */
    @Test
    void lastUsedAtRecordedAfterUse() throws InterruptedException {
        WardenApi.Credentials account = api.createServiceAccount(List.of("incidents:read"), null);
        Instant before = Instant.now().minusSeconds(1);
        assertEquals(200, api.as(account).get(ME).statusCode());

        Instant deadline = Instant.now().plusSeconds(10);
        String lastUsedAt = null;
        while (lastUsedAt == null && Instant.now().isBefore(deadline)) {
            JsonObject credential = credential(account.clientId(), account.credentialId());
            lastUsedAt = credential.containsKey("lastUsedAt") && !credential.isNull("lastUsedAt")
                    ? credential.getString("lastUsedAt") : null;
            if (lastUsedAt == null) {
                Thread.sleep(250);
            }
        }

        assertNotNull(lastUsedAt, "lastUsedAt still empty 10 s after a successful call");
        assertFalse(Instant.parse(lastUsedAt).isBefore(before), "lastUsedAt " + lastUsedAt + " is before the call");
    }

    private String credentialStatus(String serviceAccountId, String credentialId) {
        return credential(serviceAccountId, credentialId).getString("status");
    }

    private JsonObject credential(String serviceAccountId, String credentialId) {
        Response list = api.asAdmin().get("/api/v2/service-accounts/" + serviceAccountId + "/credentials");
        assertEquals(200, list.statusCode(), list.asString());
        return json(list).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(item -> item.getString("id").equals(credentialId))
                .findFirst()
                .orElseGet(() -> fail("credential " + credentialId + " is missing from the list"));
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns Base64 of {@code clientId:} followed by bytes that are not valid UTF-8. */
    private static String invalidUtf8Token(String clientId) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((clientId + ":").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE});
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @AfterAll
    void serverLogsContainNoSecrets() throws IOException {
        api.assertNoSecretsInServerLogs();
    }

    @AfterAll
    void authenticationLogsNoErrors() throws IOException {
        api.assertNoErrorsInServerLog();
    }
}
