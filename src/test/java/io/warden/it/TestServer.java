package io.warden.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One of the Liberty servers that the build starts for the integration tests, stopped and started
 * through the runtime's {@code bin/server} script, as an operator would.
 *
 * <p>{@code server stop} returns once the server process has ended, and {@code server start} once
 * the server reports that it started. Liberty stops a server gracefully: it closes the HTTP ports
 * first and then waits up to 30 seconds for running work to finish before it stops the application.
 */
final class TestServer {

    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final Path script;
    private final String name;
    private final URI baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer(Path script, String name, URI baseUrl) {
        this.script = script;
        this.name = name;
        this.baseUrl = baseUrl;
        if (!baseUrl.getHost().equals("127.0.0.1") && !baseUrl.getHost().equals("localhost")) {
            throw new IllegalStateException("test server " + name + " must listen on 127.0.0.1 or localhost, not "
                    + baseUrl);
        }
    }

    /** Returns the first test server, which with embedded Derby also serves the database to the second. */
    static TestServer first() {
        return new TestServer(Path.of(property("warden.it.serverScript")), property("warden.it.serverName"),
                URI.create(property("warden.it.baseUrl")));
    }

    /** Returns the second test server, another node on the same database. */
    static TestServer second() {
        return new TestServer(Path.of(property("warden.it.serverScript")), property("warden.it.node2.serverName"),
                URI.create(property("warden.it.node2.baseUrl")));
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is missing: run the tests through "
                    + "'mvn verify', which sets it for failsafe");
        }
        return value;
    }

    String name() {
        return name;
    }

    /** One run of the server script, with the file that collects its output. */
    record ScriptRun(String action, Process process, Path output) {
    }

    /** Starts {@code server stop} without waiting for it. */
    ScriptRun beginStop() {
        return launch("stop");
    }

    /** Stops the server and fails unless the script reports success. */
    void stop() {
        awaitSuccess(beginStop());
    }

    /** Starts {@code server start} without waiting for it. */
    ScriptRun beginStart() {
        return launch("start");
    }

    /** Starts the server and waits until its readiness check returns 200. */
    void start() {
        awaitSuccess(beginStart());
        awaitReady();
    }

    /** Returns whether {@code server status} reports the server process as running. */
    boolean isRunning() {
        return awaitExit(launch("status")) == 0;
    }

    /** Starts the server unless it runs, then waits until its readiness check returns 200. */
    void ensureReady() {
        if (!isRunning()) {
            awaitSuccess(beginStart());
        }
        awaitReady();
    }

    /** Waits for a script run and fails unless it exited with 0. */
    void awaitSuccess(ScriptRun run) {
        int exitCode = awaitExit(run);
        if (exitCode != 0) {
            throw new IllegalStateException("'server " + run.action() + " " + name + "' exited with " + exitCode
                    + ": " + outputOf(run));
        }
    }

    /** Waits until the HTTP port refuses connections, which Liberty does as soon as a stop begins. */
    void awaitPortClosed(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(baseUrl.getHost(), baseUrl.getPort()), 1000);
            } catch (ConnectException e) {
                return;
            } catch (IOException e) {
                // A timed-out connect proves nothing about the port, so try again.
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("HTTP port of " + name + " still accepts connections after " + timeout);
    }

    /** Waits until {@code GET /health/ready} returns 200. */
    void awaitReady() {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        String last = "no response";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(baseUrl.resolve("/health/ready"))
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + response.statusCode() + ": " + response.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name + " to become ready", e);
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException(name + " is not ready after " + READY_TIMEOUT + "; last readiness check: "
                + last);
    }

    private ScriptRun launch(String action) {
        try {
            Path output = Files.createTempFile("server-" + action + "-" + name, ".txt");
            output.toFile().deleteOnExit();
            Process process = new ProcessBuilder(List.of(script.toString(), action, name))
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            return new ScriptRun(action, process, output);
        } catch (IOException e) {
            throw new UncheckedIOException("running '" + script + " " + action + " " + name + "' failed", e);
        }
    }

    private int awaitExit(ScriptRun run) {
        Process process = run.process();
        String action = run.action();
        try {
            if (!process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("'server " + action + " " + name + "' did not finish within "
                        + SCRIPT_TIMEOUT);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for 'server " + action + " " + name + "'", e);
        }
    }

    private static String outputOf(ScriptRun run) {
        try {
            return Files.readString(run.output(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "(output unreadable: " + e + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
