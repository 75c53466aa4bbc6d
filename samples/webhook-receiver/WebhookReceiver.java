import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local receiver for trying Warden webhooks. It listens on 127.0.0.1, checks the
 * X-Warden-Signature of every POST with the webhook's signing secret, prints the event and
 * responds 204, or 401 when the signature does not match.
 *
 * <p>Run it with the JDK alone: {@code java WebhookReceiver.java PORT SECRET_FILE}. The secret is
 * read from a file so that it never appears in a command line or shell history.
 */
public class WebhookReceiver {

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("Usage: java WebhookReceiver.java PORT SECRET_FILE");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        byte[] secret = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8).strip()
                .getBytes(StandardCharsets.UTF_8);

        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", exchange -> receive(exchange, secret));
        server.start();
        System.out.println("Listening on http://127.0.0.1:" + port + "/ (stop with Ctrl+C)");
    }

    private static void receive(HttpExchange exchange, byte[] secret) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String timestamp = header(exchange, "X-Warden-Timestamp");
        String signature = header(exchange, "X-Warden-Signature");
        boolean valid = MessageDigest.isEqual(expectedSignature(secret, timestamp, body)
                .getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));

        System.out.println(header(exchange, "X-Warden-Event") + " delivery " + header(exchange, "X-Warden-Delivery")
                + ": signature " + (valid ? "valid" : "INVALID"));
        System.out.println("  " + body);
        exchange.sendResponseHeaders(valid ? 204 : 401, -1);
        exchange.close();
    }

    private static String header(HttpExchange exchange, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? "" : value;
    }

    /** Returns {@code sha256=} and the hex HMAC-SHA256 of {@code timestamp + "." + body}. */
    private static String expectedSignature(byte[] secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }
}
