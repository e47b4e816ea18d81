package io.vigil.it.incontainer;

import io.vigil.discovery.application.ExportFiles;
import io.vigil.keys.KeyRegistry;
import io.vigil.provenance.ProvenanceSigning;
import io.vigil.provenance.TrackKind;
import io.vigil.recording.CallRecorder;
import io.vigil.recording.WavAudio;
import io.vigil.redaction.application.OriginalTranscripts;
import io.vigil.session.domain.ConsentState;
import io.vigil.session.domain.DisclosureState;
import io.vigil.session.domain.SessionStatus;
import io.vigil.session.persistence.CallSessionRows;
import io.vigil.tenancy.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A tenant of its own for a retention test (a sweep is tenant-wide, so the demo tenants other tests read stay
 * untouched), and calls in it with every kind of artifact: three recording tracks (caller, agent, redacted), a
 * sealed original transcript, the redacted transcript, events, a flag and an annotation; on demand, C2PA-signed
 * copies and eDiscovery exports of them.
 */
final class RetentionFixture {

    static final String AGENT = "Retention test agent";

    final TenantId tenant;
    private final UUID agentProfile;
    private final DataSource db;
    private final CallRecorder recorder;
    private final OriginalTranscripts originals;

    private RetentionFixture(TenantId tenant, UUID agentProfile, DataSource db, CallRecorder recorder,
                             OriginalTranscripts originals) {
        this.tenant = tenant;
        this.agentProfile = agentProfile;
        this.db = db;
        this.recorder = recorder;
        this.originals = originals;
    }

    static RetentionFixture create(DataSource db, KeyRegistry keys, CallRecorder recorder, OriginalTranscripts originals) {
        UUID tenant = UUID.randomUUID();
        UUID agent = UUID.randomUUID();
        update(db, "INSERT INTO tenant (id, slug, name) VALUES (?, ?, ?)", tenant, "it-retention-" + tenant.toString().substring(0, 8),
                "Retention IT " + tenant.toString().substring(0, 8));
        update(db, "INSERT INTO agent_profile (id, tenant_id, name, upstream_model, prompt_template_hash, tool_config_hash,"
                + " version) VALUES (?, ?, ?, 'sim', ?, ?, 1)", agent, tenant, AGENT, "a".repeat(64), "b".repeat(64));
        TenantId id = new TenantId(tenant);
        keys.ensureTenantKeys(id);
        return new RetentionFixture(id, agent, db, recorder, originals);
    }

    /** A completed call that ended {@code daysAgo} days ago, with one artifact of every kind. */
    UUID call(int daysAgo, String jurisdiction) {
        UUID call = UUID.randomUUID();
        Instant ended = Instant.now().minus(Duration.ofDays(daysAgo));
        update(db, "INSERT INTO call_session (id, tenant_id, agent_profile_id, channel, caller_ref_hash, started_at, ended_at,"
                        + " duration_ms, status, consent_state, disclosure_state, retention_class, jurisdiction)"
                        + " VALUES (?, ?, ?, 'PHONE', ?, ?, ?, 60000, 'COMPLETED', 'GIVEN', 'DELIVERED', 'standard', ?)",
                call, tenant.value(), agentProfile, "c".repeat(64), Timestamp.from(ended.minusSeconds(60)),
                Timestamp.from(ended), jurisdiction);
        artifacts(call);
        return call;
    }

    /**
     * A call admitted the way the doors admit one (its row inserted from the caller reference as received), that
     * ended {@code daysAgo} days ago, with one artifact of every kind.
     */
    UUID admitted(String callerReference, int daysAgo) throws Exception {
        UUID call = UUID.randomUUID();
        Instant ended = Instant.now().minus(Duration.ofDays(daysAgo));
        CallSessionRows rows = new CallSessionRows(db);
        rows.insertLive(tenant.value(), call, agentProfile, "PHONE", "e".repeat(64), callerReference, ended.minusSeconds(60));
        rows.complete(new CallSessionRows.Ending(tenant.value(), call, ended, 60_000, SessionStatus.COMPLETED,
                ConsentState.GIVEN, DisclosureState.DELIVERED));
        artifacts(call);
        return call;
    }

