package io.warden.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Redirect handling of {@link WebhookHttp} against a real HTTP server on 127.0.0.1. */
class WebhookHttpTest {

    private static final WebhookHttp.SignedRequest SIGNED = new WebhookHttp.SignedRequest("delivery-1",
            "incident.updated", "{\"id\":\"delivery-1\"}", "test-signing-secret");
    private static final WebhookHttp.UrlCheck ACCEPT_ALL = url -> Optional.empty();

    /** Path and signature of one request that the server got. */
    private record Received(String path, String signature, String body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", this::respond);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    /** Redirects /hop/N to /hop/N-1, /hop/0 to /final, /loop to itself, and responds 204 elsewhere. */
    private void respond(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String path = exchange.getRequestURI().getPath();
        received.add(new Received(path, exchange.getRequestHeaders().getFirst("X-Warden-Signature"), body));
        if (path.startsWith("/hop/")) {
            int hops = Integer.parseInt(path.substring("/hop/".length()));
            exchange.getResponseHeaders().add("Location", hops == 0 ? "/final" : "/hop/" + (hops - 1));
            exchange.sendResponseHeaders(307, -1);
        } else if (path.equals("/loop")) {
            exchange.getResponseHeaders().add("Location", "/loop");
            exchange.sendResponseHeaders(308, -1);
        } else if (path.equals("/elsewhere")) {
            exchange.getResponseHeaders().add("Location", "https://10.1.2.3/hook");
            exchange.sendResponseHeaders(302, -1);
        } else {
            exchange.sendResponseHeaders(204, -1);
        }
        exchange.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void redirectNotFollowedByDefault() {
        WebhookHttp.Result result = new WebhookHttp().send(url("/hop/0"), false, ACCEPT_ALL, SIGNED);

        assertEquals(307, result.status());
        assertFalse(result.succeeded());
        assertFalse(result.retryable());
        assertTrue(result.error().contains("followRedirects"), result.error());
        assertEquals(List.of("/hop/0"), received.stream().map(Received::path).toList());
    }

    @Test
    void redirectFollowedWithSameSignedBody() {
        WebhookHttp.Result result = new WebhookHttp().send(url("/hop/1"), true, ACCEPT_ALL, SIGNED);

        assertEquals(204, result.status());
        assertNull(result.error());
        assertEquals(List.of("/hop/1", "/hop/0", "/final"), received.stream().map(Received::path).toList());
        assertEquals(1, received.stream().map(Received::signature).distinct().count(), received.toString());
        assertTrue(received.stream().allMatch(request -> request.body().equals(SIGNED.body())), received.toString());
    }

    @Test
    void redirectTargetCheckedBeforeContact() {
        WebhookUrlValidator validator = new WebhookUrlValidator(Set.of("127.0.0.1"),
                InetAddress::getAllByName);

        WebhookHttp.Result result = new WebhookHttp().send(url("/elsewhere"), true, validator::rejectionOf, SIGNED);

        assertEquals(302, result.status());
        assertFalse(result.retryable());
        assertTrue(result.error().contains("a private address"), result.error());
        assertEquals(List.of("/elsewhere"), received.stream().map(Received::path).toList());
    }

    @Test
    void redirectLoopStopsAfterLimit() {
        WebhookHttp.Result result = new WebhookHttp().send(url("/loop"), true, ACCEPT_ALL, SIGNED);

        assertEquals(308, result.status());
        assertTrue(result.error().contains("more than " + WebhookHttp.MAX_REDIRECTS), result.error());
        assertEquals(WebhookHttp.MAX_REDIRECTS + 1, received.size());
    }

    @Test
    void serverErrorIsRetryable() {
        server.removeContext("/");
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });

        WebhookHttp.Result result = new WebhookHttp().send(url("/down"), true, ACCEPT_ALL, SIGNED);

        assertEquals(503, result.status());
        assertTrue(result.retryable());
    }
}
