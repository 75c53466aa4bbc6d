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
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Webhook delivery across a restart of every server that could send it.
 *
 * <p>The second server stops first, because with embedded Derby it reaches the database through
 * the first one. The receiver keeps the first attempt open until the first server has begun to
 * stop, then responds 500. Liberty waits for that running attempt before it stops the application,
 * so the delivery is recorded as pending its retry while no server runs. Both servers start again
 * afterwards and must send the retry exactly once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookRestartIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Longer than the 4 s before a third attempt would follow a failed second one. */
    private static final Duration QUIET_PERIOD = Duration.ofSeconds(6);

    /** One request that the receiver got, with the status it responded with. */
    private record Received(Instant arrivedAt, String path, String deliveryId, String body, int status) {
    }

    private final WardenApi api = new WardenApi();
    private final TestServer first = TestServer.first();
    private final TestServer second = TestServer.second();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstAttemptArrived = new CountDownLatch(1);
    private final CountDownLatch firstAttemptReleased = new CountDownLatch(1);
    private final ExecutorService receiverThreads = Executors.newCachedThreadPool();
    private HttpServer receiver;

    @BeforeAll
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        receiver.setExecutor(receiverThreads);
        receiver.createContext("/", this::receive);
        receiver.start();
    }

    @AfterAll
    void restoreServersAndCheckLogs() throws IOException {
        firstAttemptReleased.countDown();
        try {
            first.ensureReady();
            second.ensureReady();
        } finally {
            receiver.stop(0);
            receiverThreads.shutdownNow();
        }
        api.assertNoErrorsInServerLog();
        WardenApi.assertNoErrorsInServerLog(Path.of(System.getProperty("warden.it.node2.logDir")));
        api.assertNoSecretsInServerLogs();
    }

    /**
     * Records the request. The first request to /restart waits until the test releases it and then
     * gets 500, and every later request gets 200.
     */
    private void receive(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Instant arrivedAt = Instant.now();
        String path = exchange.getRequestURI().getPath();
        boolean firstAttempt = path.equals("/restart") && firstAttemptArrived.getCount() > 0;
        int status = 200;
        if (firstAttempt) {
            status = 500;
            firstAttemptArrived.countDown();
            awaitRelease();
        }
        received.add(new Received(arrivedAt, path, exchange.getRequestHeaders().getFirst("X-Warden-Delivery"), body,
                status));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private void awaitRelease() {
        try {
            firstAttemptReleased.await(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<Received> requestsTo(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    private void awaitRequests(String path, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (requestsTo(path).size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
    }

    /** Creates a webhook for {@code service_account.disabled} to the receiver and returns its id. */
    private String createWebhook(String path) {
        String body = Json.createObjectBuilder()
                .add("name", WardenApi.uniqueName("restart"))
                .add("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + path)
                .add("eventTypes", Json.createArrayBuilder().add("service_account.disabled"))
                .build()
                .toString();
        Response created = api.asAdmin().body(body).post("/api/v2/webhooks");
        assertEquals(201, created.statusCode(), created.asString());
        api.rememberSecret(json(created).getString("signingSecret"));
        return json(created).getString("id");
    }

    /** Returns the delivery-log rows of a webhook, newest first. */
    private List<JsonObject> deliveryLog(String webhookId) {
        Response log = api.asAdmin().get("/api/v2/webhooks/" + webhookId + "/deliveries");
        assertEquals(200, log.statusCode(), log.asString());
        return json(log).getJsonArray("items").getValuesAs(JsonObject.class);
    }

    @Test
    void restartMidRetryDeliversOnce() throws Exception {
        second.stop();
        String webhookId = createWebhook("/restart");
        WardenApi.Credentials account = api.createServiceAccount(List.of("incidents:read"), null);
        Response disabled = api.adminPost("/api/v2/service-accounts/" + account.clientId() + "/disable");
        assertEquals(200, disabled.statusCode(), disabled.asString());

        assertTrue(firstAttemptArrived.await(WAIT.toSeconds(), TimeUnit.SECONDS), "the first attempt never arrived");
        TestServer.ScriptRun stopping = first.beginStop();
        try {
            first.awaitPortClosed(WAIT);
        } finally {
            firstAttemptReleased.countDown();
        }
        first.awaitSuccess(stopping);
        Instant stoppedAt = Instant.now();
        assertEquals(1, requestsTo("/restart").size(), "a request arrived while the servers stopped: " + received);

        first.start();
        TestServer.ScriptRun secondStarting = second.beginStart();
        awaitRequests("/restart", 2);
        Thread.sleep(QUIET_PERIOD.toMillis());
        second.awaitSuccess(secondStarting);

        List<Received> requests = requestsTo("/restart");
        assertEquals(2, requests.size(), "requests received: " + requests);
        assertEquals(500, requests.get(0).status());
        assertEquals(200, requests.get(1).status());
        assertTrue(requests.get(1).arrivedAt().isAfter(stoppedAt), "the retry arrived before the restart");
        String deliveryId = requests.get(0).deliveryId();
        assertEquals(deliveryId, requests.get(1).deliveryId());
        assertEquals(requests.get(0).body(), requests.get(1).body());
        assertEquals(deliveryId, WardenApi.json(requests.get(1).body()).getString("id"));
        assertEquals(account.clientId(), WardenApi.json(requests.get(1).body()).getJsonObject("data")
                .getString("serviceAccountId"));

        List<JsonObject> rows = deliveryLog(webhookId);
        assertEquals(2, rows.size(), rows.toString());
        assertEquals(List.of(2, 1), rows.stream().map(row -> row.getInt("attempt")).toList());
        assertEquals(List.of("delivered", "error"), rows.stream().map(row -> row.getString("outcome")).toList());
        assertEquals(List.of(200, 500), rows.stream().map(row -> row.getInt("responseStatus")).toList());
        for (JsonObject row : rows) {
            assertEquals(deliveryId, row.getString("deliveryId"));
        }
    }
}
