package io.vigil.review.application;

import io.vigil.audit.AuditTrail;
import io.vigil.audit.domain.AuditActor;
import io.vigil.audit.domain.AuditEvents;
import io.vigil.keys.Rows;
import io.vigil.review.domain.AnnotationExportFormat;
import io.vigil.review.domain.AnnotationExportQuery;
import io.vigil.review.domain.ExportedAnnotation;
import io.vigil.review.domain.ReviewInputException;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Failure annotations leave Vigil for the agent team as CSV or JSON: one agent profile (every version) or all, over
 * a range of days. The export is audited with its filter and row count before the file is written; a refused one
 * (bad input, too many rows) is audited as denied.
 */
@Stateless
public class AnnotationExports {

    /** An export is one response; more rows than this means a narrower range. */
    public static final int MAX_ROWS = 100_000;

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @EJB
    private AuditTrail audit;

    /** The rows of the export, audited as exported; refuses (and audits the refusal) when there are too many. */
    public List<ExportedAnnotation> export(TenantId tenant, AuditActor actor, AnnotationExportQuery query,
                                           AnnotationExportFormat format) {
        StringBuilder sql = new StringBuilder("SELECT a.id, a.session_id, c.started_at, p.name, p.version,"
                + " p.upstream_model, a.type, coalesce(fc.label, a.type), a.severity, a.start_ms, a.end_ms, a.note,"
                + " a.author_name, a.created_at, a.updated_at"
                + " FROM annotation a JOIN call_session c ON c.id = a.session_id"
                + " JOIN agent_profile p ON p.id = a.agent_profile_id"
                + " LEFT JOIN failure_category fc ON fc.tenant_id = a.tenant_id AND fc.code = a.type"
                + " WHERE a.tenant_id = ?1 AND a.created_at >= ?2 AND a.created_at < ?3");
        if (query.agentProfile() != null) {
            sql.append(" AND a.agent_profile_id IN (SELECT id FROM agent_profile WHERE tenant_id = ?1 AND name = ?4)");
        }
        sql.append(" ORDER BY a.created_at, a.id LIMIT ").append(MAX_ROWS + 1);
        Query q = em.createNativeQuery(sql.toString()).setParameter(1, tenant.value())
                .setParameter(2, query.fromInstant()).setParameter(3, query.untilInstant());
        if (query.agentProfile() != null) {
            q.setParameter(4, query.agentProfile());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        Map<String, String> details = details(query, format);
        if (rows.size() > MAX_ROWS) {
            details.put("refused", "more than " + MAX_ROWS + " rows");
            audit.recordFailure(AuditEvents.annotationsExported(tenant, actor, false, details));
            throw new ReviewInputException("More than " + MAX_ROWS + " annotations match; export a shorter date range"
                    + " or one agent profile at a time.");
        }
        List<ExportedAnnotation> exported = rows.stream().map(AnnotationExports::row).toList();
        details.put("rows", Integer.toString(exported.size()));
        audit.record(AuditEvents.annotationsExported(tenant, actor, true, details));
        return exported;
    }

    /** Records an export the caller refused before it reached the database (bad parameters, missing role). */
    public void refused(TenantId tenant, AuditActor actor, String reason) {
        audit.recordFailure(AuditEvents.annotationsExported(tenant, actor, false, Map.of("refused", reason)));
    }

    private static Map<String, String> details(AnnotationExportQuery query, AnnotationExportFormat format) {
        Map<String, String> details = new TreeMap<>();
        details.put("format", format.extension());
        details.put("from", query.from().toString());
        details.put("to", query.to().toString());
        details.put("agent_profile", query.agentProfile() == null ? "all" : query.agentProfile());
        return details;
    }

    private static ExportedAnnotation row(Object[] r) {
        return new ExportedAnnotation(Rows.uuid(r[0]), Rows.uuid(r[1]), Rows.instant(r[2]), (String) r[3],
                ((Number) r[4]).intValue(), (String) r[5], (String) r[6], (String) r[7], (String) r[8],
                ((Number) r[9]).intValue(), ((Number) r[10]).intValue(), (String) r[11], (String) r[12],
                Rows.instant(r[13]), Rows.instant(r[14]));
    }
}
