package io.vigil.it.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.tenancy.TenantDirectory;
import io.vigil.tenancy.TenantId;
import io.vigil.tenancy.TenantWork;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tenant isolation enforced by the database: once a transaction has called a service for one tenant, no SQL and no
 * query in it sees or writes another tenant's rows, and every table with a tenant_id is under the policy.
 */
@ExtendWith(ArquillianExtension.class)
class TenantIsolationIT {

    @EJB
    private TenantWork work;

    @EJB
    private TenantDirectory tenants;

    @Resource(lookup = "jdbc/vigil")
    private DataSource db;

    @Resource(lookup = "java:comp/UserTransaction")
    private UserTransaction transaction;

    private TenantId tenant(String slug) {
        return new TenantId(tenants.bySlug(slug).orElseThrow().id());
    }

    private long callsOf(Connection c, TenantId tenant) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM call_session WHERE tenant_id = ?")) {
            s.setObject(1, tenant.value());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private UUID anyCallOf(Connection c, TenantId tenant) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM call_session WHERE tenant_id = ? LIMIT 1")) {
            s.setObject(1, tenant.value());
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next(), "the demo data has calls for " + tenant);
                return r.getObject(1, UUID.class);
            }
        }
    }

    @Test
    void aTransactionScopedToOneTenantSeesAndWritesNothingOfAnother() throws Exception {
        TenantId acme = tenant("acme-bank");
        TenantId northwind = tenant("northwind-health");
        UUID acmeCall;
        try (Connection c = db.getConnection()) {
            assertTrue(callsOf(c, acme) > 0 && callsOf(c, northwind) > 0, "system work sees every tenant");
            acmeCall = anyCallOf(c, acme);
        }

        long[] seen = work.confined(northwind, () -> {
            try (Connection c = db.getConnection();
                 Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT count(*) FROM transcript_segment WHERE session_id = '" + acmeCall + "'")) {
                r.next();
                return new long[] {callsOf(c, acme), callsOf(c, northwind), r.getLong(1)};
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(0, seen[0], "plain SQL sees none of acme's calls");
        assertTrue(seen[1] > 0, "and still its own tenant's");
        assertEquals(0, seen[2], "nor acme's transcripts");

        transaction.begin();
        try {
            int updated = work.confined(northwind, () -> {
                try (Connection c = db.getConnection();
                     PreparedStatement s = c.prepareStatement("UPDATE call_session SET caller_ref_hash = caller_ref_hash WHERE id = ?")) {
                    s.setObject(1, acmeCall);
                    return s.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertEquals(0, updated, "another tenant's row cannot be updated");
            try (Connection c = db.getConnection()) {
                assertTrue(callsOf(c, acme) > 0, "after the tenant's call, the transaction is back to system scope");
            }
            String refusal = work.confined(northwind, () -> {
                try (Connection c = db.getConnection();
                     PreparedStatement s = c.prepareStatement("INSERT INTO call_session (id, tenant_id) SELECT ?, ?")) {
                    s.setObject(1, UUID.randomUUID());
                    s.setObject(2, acme.value());
                    s.executeUpdate();
                    return "inserted";
                } catch (SQLException e) {
                    return e.getMessage();
                }
            });
            assertTrue(refusal.contains("row-level security"), refusal);
        } finally {
            transaction.rollback();
        }
    }

    @Test
    void everyTableWithATenantIdIsUnderThePolicyAndTheRoleCannotBypassIt() throws SQLException {
        List<String> unconfined = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,"
                    + " EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'tenant_isolation')"
                    + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()"
                    + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped"
                    + " WHERE c.relkind IN ('r', 'p') AND c.relname NOT LIKE 'audit\\_%'")) {
                int tables = 0;
                while (r.next()) {
                    tables++;
                    if (!(r.getBoolean(2) && r.getBoolean(3) && r.getBoolean(4))) {
                        unconfined.add(r.getString(1));
                    }
                }
                assertTrue(tables >= 10, "the schema's tenant tables were found: " + tables);
            }
            assertEquals(List.of(), unconfined, "tables with a tenant_id but no forced tenant policy");
            try (ResultSet r = s.executeQuery("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")) {
                assertTrue(r.next());
                assertFalse(r.getBoolean(1), "Vigil's database role is not a superuser");
                assertFalse(r.getBoolean(2), "and cannot bypass row-level security");
            }
        }
    }
}
