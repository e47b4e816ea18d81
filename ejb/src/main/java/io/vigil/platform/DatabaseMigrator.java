package io.vigil.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date before anything else uses the database. Bean-managed so that Flyway runs each
 * migration in its own transaction on the pooled connection; a failed migration stops the deployment, which is
 * what an operator wants rather than an application running on a half-migrated schema.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrator {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

    @Resource(lookup = "jdbc/vigil")
    private DataSource dataSource;

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(DatabaseMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> "database schema at version " + result.targetSchemaVersion + " ("
                + result.migrationsExecuted + " migrations applied now)");
        warnIfRowSecurityIsBypassed();
    }

    /** Row-level security does not bind a superuser or a BYPASSRLS role: say so loudly rather than pretend. */
    private void warnIfRowSecurityIsBypassed() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user")) {
            if (r.next() && r.getBoolean(1)) {
                LOG.severe("Vigil connects to PostgreSQL as a superuser or BYPASSRLS role: the database does not"
                        + " enforce tenant isolation. Connect as an ordinary role that owns the schema (docs/operations.md).");
            }
        } catch (SQLException e) {
            LOG.warning(() -> "could not check the database role's privileges: " + e.getMessage());
        }
    }
}
