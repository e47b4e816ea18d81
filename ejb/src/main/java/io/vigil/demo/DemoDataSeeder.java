package io.vigil.demo;

import io.vigil.platform.VigilConfig;
import io.vigil.redaction.RedactionEngine;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Loads the demo data on the first start of an empty database when {@code vigil.demo-data=true} (the launcher
 * sets it). Plain JDBC batches: thousands of rows in one transaction take well under a second.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class DemoDataSeeder {

    public static final String ENABLED_PROPERTY = "vigil.demo-data";
    static final int CALLS_PER_TENANT = 120;
    private static final long SEED = 20261126L;
    private static final Logger LOG = Logger.getLogger(DemoDataSeeder.class.getName());

    @Resource(lookup = "jdbc/vigil")
    private DataSource dataSource;

    private boolean loadedThisStart;

    @PostConstruct
    void seedIfEmpty() {
        if (!VigilConfig.current().flag(ENABLED_PROPERTY)) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (hasTenants(connection)) {
                return;
            }
            DemoData data = new DemoDataGenerator(SEED, Instant.now().truncatedTo(ChronoUnit.HOURS))
                    .generate(CALLS_PER_TENANT);
            insert(connection, data, RedactionEngine.createDefault());
            loadedThisStart = true;
            LOG.info(() -> "demo data loaded: " + data.tenants().size() + " tenants, " + data.calls().size()
                    + " calls");
        } catch (SQLException e) {
            throw new IllegalStateException("could not load the demo data", e);
        }
    }

    /** Whether this start loaded the demo data, so that {@link DemoRecordings} records its calls once. */
    public boolean loadedThisStart() {
        return loadedThisStart;
    }

    private static boolean hasTenants(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT 1 FROM tenant LIMIT 1")) {
            return rs.next();
        }
    }

    /** Transcripts are stored redacted, as the live pipeline stores them; the demo keeps no originals. */
    private static void insert(Connection c, DemoData data, RedactionEngine redaction) throws SQLException {
        try (PreparedStatement tenant = c.prepareStatement("INSERT INTO tenant (id, slug, name) VALUES (?, ?, ?)");
             PreparedStatement agent = c.prepareStatement("INSERT INTO agent_profile (id, tenant_id, name,"
                     + " upstream_model, prompt_template_hash, tool_config_hash, version) VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement call = c.prepareStatement("INSERT INTO call_session (id, tenant_id, agent_profile_id,"
                     + " channel, caller_ref_hash, started_at, ended_at, duration_ms, status, consent_state,"
                     + " disclosure_state, retention_class, flag_count)"
                     + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DELIVERED', 'standard', ?)");
             PreparedStatement turn = c.prepareStatement("INSERT INTO transcript_segment (tenant_id, session_id, seq,"
                     + " speaker, start_ms, end_ms, text) VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement event = c.prepareStatement("INSERT INTO session_event (tenant_id, session_id, type,"
                     + " at_ms, payload) VALUES (?, ?, ?, ?, ?::jsonb)");
             PreparedStatement flag = c.prepareStatement("INSERT INTO flag (id, tenant_id, session_id, reason,"
                     + " severity, state, evidence, at_ms, raised_at, due_at) VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?)")) {
            for (DemoData.Tenant t : data.tenants()) {
                tenant.setObject(1, t.id());
                tenant.setString(2, t.slug());
                tenant.setString(3, t.name());
                tenant.addBatch();
            }
            tenant.executeBatch();
            for (DemoData.Agent a : data.agents()) {
                agent.setObject(1, a.id());
                agent.setObject(2, a.tenantId());
                agent.setString(3, a.name());
                agent.setString(4, a.model());
                agent.setString(5, a.promptHash());
                agent.setString(6, a.toolHash());
                agent.setInt(7, a.version());
                agent.addBatch();
            }
            agent.executeBatch();
            for (DemoData.Call k : data.calls()) {
                call.setObject(1, k.id());
                call.setObject(2, k.tenantId());
                call.setObject(3, k.agentId());
                call.setString(4, k.channel().name());
                call.setString(5, k.callerRefHash());
                call.setTimestamp(6, Timestamp.from(k.startedAt()));
                call.setTimestamp(7, Timestamp.from(k.endedAt()));
                call.setLong(8, k.endedAt().toEpochMilli() - k.startedAt().toEpochMilli());
                call.setString(9, k.status().name());
                call.setString(10, k.consent().name());
                call.setInt(11, k.flags().size());
                call.addBatch();
                int seq = 0;
                for (DemoData.Turn t : k.turns()) {
                    turn.setObject(1, k.tenantId());
                    turn.setObject(2, k.id());
                    turn.setInt(3, seq++);
                    turn.setString(4, t.speaker().name());
                    turn.setInt(5, t.startMs());
                    turn.setInt(6, t.endMs());
                    turn.setString(7, redaction.redact(t.text()).redactedText());
                    turn.addBatch();
                }
                for (DemoData.Event e : k.events()) {
                    event.setObject(1, k.tenantId());
                    event.setObject(2, k.id());
                    event.setString(3, e.type().name());
                    event.setInt(4, e.atMs());
                    event.setString(5, e.payloadJson());
                    event.addBatch();
                }
                for (DemoData.RaisedFlag f : k.flags()) {
                    Instant raised = k.endedAt();
                    flag.setObject(1, f.id());
                    flag.setObject(2, k.tenantId());
                    flag.setObject(3, k.id());
                    flag.setString(4, f.reason().name());
                    flag.setString(5, f.severity().name());
                    flag.setString(6, f.evidence());
                    flag.setInt(7, f.atMs());
                    flag.setTimestamp(8, Timestamp.from(raised));
                    flag.setTimestamp(9, Timestamp.from(raised.plus(f.severity().reviewWithin())));
                    flag.addBatch();
                }
            }
            call.executeBatch();
            turn.executeBatch();
            event.executeBatch();
            flag.executeBatch();
        }
    }
}
