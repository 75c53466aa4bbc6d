package io.warden.platform.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
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
    @ConfigProperty(name = "WARDEN_EXPIRY_NOTICE_DAYS", defaultValue = "14,7,1")
    String expiryNoticeDays;

    @Inject
    @ConfigProperty(name = "WARDEN_WEBHOOK_DELIVERY_RETENTION_DAYS")
    Optional<Integer> webhookDeliveryRetentionDays;

    @Inject
    @ConfigProperty(name = "WARDEN_TRUSTED_PROXIES")
    Optional<String> trustedProxies;

    @Inject
    @ConfigProperty(name = "WARDEN_KEYSTORE_PATH")
    Optional<String> keystorePath;

    @Inject
    @ConfigProperty(name = "WARDEN_KEYSTORE_PASSWORD")
    Optional<String> keystorePassword;

    @Inject
    @ConfigProperty(name = "WARDEN_STORE_ENCRYPTED_SECRET", defaultValue = "true")
    boolean storeEncryptedSecret;

    @Inject
    @ConfigProperty(name = "WARDEN_KEK_ROTATION_BATCH_SIZE", defaultValue = "500")
    int kekRotationBatchSize;

    @Inject
    @ConfigProperty(name = "WARDEN_WEBHOOK_ALLOWED_HOSTS")
    Optional<String> webhookAllowedHosts;

    /** Returns how many finished requests may wait for the background writer before new ones are dropped. */
    public int requestLogBufferSize() {
        return Math.max(100, requestLogBufferSize);
    }

    /** Returns how long request-log entries are kept. */
    public Duration requestLogRetention() {
        return Duration.ofDays(Math.max(1, requestLogRetentionDays));
    }

    /**
     * Returns the lead times of credential expiry notices in whole days, largest first.
     *
     * @throws IllegalArgumentException if {@code WARDEN_EXPIRY_NOTICE_DAYS} is not a comma-separated
     *         list of positive whole numbers, with a message that names the variable and the value
     */
    public List<Integer> expiryNoticeDays() {
        return parseDayList("WARDEN_EXPIRY_NOTICE_DAYS", expiryNoticeDays);
    }

    /**
     * Returns how long webhook delivery-log rows and finished outbox rows are kept, by default as
     * long as request-log entries.
     */
    public Duration webhookDeliveryRetention() {
        return webhookDeliveryRetentionDays.map(days -> Duration.ofDays(Math.max(1, days)))
                .orElseGet(this::requestLogRetention);
    }

    /**
     * Parses a comma-separated list of positive whole days, such as {@code 14,7,1}, into distinct
     * values, largest first. Spaces around an entry are ignored.
     *
     * @throws IllegalArgumentException naming the setting and the value if an entry is empty, not a
     *         whole number, zero or negative
     */
    static List<Integer> parseDayList(String name, String value) {
        TreeSet<Integer> days = new TreeSet<>(Comparator.reverseOrder());
        for (String entry : value.split(",", -1)) {
            days.add(parsePositiveDays(name, value, entry.strip()));
        }
        return List.copyOf(days);
    }

    private static int parsePositiveDays(String name, String value, String entry) {
        int days;
        try {
            days = Integer.parseInt(entry);
        } catch (NumberFormatException e) {
            throw invalidDayList(name, value);
        }
        if (days < 1) {
            throw invalidDayList(name, value);
        }
        return days;
    }

    private static IllegalArgumentException invalidDayList(String name, String value) {
        return new IllegalArgumentException(name + " is invalid: '" + value + "'. Set it to comma-separated "
                + "positive whole numbers of days, such as 14,7,1");
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

    /** Returns the PKCS#12 keystore of the key-encryption keys; by default {@code kek.p12} in the data folder. */
    public Path keystorePath() {
        return keystorePath.filter(value -> !value.isBlank()).map(Path::of)
                .orElseGet(() -> dataDir().resolve("kek.p12"));
    }

    /** Returns the keystore password; when it is empty, a generated one is kept in a file next to the keystore. */
    public Optional<String> keystorePassword() {
        return keystorePassword.filter(value -> !value.isEmpty());
    }

    /**
     * Returns whether each newly issued secret is also stored encrypted. Authentication never uses
     * the encrypted copy, so {@code false} only removes the recoverable copy of new secrets.
     */
    public boolean storeEncryptedSecret() {
        return storeEncryptedSecret;
    }

    /** Returns how many credentials a KEK rotation re-wraps in one transaction (at least 1). */
    public int kekRotationBatchSize() {
        return Math.max(1, kekRotationBatchSize);
    }

    /**
     * Returns the lower-case webhook hosts that may use plain HTTP and any address, including
     * loopback and private ones. The setting is comma-separated and empty by default.
     */
    public Set<String> webhookAllowedHosts() {
        return webhookAllowedHosts.stream()
                .flatMap(list -> Arrays.stream(list.split(",")))
                .map(host -> host.strip().toLowerCase(Locale.ROOT))
                .filter(host -> !host.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
