package io.warden.platform.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every setting of the server, read through MicroProfile Config. Each property name is also the
 * environment variable that sets it; the README lists them with their defaults.
 */
@ApplicationScoped
public class WardenConfig {

    @Inject
    @ConfigProperty(name = "WARDEN_DATA_DIR")
    Optional<String> dataDir;

    @Inject
    @ConfigProperty(name = "WARDEN_ADMIN_USER", defaultValue = "admin")
    String adminUser;

    @Inject
    @ConfigProperty(name = "WARDEN_ADMIN_PASSWORD")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "WARDEN_ORGANIZATION_NAME", defaultValue = "Default organization")
    String organizationName;

    @Inject
    @ConfigProperty(name = "WARDEN_CREDENTIAL_CACHE_MILLIS", defaultValue = "1000")
    long credentialCacheMillis;

    @Inject
    @ConfigProperty(name = "WARDEN_REQUEST_LOG_BUFFER", defaultValue = "10000")
    int requestLogBufferSize;

    @Inject
    @ConfigProperty(name = "WARDEN_REQUEST_LOG_RETENTION_DAYS", defaultValue = "90")
    int requestLogRetentionDays;

    @Inject
    @ConfigProperty(name = "WARDEN_TRUSTED_PROXIES")
    Optional<String> trustedProxies;

    /** Returns how many finished requests may wait for the background writer before new ones are dropped. */
    public int requestLogBufferSize() {
        return Math.max(100, requestLogBufferSize);
    }

    /** Returns how long request-log entries are kept. */
    public Duration requestLogRetention() {
        return Duration.ofDays(Math.max(1, requestLogRetentionDays));
    }

    /** Returns the comma-separated proxies whose X-Forwarded-For header is believed (empty: none). */
    public String trustedProxies() {
        return trustedProxies.map(String::strip).orElse("");
    }

    /** Returns the folder for generated files (admin password, keys); it lies outside the repository. */
    public Path dataDir() {
        String home = System.getenv("HOME") == null ? System.getProperty("user.home") : System.getenv("HOME");
        // Same default as the server.xml variable of the same name, which places the embedded database.
        return Path.of(dataDir.filter(value -> !value.isBlank()).orElse(home + "/.warden"));
    }

    public String adminUser() {
        return adminUser;
    }

    public Optional<String> adminPassword() {
        return adminPassword.filter(value -> !value.isEmpty());
    }

    public String organizationName() {
        return organizationName;
    }

    /**
     * Returns how long a verified credential may be served from memory before the database is read
     * again. Changes made on this node evict at once; this bounds how late other nodes see them.
     */
    public Duration credentialCacheTtl() {
        return Duration.ofMillis(Math.max(0, credentialCacheMillis));
    }
}
