package io.warden.it;

import static io.warden.it.WardenApi.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.restassured.response.Response;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Webhook delivery against a real HTTP receiver on 127.0.0.1 (which the test servers allow-list):
 * the signature, retries after 5xx with one delivery id, and paused webhooks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookDeliveryIT {

    private static final Duration WAIT = Duration.ofSeconds(45);

    /** One request that the receiver got. */
    private record Received(String path, String deliveryId, String timestamp, String signature, String body) {

        JsonObject json() {
            return WardenApi.json(body);
        }
    }

    private final WardenApi api = new WardenApi();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer receiver;

    @BeforeAll
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        receiver.createContext("/", this::receive);
        receiver.start();
    }

    @AfterAll
    void stopReceiver() throws IOException {
        receiver.stop(0);
        api.assertNoSecretsInServerLogs();
    }

    /**
     * Records the request and responds 500 to the first two requests of a delivery under /flaky, a
     * redirect for /moved (to /moved-here) and /moved-away (to a private address), else 200.
     */
    private void receive(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String path = exchange.getRequestURI().getPath();
        String deliveryId = exchange.getRequestHeaders().getFirst("X-Warden-Delivery");
        received.add(new Received(path, deliveryId, exchange.getRequestHeaders().getFirst("X-Warden-Timestamp"),
                exchange.getRequestHeaders().getFirst("X-Warden-Signature"), body));
        long earlier = received.stream().filter(request -> deliveryId != null && deliveryId.equals(request.deliveryId()))
                .count();
        if (path.equals("/moved")) {
            exchange.getResponseHeaders().add("Location", "/moved-here");
            exchange.sendResponseHeaders(307, -1);
        } else if (path.equals("/moved-away")) {
            exchange.getResponseHeaders().add("Location", "https://10.20.30.40/hook");
            exchange.sendResponseHeaders(302, -1);
        } else {
            int status = path.startsWith("/flaky") && earlier <= 2 ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
        }
        exchange.close();
    }

    private String receiverUrl(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    /** Creates a webhook to the receiver and returns its id and shown signing secret. */
    private JsonObject createWebhook(String path, String eventType) {
        String body = Json.createObjectBuilder()
                .add("name", WardenApi.uniqueName("delivery"))
                .add("url", receiverUrl(path))
                .add("eventTypes", Json.createArrayBuilder().add(eventType))
                .build()
                .toString();
        Response created = api.asAdmin().body(body).post("/api/v2/webhooks");
        assertEquals(201, created.statusCode(), created.asString());
        api.rememberSecret(json(created).getString("signingSecret"));
        return json(created);
    }

    private List<Received> awaitRequests(Predicate<Received> match, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        List<Received> matching = List.of();
        while (Instant.now().isBefore(deadline)) {
            matching = received.stream().filter(match).toList();
            if (matching.size() >= count) {
                return matching;
            }
            Thread.sleep(200);
        }
        return matching;
    }

    private static Predicate<Received> about(String path, String field, String value) {
        return request -> request.path().equals(path) && request.json().getJsonObject("data").getString(field, "")
                .equals(value);
    }

    private static String hmac(String secret, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    private void disable(String serviceAccountId) {
        Response disabled = api.adminPost("/api/v2/service-accounts/" + serviceAccountId + "/disable");
        assertEquals(200, disabled.statusCode(), disabled.asString());
    }

    @Test
    void signatureVerifiesWithShownSecret() throws Exception {
        String secret = createWebhook("/signed", "credential.revoked").getString("signingSecret");
        WardenApi.Credentials account = api.createServiceAccount(List.of("incidents:read"), null);
        Response revoked = api.adminPost("/api/v2/service-accounts/" + account.clientId() + "/credentials/"
                + account.credentialId() + "/revoke");
        assertEquals(200, revoked.statusCode(), revoked.asString());

        List<Received> requests = awaitRequests(about("/signed", "credentialId", account.credentialId()), 1);

        assertEquals(1, requests.size(), "requests received: " + received);
        Received request = requests.get(0);
        assertEquals(hmac(secret, request.timestamp() + "." + request.body()), request.signature());
        assertEquals("credential.revoked", request.json().getString("type"));
        assertEquals(request.deliveryId(), request.json().getString("id"));
        assertEquals(account.clientId(), request.json().getJsonObject("data").getString("serviceAccountId"));
        long age = Instant.now().getEpochSecond() - Long.parseLong(request.timestamp());
        assertTrue(age >= 0, "timestamp " + request.timestamp() + " lies in the future");
        assertTrue(age < WAIT.toSeconds(), "timestamp " + request.timestamp() + " is too old");
    }

    @Test
    void serverErrorsRetriedWithSameDeliveryId() throws Exception {
        createWebhook("/flaky", "service_account.disabled");
        WardenApi.Credentials account = api.createServiceAccount(List.of("incidents:read"), null);
        disable(account.clientId());

        List<Received> requests = awaitRequests(about("/flaky", "serviceAccountId", account.clientId()), 3);

        assertEquals(3, requests.size(), "requests received: " + requests);
        assertEquals(1, requests.stream().map(Received::deliveryId).distinct().count(), requests.toString());
        assertEquals(1, requests.stream().map(Received::body).distinct().count(), requests.toString());
        Thread.sleep(3000);
        assertEquals(3, awaitRequests(about("/flaky", "serviceAccountId", account.clientId()), 3).size(),
                "a fourth attempt followed the 200");
    }

    @Test
    void deliveryLogListsAttemptsNewestFirst() throws Exception {
        String webhookId = createWebhook("/flaky-logged", "service_account.disabled").getString("id");
        WardenApi.Credentials account = api.createServiceAccount(List.of("incidents:read"), null);
        disable(account.clientId());
        List<Received> requests = awaitRequests(about("/flaky-logged", "serviceAccountId", account.clientId()), 3);
        assertEquals(3, requests.size(), "requests received: " + received);

        List<JsonObject> rows = List.of();
        Instant deadline = Instant.now().plus(WAIT);
        while (rows.size() < 3 && Instant.now().isBefore(deadline)) {
            Response log = api.asAdmin().get("/api/v2/webhooks/" + webhookId + "/deliveries");
            assertEquals(200, log.statusCode(), log.asString());
            rows = json(log).getJsonArray("items").getValuesAs(JsonObject.class);
            Thread.sleep(200);
        }

        assertEquals(3, rows.size(), rows.toString());
        assertEquals(List.of(3, 2, 1), rows.stream().map(row -> row.getInt("attempt")).toList());
        assertEquals(List.of(200, 500, 500), rows.stream().map(row -> row.getInt("responseStatus")).toList());
        assertEquals(List.of("delivered", "error", "error"), rows.stream().map(row -> row.getString("outcome")).toList());
        for (JsonObject row : rows) {
            assertEquals(requests.get(0).deliveryId(), row.getString("deliveryId"));
            assertEquals("service_account.disabled", row.getString("eventType"));
            assertTrue(row.getInt("latencyMs") >= 0, row.toString());
            assertTrue(row.containsKey("attemptedAt"), row.toString());
        }
        assertTrue(rows.get(1).getString("error").contains("500"), rows.toString());
    }

    @Test
    void pausedEventLoggedAsSkipped() throws Exception {
        String webhookId = createWebhook("/skipped", "service_account.disabled").getString("id");
        Response pause = api.adminPost("/api/v2/webhooks/" + webhookId + "/pause");
        assertEquals(200, pause.statusCode(), pause.asString());
        WardenApi.Credentials account = api.createServiceAccount(List.of("incidents:read"), null);
        disable(account.clientId());

        Response log = api.asAdmin().get("/api/v2/webhooks/" + webhookId + "/deliveries");

        assertEquals(200, log.statusCode(), log.asString());
        List<JsonObject> rows = json(log).getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(1, rows.size(), rows.toString());
        assertEquals("skipped", rows.get(0).getString("outcome"));
        assertEquals(0, rows.get(0).getInt("attempt"));
    }

    @Test
    void testPingReturnsTargetStatus() throws Exception {
        JsonObject webhook = createWebhook("/ping", "incident.updated");

        Response ping = api.adminPost("/api/v2/webhooks/" + webhook.getString("id") + "/test");

        assertEquals(200, ping.statusCode(), ping.asString());
        assertEquals(200, json(ping).getInt("responseStatus"));
        assertTrue(json(ping).getBoolean("succeeded"), ping.asString());
        assertTrue(json(ping).getJsonNumber("latencyMs").longValue() >= 0, ping.asString());
        List<Received> requests = awaitRequests(request -> request.path().equals("/ping"), 1);
        assertEquals(1, requests.size());
        assertEquals("ping", requests.get(0).json().getString("type"));
        assertEquals(json(ping).getString("deliveryId"), requests.get(0).deliveryId());
        assertEquals(hmac(webhook.getString("signingSecret"), requests.get(0).timestamp() + "."
                + requests.get(0).body()), requests.get(0).signature());
    }

    @Test
    void testPingReportsServerError() {
        JsonObject webhook = createWebhook("/flaky-ping", "incident.updated");

        Response ping = api.adminPost("/api/v2/webhooks/" + webhook.getString("id") + "/test");

        assertEquals(200, ping.statusCode(), ping.asString());
        assertEquals(500, json(ping).getInt("responseStatus"));
        assertEquals(false, json(ping).getBoolean("succeeded"));
        assertTrue(json(ping).getString("error").contains("500"), ping.asString());
    }

    @Test
    void incidentChangesDelivered() throws Exception {
        String body = Json.createObjectBuilder()
                .add("name", WardenApi.uniqueName("incidents"))
                .add("url", receiverUrl("/incidents"))
                .add("eventTypes", Json.createArrayBuilder().add("incident.updated").add("comment.created"))
                .build()
                .toString();
        Response webhook = api.asAdmin().body(body).post("/api/v2/webhooks");
        assertEquals(201, webhook.statusCode(), webhook.asString());
        api.rememberSecret(json(webhook).getString("signingSecret"));
        String workspaceId = api.createWorkspace("webhook-incidents");
        String incidentId = "webhook-incident";
        api.importIncidentsOrFail(workspaceId, WardenApi.sentinelIncident(incidentId, "Webhook incident", "Low", "New",
                "2024-03-01T10:00:00Z").build());
        String incidentPath = "/api/v2/workspaces/" + workspaceId + "/incidents/" + incidentId;

        Response updated = api.asAdmin().body("{\"status\": \"Active\"}").patch(incidentPath);
        assertEquals(200, updated.statusCode(), updated.asString());
        Response comment = api.asAdmin().body("{\"message\": \"Seen by the webhook test\"}")
                .post(incidentPath + "/comments");
        assertEquals(201, comment.statusCode(), comment.asString());

        List<Received> requests = awaitRequests(about("/incidents", "workspaceId", workspaceId), 2);
        assertEquals(2, requests.size(), "requests received: " + requests);
        List<String> types = requests.stream().map(request -> request.json().getString("type")).sorted().toList();
        assertEquals(List.of("comment.created", "incident.updated"), types);
        for (Received request : requests) {
            assertEquals(incidentId, request.json().getJsonObject("data").getString("incidentId"));
        }
        Received update = requests.stream().filter(request -> request.json().getString("type")
                .equals("incident.updated")).findFirst().orElseThrow();
        assertTrue(update.json().getJsonObject("data").containsKey("changes"), update.body());
        Received created = requests.stream().filter(request -> request.json().getString("type")
                .equals("comment.created")).findFirst().orElseThrow();
        assertEquals(json(comment).getString("id"), created.json().getJsonObject("data").getString("commentId"));
    }

    @Test
    void importAndOwnerChangeDelivered() throws Exception {
        String body = Json.createObjectBuilder()
                .add("name", WardenApi.uniqueName("imports"))
                .add("url", receiverUrl("/imports"))
                .add("eventTypes", Json.createArrayBuilder().add("incident.created").add("incident.updated"))
                .build()
                .toString();
        Response webhook = api.asAdmin().body(body).post("/api/v2/webhooks");
        assertEquals(201, webhook.statusCode(), webhook.asString());
        api.rememberSecret(json(webhook).getString("signingSecret"));
        String workspaceId = api.createWorkspace("webhook-imports");
        String incidentId = "imported-incident";
        JsonObject incident = WardenApi.sentinelIncident(incidentId, "Imported incident", "Low", "New",
                "2024-03-01T10:00:00Z").build();

        api.importIncidentsOrFail(workspaceId, incident);
        List<Received> created = awaitRequests(about("/imports", "workspaceId", workspaceId), 1);
        api.importIncidentsOrFail(workspaceId, incident);
        api.importIncidentsOrFail(workspaceId, WardenApi.sentinelIncident(incidentId, "Imported incident", "High",
                "New", "2024-03-01T10:00:00Z").build());
        String adminId = json(api.asAdmin().get("/api/v2/me")).getString("id");
        Response assigned = api.asAdmin().body("{\"userId\": \"" + adminId + "\"}")
                .put("/api/v2/workspaces/" + workspaceId + "/incidents/" + incidentId + "/owner");
        assertEquals(200, assigned.statusCode(), assigned.asString());
        awaitRequests(about("/imports", "workspaceId", workspaceId), 3);
        Thread.sleep(2000);
        List<Received> requests = received.stream().filter(about("/imports", "workspaceId", workspaceId)).toList();

        assertEquals(1, created.size(), "requests received: " + received);
        JsonObject createdData = created.get(0).json().getJsonObject("data");
        assertEquals("incident.created", created.get(0).json().getString("type"));
        assertEquals(incidentId, createdData.getString("incidentId"));
        assertEquals("Imported incident", createdData.getString("title"));
        assertEquals("Low", createdData.getString("severity"));
        assertEquals(3, requests.size(), "expected created, severity and owner events only: " + requests);
        List<JsonObject> changes = requests.stream()
                .filter(request -> request.json().getString("type").equals("incident.updated"))
                .map(request -> request.json().getJsonObject("data").getJsonObject("changes")).toList();
        JsonObject severity = changes.stream().filter(change -> change.containsKey("severity")).findFirst()
                .orElseThrow(() -> new AssertionError("no severity change in " + changes));
        assertEquals("High", severity.getJsonObject("severity").getString("after"));
        JsonObject owner = changes.stream().filter(change -> change.containsKey("owner.userId")).findFirst()
                .orElseThrow(() -> new AssertionError("no owner change in " + changes));
        assertEquals(adminId, owner.getJsonObject("owner.userId").getString("after"));
        assertEquals(api.adminUser(), owner.getJsonObject("owner.userPrincipalName").getString("after"));
    }

    @Test
    void redirectFollowedOnlyWhenEnabled() throws Exception {
        JsonObject webhook = createWebhook("/moved", "incident.updated");
        String path = "/api/v2/webhooks/" + webhook.getString("id");

        Response notFollowed = api.adminPost(path + "/test");
        Response enabled = api.asAdmin().body("{\"followRedirects\": true}").patch(path);
        Response followed = api.adminPost(path + "/test");

        assertEquals(200, notFollowed.statusCode(), notFollowed.asString());
        assertEquals(307, json(notFollowed).getInt("responseStatus"));
        assertTrue(json(notFollowed).getString("error").contains("followRedirects"), notFollowed.asString());
        assertEquals(200, enabled.statusCode(), enabled.asString());
        assertEquals(200, followed.statusCode(), followed.asString());
        assertTrue(json(followed).getBoolean("succeeded"), followed.asString());
        List<Received> redirected = awaitRequests(request -> request.path().equals("/moved-here"), 1);
        assertEquals(1, redirected.size(), "requests received: " + received);
        assertEquals(json(followed).getString("deliveryId"), redirected.get(0).deliveryId());
        assertEquals(hmac(webhook.getString("signingSecret"), redirected.get(0).timestamp() + "."
                + redirected.get(0).body()), redirected.get(0).signature());
    }

    @Test
    void redirectToPrivateAddressRejected() {
        JsonObject webhook = createWebhook("/moved-away", "incident.updated");
        String path = "/api/v2/webhooks/" + webhook.getString("id");
        Response enabled = api.asAdmin().body("{\"followRedirects\": true}").patch(path);
        assertEquals(200, enabled.statusCode(), enabled.asString());

        Response ping = api.adminPost(path + "/test");

        assertEquals(200, ping.statusCode(), ping.asString());
        assertEquals(false, json(ping).getBoolean("succeeded"));
        assertEquals(302, json(ping).getInt("responseStatus"));
        assertTrue(json(ping).getString("error").contains("a private address"), ping.asString());
    }

    @Test
    void resumeReplaysSkippedOnlyWhenAsked() throws Exception {
        String plainId = createWebhook("/resumed-plain", "service_account.disabled").getString("id");
        String replayId = createWebhook("/resumed-replay", "service_account.disabled").getString("id");
        assertEquals(200, api.adminPost("/api/v2/webhooks/" + plainId + "/pause").statusCode());
        assertEquals(200, api.adminPost("/api/v2/webhooks/" + replayId + "/pause").statusCode());
        WardenApi.Credentials account = api.createServiceAccount(List.of("incidents:read"), null);
        disable(account.clientId());
        Response skippedLog = api.asAdmin().get("/api/v2/webhooks/" + replayId + "/deliveries");
        String skippedDeliveryId = json(skippedLog).getJsonArray("items").getJsonObject(0).getString("deliveryId");

        Response invalid = api.adminPost("/api/v2/webhooks/" + replayId + "/resume?replaySkipped=yes");
        Response plain = api.adminPost("/api/v2/webhooks/" + plainId + "/resume");
        Response replay = api.adminPost("/api/v2/webhooks/" + replayId + "/resume?replaySkipped=true");
        List<Received> replayed = awaitRequests(about("/resumed-replay", "serviceAccountId", account.clientId()), 1);
        Thread.sleep(2000);

        assertEquals(400, invalid.statusCode(), invalid.asString());
        assertEquals(List.of("replaySkipped"), WardenApi.errorFields(invalid));
        assertEquals(200, plain.statusCode(), plain.asString());
        assertEquals("active", json(plain).getString("status"));
        assertTrue(!json(plain).containsKey("replayedEvents"), plain.asString());
        assertEquals(200, replay.statusCode(), replay.asString());
        assertEquals(1, json(replay).getInt("replayedEvents"));
        assertEquals(1, replayed.size(), "requests received: " + received);
        assertEquals(skippedDeliveryId, replayed.get(0).deliveryId());
        assertEquals(List.of(), received.stream().filter(request -> request.path().equals("/resumed-plain")).toList());
    }

    @Test
    void pausedWebhookDeliversNothing() throws Exception {
        JsonObject paused = createWebhook("/paused", "service_account.disabled");
        Response pause = api.adminPost("/api/v2/webhooks/" + paused.getString("id") + "/pause");
        assertEquals(200, pause.statusCode(), pause.asString());
        createWebhook("/active", "service_account.disabled");
        WardenApi.Credentials account = api.createServiceAccount(List.of("incidents:read"), null);
        disable(account.clientId());

        List<Received> active = awaitRequests(about("/active", "serviceAccountId", account.clientId()), 1);
        assertEquals(1, active.size(), "the active webhook received nothing: " + received);
        Thread.sleep(3000);

        List<Received> toPaused = new ArrayList<>(received.stream().filter(request -> request.path().equals("/paused"))
                .toList());
        assertEquals(List.of(), toPaused);
    }
}
