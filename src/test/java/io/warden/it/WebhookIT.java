package io.warden.it;

import static io.warden.it.WardenApi.errorFields;
import static io.warden.it.WardenApi.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.restassured.response.Response;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Webhook management: creation with a one-time signing secret that the database keeps only
 * encrypted, reads, updates, pause and resume, deletion, and the URL and event-type rules.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookIT {

    private static final String WEBHOOKS = "/api/v2/webhooks";
    /** 127.0.0.1 is in WARDEN_WEBHOOK_ALLOWED_HOSTS of the test servers, so plain HTTP is accepted. */
    private static final String RECEIVER_URL = "http://127.0.0.1:9/hooks";

    private final WardenApi api = new WardenApi();

    private static String body(String name, String url, String... eventTypes) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("url", url)
                .add("eventTypes", WardenApi.strings(List.of(eventTypes)))
                .build()
                .toString();
    }

    private JsonObject create(String name) {
        Response created = api.asAdmin().body(body(name, RECEIVER_URL, "credential.revoked", "comment.created"))
                .post(WEBHOOKS);
        assertEquals(201, created.statusCode(), created.asString());
        JsonObject webhook = json(created);
        api.rememberSecret(webhook.getString("signingSecret"));
        return webhook;
    }

    @Test
    void creationReturnsSecretOnce() {
        String name = WardenApi.uniqueName("hook");
        JsonObject created = create(name);

        assertEquals(name, created.getString("name"));
        assertEquals(RECEIVER_URL, created.getString("url"));
        assertEquals("active", created.getString("status"));
        assertEquals(List.of("comment.created", "credential.revoked"),
                created.getJsonArray("eventTypes").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString).toList());
        assertEquals(32, Base64.getDecoder().decode(created.getString("signingSecret")).length);

        Response read = api.asAdmin().get(WEBHOOKS + "/" + created.getString("id"));
        assertEquals(200, read.statusCode(), read.asString());
        assertFalse(json(read).containsKey("signingSecret"), read.asString());
        assertFalse(read.asString().contains(created.getString("signingSecret")));
    }

    @Test
    void databaseKeepsSecretEncrypted() throws Exception {
        JsonObject created = create(WardenApi.uniqueName("stored"));
        String secret = created.getString("signingSecret");

        try (Connection database = api.openDatabase();
                PreparedStatement query = database.prepareStatement("SELECT * FROM webhook WHERE id = ?")) {
            query.setString(1, created.getString("id"));
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "no webhook row");
                assertNotNull(row.getString("secret_ciphertext"));
                for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                    String value = row.getString(column);
                    assertFalse(value != null && value.contains(secret),
                            "column " + row.getMetaData().getColumnName(column) + " contains the secret");
                }
            }
        }
    }

    @Test
    void listPagesByName() {
        create(WardenApi.uniqueName("listed-a"));
        create(WardenApi.uniqueName("listed-b"));

        Response first = api.asAdmin().queryParam("pageSize", 1).get(WEBHOOKS);
        assertEquals(200, first.statusCode(), first.asString());
        assertEquals(1, json(first).getJsonArray("items").size());
        String cursor = json(first).getString("nextCursor");

        Response second = api.asAdmin().queryParam("pageSize", 1).queryParam("cursor", cursor).get(WEBHOOKS);
        assertEquals(200, second.statusCode(), second.asString());
        assertFalse(second.asString().contains("signingSecret"), second.asString());
        assertTrue(json(first).getJsonArray("items").getJsonObject(0).getString("name")
                .compareTo(json(second).getJsonArray("items").getJsonObject(0).getString("name")) <= 0);
    }

    @Test
    void patchChangesOnlyGivenFields() {
        JsonObject created = create(WardenApi.uniqueName("patched"));
        String path = WEBHOOKS + "/" + created.getString("id");

        Response patched = api.asAdmin().body("{\"eventTypes\": [\"incident.updated\"]}").patch(path);

        assertEquals(200, patched.statusCode(), patched.asString());
        assertEquals(created.getString("name"), json(patched).getString("name"));
        assertEquals("incident.updated", json(patched).getJsonArray("eventTypes").getString(0));
        assertEquals(1, json(patched).getJsonArray("eventTypes").size());
    }

    @Test
    void pauseAndResumeSetStatus() {
        String path = WEBHOOKS + "/" + create(WardenApi.uniqueName("paused")).getString("id");

        Response paused = api.asAdmin().post(path + "/pause");
        assertEquals(200, paused.statusCode(), paused.asString());
        assertEquals("paused", json(paused).getString("status"));
        assertEquals("paused", json(api.asAdmin().get(path)).getString("status"));

        Response resumed = api.asAdmin().post(path + "/resume");
        assertEquals(200, resumed.statusCode(), resumed.asString());
        assertEquals("active", json(resumed).getString("status"));
    }

    @Test
    void deletedWebhookIs404() {
        String path = WEBHOOKS + "/" + create(WardenApi.uniqueName("deleted")).getString("id");

        Response deleted = api.asAdmin().delete(path);
        assertEquals(204, deleted.statusCode(), deleted.asString());

        assertEquals(404, api.asAdmin().get(path).statusCode());
        assertEquals(404, api.asAdmin().delete(path).statusCode());
        assertEquals(404, api.asAdmin().post(path + "/pause").statusCode());
    }

    @Test
    void unknownWebhookIs404() {
        Response missing = api.asAdmin().get(WEBHOOKS + "/00000000-0000-0000-0000-000000000000");

        assertEquals(404, missing.statusCode(), missing.asString());
    }

    /** Each case is a target URL that creation must reject with 400 naming url. */
    @TestFactory
    Stream<DynamicTest> forbiddenUrlNamesUrl() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("plain http to a public host", "http://93.184.216.34/hooks");
        cases.put("loopback", "https://127.0.0.2/hooks");
        cases.put("localhost name", "https://localhost/hooks");
        cases.put("IPv6 loopback", "https://[::1]/hooks");
        cases.put("metadata address", "https://169.254.169.254/latest/meta-data");
        cases.put("private 10/8", "https://10.0.0.5/hooks");
        cases.put("private 192.168/16", "https://192.168.0.10/hooks");
        cases.put("unspecified", "https://0.0.0.0/hooks");
        cases.put("not a URL", "no url");
        cases.put("other scheme", "ftp://93.184.216.34/hooks");
        cases.put("user info", "https://user:pw@93.184.216.34/hooks");
        return cases.entrySet().stream().map(entry -> dynamicTest(entry.getKey(), () -> {
            Response rejected = api.asAdmin().body(body("rejected", entry.getValue(), "credential.revoked"))
                    .post(WEBHOOKS);

            assertEquals(400, rejected.statusCode(), rejected.asString());
            assertEquals(List.of("url"), errorFields(rejected), rejected.asString());
        }));
    }

    @Test
    void patchToForbiddenUrlRejected() {
        JsonObject created = create(WardenApi.uniqueName("retarget"));
        String path = WEBHOOKS + "/" + created.getString("id");

        Response rejected = api.asAdmin().body("{\"url\": \"https://169.254.169.254/\"}").patch(path);

        assertEquals(400, rejected.statusCode(), rejected.asString());
        assertEquals(List.of("url"), errorFields(rejected));
        assertEquals(RECEIVER_URL, json(api.asAdmin().get(path)).getString("url"));
    }

    @Test
    void unknownEventTypeListsValidOnes() {
        Response rejected = api.asAdmin().body(body("bad-events", RECEIVER_URL, "incident.deleted")).post(WEBHOOKS);

        assertEquals(400, rejected.statusCode(), rejected.asString());
        assertEquals(List.of("eventTypes"), errorFields(rejected));
        assertTrue(rejected.asString().contains("service_account.disabled"), rejected.asString());
    }

    @Test
    void missingFieldsNamed() {
        Response rejected = api.asAdmin().body("{}").post(WEBHOOKS);

        assertEquals(400, rejected.statusCode(), rejected.asString());
        assertEquals(List.of("name", "url", "eventTypes"), errorFields(rejected));
    }

    @Test
    void emptyEventTypesRejected() {
        Response rejected = api.asAdmin().body("{\"name\": \"empty\", \"url\": \"" + RECEIVER_URL
                + "\", \"eventTypes\": []}").post(WEBHOOKS);

        assertEquals(400, rejected.statusCode(), rejected.asString());
        assertEquals(List.of("eventTypes"), errorFields(rejected));
    }

    @Test
    void followRedirectsOffByDefault() {
        JsonObject created = create(WardenApi.uniqueName("redirects"));
        String path = WEBHOOKS + "/" + created.getString("id");

        Response patched = api.asAdmin().body("{\"followRedirects\": true}").patch(path);

        assertEquals(false, created.getBoolean("followRedirects"));
        assertEquals(200, patched.statusCode(), patched.asString());
        assertEquals(true, json(patched).getBoolean("followRedirects"));
        assertEquals(true, json(api.asAdmin().get(path)).getBoolean("followRedirects"));
    }

    @Test
    void nonBooleanFollowRedirectsRejected() {
        JsonObject created = create(WardenApi.uniqueName("redirects-invalid"));
        String path = WEBHOOKS + "/" + created.getString("id");

        Response rejected = api.asAdmin().body("{\"followRedirects\": \"yes\"}").patch(path);

        assertEquals(400, rejected.statusCode(), rejected.asString());
        assertEquals(List.of("followRedirects"), errorFields(rejected));
        assertEquals(false, json(api.asAdmin().get(path)).getBoolean("followRedirects"));
    }

    @AfterAll
    void serverLogsContainNoSecrets() throws IOException {
        api.assertNoSecretsInServerLogs();
    }
}
