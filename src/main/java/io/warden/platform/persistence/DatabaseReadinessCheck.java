package io.warden.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Reports the server ready only while the database accepts a connection within two seconds. */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    private static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = "jdbc/warden")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        boolean valid;
        try (Connection connection = dataSource.getConnection()) {
            valid = connection.isValid(TIMEOUT_SECONDS);
        } catch (SQLException e) {
            valid = false;
        }
        return HealthCheckResponse.named("database").status(valid).build();
    }
}
