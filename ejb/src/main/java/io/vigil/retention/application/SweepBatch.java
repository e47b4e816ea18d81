package io.vigil.retention.application;

import io.vigil.audit.AuditTrail;
import io.vigil.audit.domain.AuditActor;
import io.vigil.audit.domain.AuditEvent;
import io.vigil.crypto.audit.AuditOutcome;
import io.vigil.keys.Rows;
import io.vigil.retention.DueRule;
import io.vigil.retention.ExpiringArtifact;
import io.vigil.retention.ExpiringArtifacts;
import io.vigil.retention.domain.DataClass;
import io.vigil.retention.domain.IdentifierDigest;
import io.vigil.retention.domain.PolicyJson;
import io.vigil.retention.domain.RetentionAction;
import io.vigil.retention.domain.SweepMode;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.Session;

/**
 * One step of a sweep, each in its own transaction: the next batch of one class's due artifacts, expired (apply)
 * or only listed (dry run), with the class's cursor, count and digest moved on in the same commit. A stop loses at
 * most the batch in flight, and the sweep picks up at its cursor. Before expiring, an apply locks the batch's calls
 * and drops any that a hold took meanwhile (a hold's rows reference the call, so a hold being created waits for the
 * lock, or the batch sees it).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SweepBatch {

    /** Artifacts per transaction: large enough to amortise the commit, small enough to keep locks short. */
    public static final int BATCH_SIZE = 1_000;

    public static final String EXPIRE = "retention.expire";

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @Inject
    @Any
    private Instance<ExpiringArtifacts> contributors;

    @EJB
    private AuditTrail audit;

    private record Work(TenantId tenant, SweepMode mode, DataClass dataClass, RetentionAction action, String contributor,
                        String cursor, long artifacts, byte[] digest, DueRule rule) {
    }

    /** Does one batch; false when the sweep has nothing left (or is not running). */
    public boolean next(UUID sweepId) {
        Work work = nextWork(sweepId);
        if (work == null) {
            return false;
        }
        ExpiringArtifacts contributor = contributor(work.contributor());
        List<ExpiringArtifact> found = contributor.findDue(work.tenant(), work.rule(), work.cursor(), BATCH_SIZE);
        List<ExpiringArtifact> kept = found;
        if (work.mode() == SweepMode.APPLY && !found.isEmpty()) {
            kept = contributor.stillUnheld(work.tenant(), withoutNewlyHeld(work.tenant(), found));
            if (!kept.isEmpty()) {
                contributor.expire(work.tenant(), work.rule(), kept);
            }
        }
        byte[] digest = work.digest();
        for (ExpiringArtifact a : kept) {
            digest = IdentifierDigest.add(digest, IdentifierDigest.hash(a.type(), a.id()));
        }
        insertItems(sweepId, work, kept);
        boolean done = found.size() < BATCH_SIZE;
        String cursor = found.isEmpty() ? work.cursor() : found.get(found.size() - 1).key();
        em.createNativeQuery("UPDATE retention_sweep_class SET cursor_after = ?1, artifacts = artifacts + ?2, digest = ?3,"
                        + " done = ?4 WHERE sweep_id = ?5 AND data_class = ?6 AND action = ?7 AND contributor = ?8")
                .setParameter(1, cursor).setParameter(2, (long) kept.size()).setParameter(3, digest).setParameter(4, done)
                .setParameter(5, sweepId).setParameter(6, work.dataClass().name()).setParameter(7, work.action().name())
                .setParameter(8, work.contributor()).executeUpdate();
        em.createNativeQuery("UPDATE retention_sweep SET updated_at = now() WHERE id = ?1").setParameter(1, sweepId)
                .executeUpdate();
        if (done && work.mode() == SweepMode.APPLY) {
            Map<String, String> details = new TreeMap<>();
            details.put("sweep", sweepId.toString());
            details.put("action", work.action().name());
            details.put("artifacts", Long.toString(work.artifacts() + kept.size()));
            details.put("identifier_digest", IdentifierDigest.hex(digest));
            details.put("contributor", work.contributor());
            audit.record(new AuditEvent(work.tenant().value(), AuditActor.system("retention"), EXPIRE, "data_class",
                    work.dataClass().name(), null, AuditOutcome.SUCCESS, details));
        }
        return true;
    }

    private Work nextWork(UUID sweepId) {
        @SuppressWarnings("unchecked")
        List<Object[]> sweep = em.createNativeQuery("SELECT tenant_id, mode, state, as_of, CAST(policies AS text)"
                + " FROM retention_sweep WHERE id = ?1 FOR UPDATE").setParameter(1, sweepId).getResultList();
        if (sweep.isEmpty() || !"RUNNING".equals(sweep.get(0)[2])) {
            return null;
        }
        Object[] s = sweep.get(0);
        @SuppressWarnings("unchecked")
        List<Object[]> open = em.createNativeQuery("SELECT data_class, action, contributor, cursor_after, artifacts, digest"
                + " FROM retention_sweep_class WHERE sweep_id = ?1 AND NOT done").setParameter(1, sweepId).getResultList();
        if (open.isEmpty()) {
            return null;
        }
        Object[] c = open.stream().min(Comparator.comparing((Object[] r) -> DataClass.valueOf((String) r[0]).ordinal())
                .thenComparing(r -> (String) r[1]).thenComparing(r -> (String) r[2])).orElseThrow();
        DataClass dataClass = DataClass.valueOf((String) c[0]);
        RetentionAction action = RetentionAction.valueOf((String) c[1]);
        return new Work(new TenantId(Rows.uuid(s[0])), SweepMode.valueOf((String) s[1]), dataClass, action, (String) c[2],
                (String) c[3], ((Number) c[4]).longValue(), (byte[]) c[5],
                new DueRule(dataClass, action, Rows.instant(s[3]), PolicyJson.read((String) s[4])));
    }

    private ExpiringArtifacts contributor(String name) {
        for (ExpiringArtifacts candidate : contributors) {
            if (candidate.name().equals(name)) {
                return candidate;
            }
        }
        throw new IllegalStateException("The sweep needs the retention contributor " + name + ", which is not deployed;"
                + " redeploy the version that started the sweep, or start a new sweep");
    }

    private List<ExpiringArtifact> withoutNewlyHeld(TenantId tenant, List<ExpiringArtifact> found) {
        List<UUID> sessions = found.stream().map(ExpiringArtifact::sessionId).filter(java.util.Objects::nonNull).distinct().toList();
        if (sessions.isEmpty()) {
            return found;
        }
        String ids = SweepSql.uuidArray(sessions);
        em.createNativeQuery("SELECT id FROM call_session WHERE tenant_id = ?1 AND id = ANY (" + ids + ") ORDER BY id FOR UPDATE")
                .setParameter(1, tenant.value()).getResultList();
        @SuppressWarnings("unchecked")
        List<Object> held = em.createNativeQuery("SELECT DISTINCT session_id FROM legal_hold_session WHERE session_id = ANY ("
                + ids + ") AND released_at IS NULL").getResultList();
        if (held.isEmpty()) {
            return found;
        }
        Set<UUID> heldIds = new HashSet<>();
        held.forEach(h -> heldIds.add(SweepSql.uuid(h)));
        List<ExpiringArtifact> kept = new ArrayList<>();
        for (ExpiringArtifact a : found) {
            if (a.sessionId() == null || !heldIds.contains(a.sessionId())) {
                kept.add(a);
            }
        }
        return kept;
    }

    /** One statement for the whole batch (arrays unnested), not one per artifact: a sweep writes a row per artifact. */
    private void insertItems(UUID sweepId, Work work, List<ExpiringArtifact> items) {
        if (items.isEmpty()) {
            return;
        }
        boolean dry = work.mode() == SweepMode.DRY_RUN;
        String[] types = new String[items.size()];
        String[] hashes = new String[items.size()];
        String[] sessions = new String[items.size()];
        String[] identifiers = new String[items.size()];
        for (int i = 0; i < items.size(); i++) {
            ExpiringArtifact a = items.get(i);
            types[i] = a.type();
            hashes[i] = HexFormat.of().formatHex(IdentifierDigest.hash(a.type(), a.id()));
            sessions[i] = dry && a.sessionId() != null ? a.sessionId().toString() : null;
            identifiers[i] = dry ? a.id() : null;
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO retention_sweep_item (sweep_id, tenant_id, data_class,"
                    + " artifact_type, id_hash, session_id, identifier) SELECT ?, ?, ?, t.type, decode(t.hash, 'hex'),"
                    + " CAST(t.session AS uuid), t.identifier FROM unnest(?, ?, ?, ?) AS t(type, hash, session, identifier)")) {
                s.setObject(1, sweepId);
                s.setObject(2, work.tenant().value());
                s.setString(3, work.dataClass().name());
                s.setArray(4, c.createArrayOf("text", types));
                s.setArray(5, c.createArrayOf("text", hashes));
                s.setArray(6, c.createArrayOf("text", sessions));
                s.setArray(7, c.createArrayOf("text", identifiers));
                s.executeUpdate();
            }
        });
    }
}
