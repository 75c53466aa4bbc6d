package io.warden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * KEK rotation on the running test server: every encrypted secret is re-wrapped and verified, only
 * the wrapped data key and KEK id change in the database, and the credentials keep authenticating.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyRotationIT {

    private static final String ROTATIONS = "/api/operations/kek-rotations";
    private static final List<String> INCIDENTS_READ = List.of("incidents:read");

    private final WardenApi api = new WardenApi();

    /** One credential row as stored, read over JDBC. */
    private record StoredSecret(String secretHash, String ciphertext, String iv, String wrappedDataKey, String kekId) {
    }

    @AfterAll
    void noSecretsInLogs() throws Exception {
        api.assertNoSecretsInServerLogs();
    }

    @Test
    void rotationRewrapsAndVerifiesEverySecret() throws Exception {
        WardenApi.Credentials first = api.createServiceAccount(INCIDENTS_READ, List.of());
        WardenApi.Credentials second = api.issueCredential(first.clientId(), INCIDENTS_READ, null);
        Map<String, StoredSecret> before = readEncryptedSecrets();
        assertTrue(before.containsKey(first.credentialId()), "the first credential has an encrypted secret");
        assertTrue(before.containsKey(second.credentialId()), "the second credential has an encrypted secret");
        String oldKekId = before.get(first.credentialId()).kekId();

        Response response = api.asAdmin().post(ROTATIONS);

        assertEquals(200, response.statusCode(), response::asString);
        JsonObject result = WardenApi.json(response);
        assertEquals(List.of("kekId", "finished", "resumed", "rewrapped", "verified", "failed", "retiredKekIds"),
                new ArrayList<>(result.keySet()), "the response carries ids and counts only");
        String newKekId = result.getString("kekId");
        assertTrue(newKekId.matches("kek-[0-9]+-[0-9a-f]{8}"), newKekId);
        assertNotEquals(oldKekId, newKekId);
        assertEquals(before.size(), result.getJsonNumber("verified").longValue(),
                "every stored encrypted secret is verified");
        assertEquals(0, result.getJsonNumber("failed").longValue());
        assertEquals(before.size(), result.getJsonNumber("rewrapped").longValue());
        assertTrue(result.getBoolean("finished"));
        assertFalse(result.getBoolean("resumed"));
        assertEquals(List.of(oldKekId), strings(result, "retiredKekIds"));

        Map<String, StoredSecret> after = readEncryptedSecrets();
        assertEquals(before.keySet(), after.keySet());
        for (Map.Entry<String, StoredSecret> row : before.entrySet()) {
            String id = row.getKey();
            StoredSecret old = row.getValue();
            StoredSecret rotated = after.get(id);
            assertEquals(old.secretHash(), rotated.secretHash(), "lookup hash of " + id);
            assertEquals(old.ciphertext(), rotated.ciphertext(), "ciphertext of " + id);
            assertEquals(old.iv(), rotated.iv(), "IV of " + id);
            assertNotEquals(old.wrappedDataKey(), rotated.wrappedDataKey(), "wrapped data key of " + id);
            assertEquals(newKekId, rotated.kekId(), "KEK id of " + id);
        }

        assertEquals(200, api.as(first).get("/api/v2/me").statusCode(), "first credential authenticates");
        assertEquals(200, api.as(second).get("/api/v2/me").statusCode(), "second credential authenticates");
        api.assertNoSecretsInServerLogs();
    }

    /** A webhook's signing secret must still decrypt after its KEK was rotated and retired. */
    @Test
    void webhookSecretSurvivesRotation() {
        Response created = api.asAdmin().body("{\"name\": \"Rotation webhook\", \"url\": "
                + "\"http://127.0.0.1:9/rotation\", \"eventTypes\": [\"incident.updated\"]}").post("/api/v2/webhooks");
        assertEquals(201, created.statusCode(), created::asString);
        api.rememberSecret(WardenApi.json(created).getString("signingSecret"));
        String webhookId = WardenApi.json(created).getString("id");

        Response rotation = api.asAdmin().post(ROTATIONS);
        assertEquals(200, rotation.statusCode(), rotation::asString);
        assertTrue(WardenApi.json(rotation).getBoolean("finished"), rotation::asString);
        Response ping = api.asAdmin().post("/api/v2/webhooks/" + webhookId + "/test");

        assertEquals(200, ping.statusCode(), ping::asString);
        assertFalse(ping.asString().contains("could not be decrypted"), ping::asString);
        assertEquals("connection to 127.0.0.1 failed", WardenApi.json(ping).getString("error"), ping::asString);
    }

    @Test
    void secondNodeWrapsUnderRotatedKek() throws Exception {
        JsonObject first = WardenApi.json(api.asAdmin().post(ROTATIONS));
        String rotatedKekId = first.getString("kekId");

        Response created = onSecondNode(api.adminAuthorization())
                .body(WardenApi.serviceAccountBody(INCIDENTS_READ, List.of()).build().toString())
                .post("/api/v2/service-accounts");
        assertEquals(201, created.statusCode(), created::asString);
        WardenApi.Credentials issuedOnSecondNode = api.credentialsOf(WardenApi.json(created));
        assertEquals(rotatedKekId, readEncryptedSecrets().get(issuedOnSecondNode.credentialId()).kekId(),
                "the second node rereads the shared keystore and wraps under the new KEK");

        Response response = api.asAdmin().post(ROTATIONS);

        assertEquals(200, response.statusCode(), response::asString);
        JsonObject second = WardenApi.json(response);
        assertNotEquals(rotatedKekId, second.getString("kekId"));
        assertEquals(List.of(rotatedKekId), strings(second, "retiredKekIds"));
        assertEquals(0, second.getJsonNumber("failed").longValue());
        assertTrue(second.getBoolean("finished"));
        assertEquals(200, onSecondNode(issuedOnSecondNode.authorization()).get("/api/v2/me").statusCode(),
                "the credential issued on the second node authenticates there after both rotations");
    }

    @Test
    void serviceAccountGets403() {
        WardenApi.Credentials account = api.createServiceAccount(INCIDENTS_READ, List.of());

        Response response = api.as(account).post(ROTATIONS);

        WardenApi.assertProblem(response, 403, WardenApi.V2_ONLY);
    }

    @Test
    void missingCredentialsGet401() {
        Response response = api.anonymous().post(ROTATIONS);

        assertEquals(401, response.statusCode());
    }

    @Test
    void keystoreFilesAreOwnerOnly() throws Exception {
        Path dataDir = Path.of(System.getProperty("warden.it.dataDir"));

        String keystore = PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("kek.p12")));
        String passwordFile = PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dataDir.resolve("kek.p12.password")));

        assertEquals("rw-------", keystore);
        assertEquals("rw-------", passwordFile);
    }

    private static RequestSpecification onSecondNode(String authorization) {
        return RestAssured.given().baseUri(System.getProperty("warden.it.node2.baseUrl"))
                .contentType(ContentType.JSON)
                .header(WardenApi.AUTHORIZATION, authorization);
    }

    private Map<String, StoredSecret> readEncryptedSecrets() throws SQLException {
        Map<String, StoredSecret> rows = new HashMap<>();
        try (Connection connection = api.openDatabase();
                PreparedStatement query = connection.prepareStatement("SELECT id, secret_hash, secret_ciphertext, "
                        + "secret_iv, wrapped_data_key, kek_id FROM credential WHERE secret_ciphertext IS NOT NULL");
                ResultSet result = query.executeQuery()) {
            while (result.next()) {
                rows.put(result.getString("id"), new StoredSecret(result.getString("secret_hash"),
                        result.getString("secret_ciphertext"), result.getString("secret_iv"),
                        result.getString("wrapped_data_key"), result.getString("kek_id")));
            }
        }
        return rows;
    }

    private static List<String> strings(JsonObject object, String field) {
        return object.getJsonArray(field).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }
}
