package io.vigil.keys;

import io.vigil.audit.domain.AuditActor;
import io.vigil.crypto.keys.KeyDomain;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/**
 * Rotation on demand: a new key version, then the background rewrap of every data key under older versions, after
 * which the older versions are retired (see {@link RewrapBatch}). The job is started only after the new version has
 * committed, so the worker always sees it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class KeyRotation {

    @EJB
    private KeyVersions versions;

    @EJB
    private RewrapWorker worker;

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    /** Rotates the tenant's key of {@code domain}; returns the rewrap job, which runs on in the background. */
    public UUID rotate(TenantId tenant, KeyDomain domain, AuditActor actor) {
        UUID job = versions.addVersion(tenant, domain, actor);
        worker.run(job);
        return job;
    }

    /** Starts again the tenant's rewrap jobs that failed (e.g. while the HSM was unreachable). */
    public List<UUID> resumeFailed(TenantId tenant) {
        List<UUID> jobs = worker.reopenFailed(tenant);
        jobs.forEach(worker::run);
        return jobs;
    }
}
