package io.warden.platform.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date with Flyway before anything else runs. The migrations in
 * {@code db/migration} use only SQL that Derby and PostgreSQL share, so one set serves both.
 * Each scanned folder contains an empty {@code flyway.location} file because Flyway needs it to list
 * classpath folders inside Liberty's class loader.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "jdbc/warden")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        String product = databaseProduct();
        Flyway flyway = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();

        MigrateResult result = flyway.migrate();
        MigrationInfo current = flyway.info().current();
        String version = current == null ? "none" : current.getVersion().getVersion();
        LOG.info(() -> "Database schema is at version " + version + " on " + product
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }

    private String databaseProduct() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to the database jdbc/warden: check WARDEN_DB_URL, "
                    + "WARDEN_DB_USER and WARDEN_DB_PASSWORD", e);
        }
    }
}
