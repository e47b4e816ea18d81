package io.vigil.platform;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Checks the database with a short timeout, so that a load balancer asking is never left hanging. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HealthCheck {

    private static final Logger LOG = Logger.getLogger(HealthCheck.class.getName());
    private static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = "jdbc/vigil")
    private DataSource dataSource;

    public HealthReport check() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(TIMEOUT_SECONDS);
            try (ResultSet rs = statement.executeQuery(
                    "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank DESC LIMIT 1")) {
                String schema = rs.next() ? rs.getString(1) : "none";
                return new HealthReport(true, schema, ApplicationVersion.current(), null);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "health check: database unreachable", e);
            return new HealthReport(false, null, ApplicationVersion.current(), "database unreachable");
        }
    }
}
