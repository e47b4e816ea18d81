package io.vigil.review.application;

import io.vigil.audit.AuditTrail;
import io.vigil.audit.domain.AuditActor;
import io.vigil.audit.domain.AuditEvents;
import io.vigil.review.domain.FailureCategory;
import io.vigil.review.domain.ReviewInputException;
import io.vigil.review.domain.ReviewNotFoundException;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's failure taxonomy (table {@code failure_category}): what supervisors pick from when they annotate. New
 * tenants start with the defaults (migration V16). Administrators add, rename, reorder, retire and restore
 * categories; codes never change, so exports and dashboards stay comparable. Every change is audited. The caller
 * checks the administrator role (the admin pages and API are admin-only).
 */
@Stateless
public class FailureTaxonomy {

    private static final String SELECT = "SELECT code, label, position, active FROM failure_category"
            + " WHERE tenant_id = ?1 ";

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @EJB
    private AuditTrail audit;

    /** Every category, retired ones included, in list order. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<FailureCategory> all(TenantId tenant) {
        return rows(SELECT + "ORDER BY position, label", tenant, null);
    }

    /** What supervisors may pick now. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<FailureCategory> active(TenantId tenant) {
        return rows(SELECT + "AND active ORDER BY position, label", tenant, null);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<FailureCategory> find(TenantId tenant, String code) {
        return code == null ? Optional.empty() : rows(SELECT + "AND code = ?2", tenant, code).stream().findFirst();
    }

    public FailureCategory add(TenantId tenant, AuditActor admin, String label) {
        int next = ((Number) em.createNativeQuery("SELECT coalesce(max(position), 0) + 10 FROM failure_category"
                + " WHERE tenant_id = ?1").setParameter(1, tenant.value()).getSingleResult()).intValue();
        FailureCategory category = FailureCategory.named(label, next);
        if (find(tenant, category.code()).isPresent()) {
            throw new ReviewInputException("A category \"" + category.code() + "\" exists already; rename or restore"
                    + " that one instead.");
        }
        em.createNativeQuery("INSERT INTO failure_category (tenant_id, code, label, position, active)"
                        + " VALUES (?1, ?2, ?3, ?4, true)")
                .setParameter(1, tenant.value()).setParameter(2, category.code()).setParameter(3, category.label())
                .setParameter(4, category.position()).executeUpdate();
        audit.record(AuditEvents.taxonomyChanged(tenant, admin, category.code(), "add", category.label()));
        return category;
    }

    public FailureCategory relabel(TenantId tenant, AuditActor admin, String code, String label) {
        return save(tenant, admin, existing(tenant, code).relabelled(label), "relabel");
    }

    public FailureCategory retire(TenantId tenant, AuditActor admin, String code) {
        return save(tenant, admin, existing(tenant, code).retired(), "retire");
    }

    public FailureCategory restore(TenantId tenant, AuditActor admin, String code) {
        return save(tenant, admin, existing(tenant, code).restored(), "restore");
    }

    /** Swaps the category with its neighbour above ({@code up}) or below in the list. */
    public void move(TenantId tenant, AuditActor admin, String code, boolean up) {
        List<FailureCategory> list = all(tenant);
        int i = indexOf(list, code);
        int j = up ? i - 1 : i + 1;
        if (j < 0 || j >= list.size()) {
            return;
        }
        FailureCategory a = list.get(i);
        FailureCategory b = list.get(j);
        // positions may tie after manual edits; renumber the two by their place in the list
        int first = Math.min(i, j) * 10 + 10;
        setPosition(tenant, a.code(), up ? first : first + 10);
        setPosition(tenant, b.code(), up ? first + 10 : first);
        audit.record(AuditEvents.taxonomyChanged(tenant, admin, code, up ? "move-up" : "move-down", a.label()));
    }

    private FailureCategory save(TenantId tenant, AuditActor admin, FailureCategory changed, String change) {
        em.createNativeQuery("UPDATE failure_category SET label = ?3, active = ?4 WHERE tenant_id = ?1 AND code = ?2")
                .setParameter(1, tenant.value()).setParameter(2, changed.code()).setParameter(3, changed.label())
                .setParameter(4, changed.active()).executeUpdate();
        audit.record(AuditEvents.taxonomyChanged(tenant, admin, changed.code(), change, changed.label()));
        return changed;
    }

    private void setPosition(TenantId tenant, String code, int position) {
        em.createNativeQuery("UPDATE failure_category SET position = ?3 WHERE tenant_id = ?1 AND code = ?2")
                .setParameter(1, tenant.value()).setParameter(2, code).setParameter(3, position).executeUpdate();
    }

    private FailureCategory existing(TenantId tenant, String code) {
        return find(tenant, code).orElseThrow(() -> new ReviewNotFoundException("No failure category " + code
                + " here; reload the page."));
    }

    private static int indexOf(List<FailureCategory> list, String code) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).code().equals(code)) {
                return i;
            }
        }
        throw new ReviewNotFoundException("No failure category " + code + " here; reload the page.");
    }

    private List<FailureCategory> rows(String sql, TenantId tenant, String code) {
        var query = em.createNativeQuery(sql).setParameter(1, tenant.value());
        if (code != null) {
            query.setParameter(2, code);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new FailureCategory((String) r[0], (String) r[1], ((Number) r[2]).intValue(),
                (Boolean) r[3])).toList();
    }
}
