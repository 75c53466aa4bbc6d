package io.warden.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Runs the purge statements against a real database that the Flyway migrations of the server
 * created: in-memory Derby by default, or the database of {@code -Dwarden.test.jdbcUrl} (with
 * {@code -Dwarden.test.jdbcUser} and {@code -Dwarden.test.jdbcPassword}), such as an empty
 * PostgreSQL database. Each test adds its own webhook and deletes it afterwards, with its rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookDeliveryPurgeTest {

    /** Long before any real row, so rows of other tests in a shared database are never older. */
    private static final Instant CUTOFF = Instant.parse("2001-01-01T00:00:00Z");
    private static final Instant OLD = CUTOFF.minus(Duration.ofDays(1));
    private static final Instant RECENT = CUTOFF.plus(Duration.ofMinutes(1));

    private Connection connection;
    private String organizationId;
    private String webhookId;

    @BeforeAll
    void migrate() throws SQLException {
        System.setProperty("derby.stream.error.file", "target/derby-unit-test.log");
        String url = System.getProperty("warden.test.jdbcUrl", "jdbc:derby:memory:webhook-purge;create=true");
        Properties login = new Properties();
        login.setProperty("user", System.getProperty("warden.test.jdbcUser", "warden"));
        login.setProperty("password", System.getProperty("warden.test.jdbcPassword", "unit-test"));

        connection = DriverManager.getConnection(url, login);
        Flyway.configure()
                .dataSource(url, login.getProperty("user"), login.getProperty("password"))
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    @BeforeEach
    void addWebhook() throws SQLException {
        organizationId = UUID.randomUUID().toString();
        webhookId = UUID.randomUUID().toString();
        execute("INSERT INTO organization (id, name, created_at) VALUES (?, ?, ?)", organizationId,
                "purge-" + organizationId, 0L);
        execute("INSERT INTO webhook (id, organization_id, name, url, paused, secret_ciphertext, secret_iv, "
                + "wrapped_data_key, kek_id, created_at, created_by, updated_at, updated_by) "
                + "VALUES (?, ?, 'purge', 'https://example.test/hook', FALSE, 'c', 'iv', 'k', 'kek', 0, 'test', 0, "
                + "'test')",
                webhookId, organizationId);
    }

    @AfterEach
    void deleteWebhook() throws SQLException {
        execute("DELETE FROM webhook WHERE id = ?", webhookId);
        execute("DELETE FROM organization WHERE id = ?", organizationId);
    }

    private void execute(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private String addDelivery(String status, Instant createdAt) throws SQLException {
        String id = UUID.randomUUID().toString();
        execute("INSERT INTO webhook_delivery (id, webhook_id, organization_id, event_type, payload, status, attempts, "
                + "created_at) VALUES (?, ?, ?, 'credential.revoked', '{}', ?, 1, ?)",
                id, webhookId, organizationId, status, createdAt.toEpochMilli());
        return id;
    }

    private String addLogRow(String deliveryId, Instant attemptedAt) throws SQLException {
        String id = UUID.randomUUID().toString();
        execute("INSERT INTO webhook_delivery_log (id, delivery_id, webhook_id, event_type, attempted_at, attempt, "
                + "outcome) VALUES (?, ?, ?, 'credential.revoked', ?, 1, 'delivered')",
                id, deliveryId, webhookId, attemptedAt.toEpochMilli());
        return id;
    }

    private List<String> remaining(String table) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM " + table
                + " WHERE webhook_id = ? ORDER BY id")) {
            select.setString(1, webhookId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    private static List<String> sorted(String... ids) {
        return List.of(ids).stream().sorted().toList();
    }

    @Test
    void oldFinishedDeliveriesPurged() throws SQLException {
        addDelivery(WebhookDelivery.DELIVERED, OLD);
        addDelivery(WebhookDelivery.FAILED, OLD);
        addDelivery(WebhookDelivery.SKIPPED, OLD);
        String oldPending = addDelivery(WebhookDelivery.PENDING, OLD);
        String recentDelivered = addDelivery(WebhookDelivery.DELIVERED, RECENT);

        int deleted = WebhookDeliveryPurge.deleteFinishedDeliveryBatch(connection, CUTOFF, 100);

        assertEquals(3, deleted);
        assertEquals(sorted(oldPending, recentDelivered), remaining("webhook_delivery"));
    }

    @Test
    void oldLogRowsPurged() throws SQLException {
        String finished = addDelivery(WebhookDelivery.DELIVERED, OLD);
        String pending = addDelivery(WebhookDelivery.PENDING, OLD);
        addLogRow(finished, OLD);
        addLogRow(UUID.randomUUID().toString(), OLD);
        String ofPending = addLogRow(pending, OLD);
        String recent = addLogRow(finished, RECENT);

        int deleted = WebhookDeliveryPurge.deleteLogBatch(connection, CUTOFF, 100);

        assertEquals(2, deleted);
        assertEquals(sorted(ofPending, recent), remaining("webhook_delivery_log"));
    }

    @Test
    void purgeDeletesAtMostBatchSize() throws SQLException {
        String finished = addDelivery(WebhookDelivery.DELIVERED, OLD);
        for (int i = 0; i < 3; i++) {
            addLogRow(finished, OLD);
        }

        assertEquals(2, WebhookDeliveryPurge.deleteLogBatch(connection, CUTOFF, 2));
        assertEquals(1, remaining("webhook_delivery_log").size());
        assertEquals(1, WebhookDeliveryPurge.deleteLogBatch(connection, CUTOFF, 2));
        assertEquals(0, WebhookDeliveryPurge.deleteLogBatch(connection, CUTOFF, 2));
        assertEquals(List.of(), remaining("webhook_delivery_log"));
    }
}
