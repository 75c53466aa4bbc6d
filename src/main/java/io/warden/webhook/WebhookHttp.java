package io.warden.webhook;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;

/** Sends one signed webhook request and classifies the outcome for the retry rules. */
public final class WebhookHttp {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /**
     * The outcome of one attempt. {@code status} is null when no response arrived. Network errors,
     * 5xx, 408 and 429 are retryable, and other statuses outside 2xx are not.
     */
    public record Result(Integer status, Duration latency, String error, boolean retryable) {

        static Result response(int status, Duration latency) {
            boolean succeeded = status >= 200 && status < 300;
            return new Result(status, latency, succeeded ? null : "the target responded with HTTP " + status,
                    status >= 500 || status == 408 || status == 429);
        }

        static Result networkError(Duration latency, String error) {
            return new Result(null, latency, error, true);
        }

        /** Creates the result of an attempt that was not sent and cannot succeed by retrying, such as a rejected URL. */
        static Result notSent(String error) {
            return new Result(null, Duration.ZERO, error, false);
        }

        public boolean succeeded() {
            return status != null && status >= 200 && status < 300;
        }
    }

    /** Posts {@code body} to {@code url} with the delivery, timestamp and signature headers. */
    public Result send(String url, String deliveryId, String eventType, String body, String secret) {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Warden-Webhooks")
                .header("X-Warden-Delivery", deliveryId)
                .header("X-Warden-Event", eventType)
                .header("X-Warden-Timestamp", timestamp)
                .header("X-Warden-Signature", WebhookSigning.signature(secret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long started = System.nanoTime();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            return Result.response(response.statusCode(), Duration.ofNanos(System.nanoTime() - started));
        } catch (HttpTimeoutException e) {
            return Result.networkError(Duration.ofNanos(System.nanoTime() - started),
                    "timed out (connect " + CONNECT_TIMEOUT.toSeconds() + " s, request " + REQUEST_TIMEOUT.toSeconds()
                            + " s)");
        } catch (ConnectException e) {
            return Result.networkError(Duration.ofNanos(System.nanoTime() - started), "connection failed");
        } catch (IOException e) {
            return Result.networkError(Duration.ofNanos(System.nanoTime() - started),
                    "network error: " + (e.getMessage() == null ? "no detail" : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.networkError(Duration.ofNanos(System.nanoTime() - started), "interrupted during shutdown");
        }
    }
}