    private void artifacts(UUID call) {
        update(db, "INSERT INTO transcript_segment (tenant_id, session_id, seq, speaker, start_ms, end_ms, text)"
                + " VALUES (?, ?, 0, 'CALLER', 0, 900, 'my card is [CREDIT_CARD]')", tenant.value(), call);
        update(db, "INSERT INTO session_event (tenant_id, session_id, type, at_ms, payload) VALUES (?, ?, 'TOOL_CALL', 10,"
                + " '{\"name\": \"lookup\", \"arguments\": \"account 1234\"}'::jsonb)", tenant.value(), call);
        update(db, "INSERT INTO flag (id, tenant_id, session_id, reason, severity, state, evidence, at_ms, raised_at, due_at)"
                + " VALUES (?, ?, ?, 'AGENT_SPOKE_PII', 'HIGH', 'OPEN', 'said the card number', 500, now(), now())",
                UUID.randomUUID(), tenant.value(), call);
        update(db, "INSERT INTO annotation (id, tenant_id, session_id, type, start_ms, end_ms, note, author_id, author_name,"
                + " created_at, updated_at) VALUES (?, ?, ?, 'ASR_ERROR', 0, 900, 'misheard', 'it-supervisor',"
                + " 'IT supervisor', now(), now())", UUID.randomUUID(), tenant.value(), call);
        WavAudio audio = new WavAudio(8000, new byte[1600]);
        for (String track : List.of("caller", "agent", "redacted")) {
            recorder.record(tenant, call, track, audio);
        }
        originals.seal(tenant, call, List.of("my card is 4111 1111 1111 1111"));
    }

    /** A C2PA-signed mixed recording of the call (what the live recorder stores), with its provenance row. */
    UUID signedCopy(ProvenanceSigning provenance, UUID call) throws Exception {
        return provenance.signAndStore(tenant, call, "mixed", new WavAudio(8000, new byte[1600]), TrackKind.COMPOSITE);
    }

    /** A finished eDiscovery export of these calls, made {@code daysAgo} days ago, with its bundle on disk. */
    UUID export(int daysAgo, UUID... calls) throws Exception {
        UUID export = UUID.randomUUID();
        Timestamp at = Timestamp.from(Instant.now().minus(Duration.ofDays(daysAgo)));
        update(db, "INSERT INTO export_request (id, tenant_id, matter, request_json, requested_by, requested_at, state,"
                + " total_calls, staged_calls, signing_chain_pem, trust_root_pem, bundle_size, bundle_sha256, finished_at)"
                + " VALUES (?, ?, 'Retention matter', '{}', 'it-legal-a', ?, 'DONE', ?, ?, 'chain', 'root', 4, ?, ?)",
                export, tenant.value(), at, calls.length, calls.length, "d".repeat(64), at);
        for (int i = 0; i < calls.length; i++) {
            update(db, "INSERT INTO export_call (export_id, tenant_id, ordinal, session_id, staged_json) VALUES (?, ?, ?, ?, '{}')",
                    export, tenant.value(), i, calls[i]);
        }
        Path bundle = ExportFiles.bundle(tenant, export, false);
        Files.createDirectories(bundle.getParent());
        Files.write(bundle, new byte[] {'P', 'K', 5, 6});
        return export;
    }

    long count(String sql, Object... parameters) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    String text(String sql, Object... parameters) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The recording of one track of the call. */
    UUID recording(UUID call, String track) {
        return UUID.fromString(text("SELECT id FROM recording WHERE session_id = ? AND track = ?", call, track));
    }

    boolean keyShredded(String ownerType, UUID owner) {
        return count("SELECT count(*) FROM data_key WHERE owner_type = ? AND owner_id = ? AND shredded_at IS NOT NULL",
                ownerType, owner) == 1;
    }

    static void update(DataSource db, String sql, Object... parameters) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void update(String sql, Object... parameters) {
        update(db, sql, parameters);
    }
}
