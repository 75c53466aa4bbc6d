package io.warden.it;

import static io.warden.it.WardenApi.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code credential.expiring} events from the 15-second expiry sweep of both test servers, which
 * share one database, sent to a real HTTP receiver on 127.0.0.1. The servers run with the default
 * lead times of 14, 7 and 1 days.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CredentialExpiryNoticeIT {

    /** The sweep runs every 15 seconds, so this leaves room for two periods, the delivery and a slow machine. */
    private static final Duration WAIT = Duration.ofSeconds(50);
    /** Two more sweep periods, after which a repeated notice would have arrived. */
    private static final Duration REPEAT_WAIT = Duration.ofSeconds(35);

    /** One request that the receiver got. */
    private record Received(String path, String timestamp, String signature, String body) {

        JsonObject json() {
            return WardenApi.json(body);
        }

        JsonObject data() {
            return json().getJsonObject("data");
        }
    }

    private final WardenApi api = new WardenApi();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> webhookIds = new CopyOnWriteArrayList<>();
    private HttpServer receiver;

    @BeforeAll
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        receiver.createContext("/", this::receive);
        receiver.start();
    }

    /** Deletes the webhooks first, so later notices for other tests' credentials are not sent to a stopped receiver. */
    @AfterAll
    void stopReceiver() throws IOException {
        for (String webhookId : webhookIds) {
            api.asAdmin().delete("/api/v2/webhooks/" + webhookId);
        }
        receiver.stop(0);
        api.assertNoSecretsInServerLogs();
    }

    private void receive(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        received.add(new Received(exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("X-Warden-Timestamp"),
                exchange.getRequestHeaders().getFirst("X-Warden-Signature"), body));
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }

    /** Creates a webhook for credential.expiring to the receiver and returns its signing secret. */
    private String createWebhook(String path) {
        String body = Json.createObjectBuilder()
                .add("name", WardenApi.uniqueName("expiring"))
                .add("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + path)
                .add("eventTypes", Json.createArrayBuilder().add("credential.expiring"))
                .build()
                .toString();
        Response created = api.asAdmin().body(body).post("/api/v2/webhooks");
        assertEquals(201, created.statusCode(), created.asString());
        webhookIds.add(json(created).getString("id"));
        String secret = json(created).getString("signingSecret");
        api.rememberSecret(secret);
        return secret;
    }

    private List<Received> receivedOn(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    private List<Received> aboutCredential(String path, String credentialId) {
        return receivedOn(path).stream()
                .filter(request -> request.data().getString("credentialId", "").equals(credentialId))
                .toList();
    }

    private List<Received> awaitAboutCredential(String path, String credentialId) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        List<Received> matching = aboutCredential(path, credentialId);
        while (matching.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            matching = aboutCredential(path, credentialId);
        }
        return matching;
    }

    private static String expiresIn(Duration left) {
        return Instant.now().plus(left).truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static String hmac(String secret, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    /** Returns each recorded lead time of the credential with whether its event was sent. */
    private Map<Integer, Boolean> recordedNotices(String credentialId) throws SQLException {
        Map<Integer, Boolean> notices = new TreeMap<>();
        try (Connection database = api.openDatabase();
                PreparedStatement select = database.prepareStatement(
                        "SELECT lead_days, sent FROM credential_expiry_notice WHERE credential_id = ?")) {
            select.setString(1, credentialId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    notices.put(rows.getInt(1), rows.getBoolean(2));
                }
            }
        }
        return notices;
    }

    /** Asserts that no sweep run on either node logged an error, which the other node's runs could hide. */
    private static void assertNoSweepErrorsLogged() throws IOException {
        Pattern sweepError = Pattern.compile("CredentialExpirySweep\\s+E ");
        for (String property : List.of("warden.it.logDir", "warden.it.node2.logDir")) {
            Path messages = Path.of(System.getProperty(property)).resolve("messages.log");
            List<String> errors = Files.readAllLines(messages, StandardCharsets.ISO_8859_1).stream()
                    .filter(line -> sweepError.matcher(line).find())
                    .toList();
            assertEquals(List.of(), errors, "expiry sweep errors in " + messages);
        }
    }

    @Test
    void expiringCredentialNotifiedOnce() throws Exception {
        String secret = createWebhook("/expiring");
        WardenApi.Credentials account = api.createServiceAccount(List.of("incidents:read"), null);
        Response view = api.asAdmin().get("/api/v2/service-accounts/" + account.clientId());
        String accountName = json(view).getString("name");
        String expiresAt = expiresIn(Duration.ofHours(20));
        WardenApi.Credentials expiring = api.issueCredential(account.clientId(), List.of("incidents:read"), expiresAt);

        List<Received> requests = awaitAboutCredential("/expiring", expiring.credentialId());

        assertEquals(1, requests.size(), "requests received: " + received);
        Received request = requests.get(0);
        assertEquals(hmac(secret, request.timestamp() + "." + request.body()), request.signature());
        assertEquals("credential.expiring", request.json().getString("type"));
        JsonObject data = request.data();
        assertEquals(1, data.getInt("daysBefore"));
        assertEquals(account.clientId(), data.getString("serviceAccountId"));
        assertEquals(accountName, data.getString("serviceAccountName"));
        assertEquals(expiring.clientSecret().substring(0, 6), data.getString("secretPrefix"));
        assertEquals(Instant.parse(expiresAt), Instant.parse(data.getString("expiresAt")));

        Thread.sleep(REPEAT_WAIT.toMillis());
        assertEquals(1, aboutCredential("/expiring", expiring.credentialId()).size(),
                "the notice was sent again by a later sweep or the other node");
        assertEquals(Map.of(1, true, 7, false, 14, false), recordedNotices(expiring.credentialId()));
        assertNoSweepErrorsLogged();
    }

    @Test
    void onlyDueActiveCredentialsNotified() throws Exception {
        WardenApi.Credentials holder = api.createServiceAccount(List.of("incidents:read"), null);
        WardenApi.Credentials revoked = api.issueCredential(holder.clientId(), List.of("incidents:read"),
                expiresIn(Duration.ofHours(20)));
        Response revoke = api.adminPost("/api/v2/service-accounts/" + holder.clientId() + "/credentials/"
                + revoked.credentialId() + "/revoke");
        assertEquals(200, revoke.statusCode(), revoke.asString());
        WardenApi.Credentials disabledAccount = api.createServiceAccount(List.of("incidents:read"), null);
        api.issueCredential(disabledAccount.clientId(), List.of("incidents:read"), expiresIn(Duration.ofHours(20)));
        Response disable = api.adminPost("/api/v2/service-accounts/" + disabledAccount.clientId() + "/disable");
        assertEquals(200, disable.statusCode(), disable.asString());
        // The webhook comes after the revocation and the disable, so no sweep can publish their
        // notices before they take effect.
        createWebhook("/expiring-mixed");
        WardenApi.Credentials inTenDays = api.issueCredential(holder.clientId(), List.of("incidents:read"),
                expiresIn(Duration.ofDays(10)));
        api.issueCredential(holder.clientId(), List.of("incidents:read"), expiresIn(Duration.ofDays(30)));

        List<Received> requests = awaitAboutCredential("/expiring-mixed", inTenDays.credentialId());
        assertEquals(1, requests.size(), "requests received: " + received);
        assertEquals(14, requests.get(0).data().getInt("daysBefore"));
        Thread.sleep(REPEAT_WAIT.toMillis());

        List<String> accounts = List.of(holder.clientId(), disabledAccount.clientId());
        List<String> notified = receivedOn("/expiring-mixed").stream()
                .filter(request -> accounts.contains(request.data().getString("serviceAccountId")))
                .map(request -> request.data().getString("credentialId"))
                .toList();
        assertEquals(List.of(inTenDays.credentialId()), notified);
        assertNoSweepErrorsLogged();
    }
}
