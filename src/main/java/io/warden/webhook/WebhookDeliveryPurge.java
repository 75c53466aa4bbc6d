package io.warden.webhook;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Deletes old webhook delivery-log rows and finished outbox rows in batches, one transaction per
 * batch. A pending delivery is never deleted, and neither are the log rows of its attempts.
 *
 * <p>The SQL runs over plain JDBC on the server's data source, enlisted in the JTA transaction, so
 * that unit tests run the same statements against a real database without a container. The batch
 * limit is part of the SQL ({@code FETCH FIRST}, which Derby and PostgreSQL share) because Liberty's
 * statement cleanup after {@code setMaxRows} fails on the Derby network client.
 */
@ApplicationScoped
public class WebhookDeliveryPurge {

    private static final String OLD_LOG_ROWS = "SELECT l.id FROM webhook_delivery_log l WHERE l.attempted_at < ? "
            + "AND NOT EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.id = l.delivery_id AND d.status = ?) "
            + "FETCH FIRST ? ROWS ONLY";
    private static final String OLD_FINISHED_DELIVERIES = "SELECT id FROM webhook_delivery WHERE created_at < ? "
            + "AND status IN (?, ?, ?) FETCH FIRST ? ROWS ONLY";

    @Resource(lookup = "jdbc/warden")
    DataSource dataSource;

    /** Deletes up to {@code batchSize} log rows attempted before {@code cutoff} and returns how many were deleted. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purgeLogBatch(Instant cutoff, int batchSize) {
        try (Connection connection = dataSource.getConnection()) {
            return deleteLogBatch(connection, cutoff, batchSize);
        } catch (SQLException e) {
            throw new IllegalStateException("Deleting old webhook delivery-log rows failed", e);
        }
    }

    /**
     * Deletes up to {@code batchSize} delivered, failed or skipped outbox rows created before
     * {@code cutoff} and returns how many were deleted.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purgeDeliveryBatch(Instant cutoff, int batchSize) {
        try (Connection connection = dataSource.getConnection()) {
            return deleteFinishedDeliveryBatch(connection, cutoff, batchSize);
        } catch (SQLException e) {
            throw new IllegalStateException("Deleting old finished webhook deliveries failed", e);
        }
    }

    static int deleteLogBatch(Connection connection, Instant cutoff, int batchSize) throws SQLException {
        List<String> ids;
        try (PreparedStatement select = connection.prepareStatement(OLD_LOG_ROWS)) {
            select.setLong(1, cutoff.toEpochMilli());
            select.setString(2, WebhookDelivery.PENDING);
            select.setInt(3, batchSize);
            ids = selectIds(select);
        }
        return deleteByIds(connection, "DELETE FROM webhook_delivery_log WHERE id = ?", ids);
    }

    static int deleteFinishedDeliveryBatch(Connection connection, Instant cutoff, int batchSize) throws SQLException {
        List<String> ids;
        try (PreparedStatement select = connection.prepareStatement(OLD_FINISHED_DELIVERIES)) {
            select.setLong(1, cutoff.toEpochMilli());
            select.setString(2, WebhookDelivery.DELIVERED);
            select.setString(3, WebhookDelivery.FAILED);
            select.setString(4, WebhookDelivery.SKIPPED);
            select.setInt(5, batchSize);
            ids = selectIds(select);
        }
        return deleteByIds(connection, "DELETE FROM webhook_delivery WHERE id = ?", ids);
    }

    private static List<String> selectIds(PreparedStatement select) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private static int deleteByIds(Connection connection, String deleteById, List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        try (PreparedStatement delete = connection.prepareStatement(deleteById)) {
            for (String id : ids) {
                delete.setString(1, id);
                delete.addBatch();
            }
            int deleted = 0;
            for (int count : delete.executeBatch()) {
                // A driver may report SUCCESS_NO_INFO instead of the row count, and a delete by id removes one row.
                deleted += count == Statement.SUCCESS_NO_INFO ? 1 : count;
            }
            return deleted;
        }
    }
}
