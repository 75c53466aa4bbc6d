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
import java.util.Optional;
import java.util.Set;

/**
 * Sends one signed webhook request and classifies the outcome for the retry rules. Redirects are
 * followed only on request, at most {@value #MAX_REDIRECTS} times, and each redirect target passes
 * the same URL check as the configured target before it is contacted.
 */
public final class WebhookHttp {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    static final int MAX_REDIRECTS = 3;
    private static final Set<Integer> REDIRECT_STATUSES = Set.of(301, 302, 303, 307, 308);

    /** Checks a URL before it is contacted; see {@link WebhookUrlValidator#rejectionOf}. */
    @FunctionalInterface
    public interface UrlCheck {
        Optional<String> rejectionOf(String url);
    }

    /** One signed request: the same body, headers and signature go to every redirect target. */
    public record SignedRequest(String deliveryId, String eventType, String body, String secret) {
    }

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

    /**
     * Posts the request to {@code url} with the delivery, timestamp and signature headers. A redirect
     * response fails the attempt unless {@code followRedirects} is set. Then the same POST goes to
     * the {@code Location} target once {@code check} accepts it.
     */
    public Result send(String url, boolean followRedirects, UrlCheck check, SignedRequest signed) {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String signature = WebhookSigning.signature(signed.secret(), timestamp, signed.body());
        long started = System.nanoTime();
        URI target = URI.create(url);
        for (int redirects = 0; ; redirects++) {
            HttpResponse<Void> response;
            try {
                response = client.send(request(target, signed, timestamp, signature),
                        HttpResponse.BodyHandlers.discarding());
            } catch (HttpTimeoutException e) {
                return Result.networkError(since(started), "timed out (connect " + CONNECT_TIMEOUT.toSeconds()
                        + " s, request " + REQUEST_TIMEOUT.toSeconds() + " s)");
            } catch (ConnectException e) {
                return Result.networkError(since(started), "connection to " + target.getHost() + " failed");
            } catch (IOException e) {
                return Result.networkError(since(started),
                        "network error: " + (e.getMessage() == null ? "no detail" : e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Result.networkError(since(started), "interrupted during shutdown");
            }

            int status = response.statusCode();
            if (!REDIRECT_STATUSES.contains(status)) {
                return Result.response(status, since(started));
            }
            if (!followRedirects) {
                return new Result(status, since(started), "the target redirected with HTTP " + status
                        + "; redirects are followed only when the webhook's followRedirects is true", false);
            }
            if (redirects == MAX_REDIRECTS) {
                return new Result(status, since(started), "the target redirected more than " + MAX_REDIRECTS
                        + " times", false);
            }
            Optional<String> location = response.headers().firstValue("Location");
            if (location.isEmpty()) {
                return new Result(status, since(started), "the target redirected with HTTP " + status
                        + " but sent no Location header", false);
            }
            URI next;
            try {
                next = target.resolve(location.get());
            } catch (IllegalArgumentException e) {
                return new Result(status, since(started), "the target redirected to an invalid Location", false);
            }
            Optional<String> rejection = check.rejectionOf(next.toString());
            if (rejection.isPresent()) {
                return new Result(status, since(started), "the redirect target is rejected: url "
                        + rejection.get(), false);
            }
            target = next;
        }
    }

    private HttpRequest request(URI target, SignedRequest signed, String timestamp, String signature) {
        return HttpRequest.newBuilder(target)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Warden-Webhooks")
                .header("X-Warden-Delivery", signed.deliveryId())
                .header("X-Warden-Event", signed.eventType())
                .header("X-Warden-Timestamp", timestamp)
                .header("X-Warden-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(signed.body()))
                .build();
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
