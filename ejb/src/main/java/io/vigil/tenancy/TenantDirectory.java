package io.vigil.tenancy;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Looks up tenants: the one table that is not itself tenant-scoped. */
@Stateless
public class TenantDirectory {

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    public List<Tenant> all() {
        return em.createQuery("SELECT t FROM Tenant t ORDER BY t.name", Tenant.class).getResultList();
    }

    public Optional<Tenant> bySlug(String slug) {
        return em.createQuery("SELECT t FROM Tenant t WHERE t.slug = :slug", Tenant.class)
                .setParameter("slug", slug)
                .getResultStream()
                .findFirst();
    }
}
