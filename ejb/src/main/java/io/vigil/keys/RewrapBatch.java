package io.vigil.keys;

import io.vigil.crypto.keys.DataKeyWrapper;
import io.vigil.crypto.keys.KeyDomain;
import io.vigil.crypto.keys.KeyName;
import io.vigil.crypto.keys.KeyProviderException;
import io.vigil.crypto.keys.KeyReference;
import io.vigil.crypto.keys.WrappedDataKey;
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
import java.util.List;
import java.util.UUID;

/**
 * One step of a rewrap job, each in its own transaction: rewrap up to {@link #BATCH_SIZE} data keys still under a
 * version older than the job's target (unwrap + wrap in the key provider; no audio is read), then count them as done.
 * Rows are locked with {@code SKIP LOCKED} so a second worker on the same job never rewraps a key twice.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RewrapBatch {

    /** Keeps a transaction short (well under a second on SoftHSM) while amortising its commit. */
    static final int BATCH_SIZE = 500;

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @EJB
    private KeyRegistry registry;

    @Inject
    private KeyEvents events;

    @Inject
    @Any
    private Instance<DataKeyHolder> holders;

    private record Job(TenantId tenant, KeyDomain domain, int target, String state) {
    }

    /** Rewraps one batch; false when the job is not running or nothing is left. */
    public boolean next(UUID jobId) {
        Job job = lockJob(jobId);
        if (!job.state().equals("RUNNING")) {
            return false;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, owner_type, owner_id, provider_id, key_id, key_version,"
                        + " wrapped, associated_data FROM data_key WHERE tenant_id = ?1 AND domain = ?2 AND key_version < ?3"
                        + " AND shredded_at IS NULL ORDER BY id LIMIT " + BATCH_SIZE + " FOR UPDATE SKIP LOCKED")
                .setParameter(1, job.tenant().value()).setParameter(2, job.domain().label()).setParameter(3, job.target())
                .getResultList();
        if (rows.isEmpty()) {
            return false;
        }
        DataKeyWrapper keys = registry.wrapper(job.tenant());
        for (Object[] row : rows) {
            rewrap(job.tenant(), keys, row);
        }
        em.createNativeQuery("UPDATE rewrap_job SET done = done + ?2, updated_at = now() WHERE id = ?1")
                .setParameter(1, jobId).setParameter(2, rows.size()).executeUpdate();
        return true;
    }

    /**
     * Completes a job with nothing left under older versions and retires those versions: the minimum decryption
     * version becomes the target, so a key restored from an old backup under a retired version no longer opens.
     */
    public void finish(UUID jobId) {
        Job job = lockJob(jobId);
        if (!job.state().equals("RUNNING")) {
            return;
        }
        int done = Rows.integer(em.createNativeQuery("SELECT done FROM rewrap_job WHERE id = ?1").setParameter(1, jobId)
                .getSingleResult());
        em.createNativeQuery("UPDATE rewrap_job SET state = 'COMPLETED', updated_at = now(), finished_at = now() WHERE id = ?1")
                .setParameter(1, jobId).executeUpdate();
        events.rewrapFinished(job.tenant(), jobId, true, done, null);
        if (job.domain().wrapsDataKeys() && job.target() > 1) {
            retireBelow(job);
        }
    }

    public void fail(UUID jobId, String error) {
        Job job = lockJob(jobId);
        em.createNativeQuery("UPDATE rewrap_job SET state = 'FAILED', last_error = ?2, updated_at = now() WHERE id = ?1"
                        + " AND state = 'RUNNING'")
                .setParameter(1, jobId).setParameter(2, error).executeUpdate();
        events.rewrapFinished(job.tenant(), jobId, false, 0, error);
    }

    private void rewrap(TenantId tenant, DataKeyWrapper keys, Object[] row) {
        UUID id = Rows.uuid(row[0]);
        String ownerType = (String) row[1];
        UUID ownerId = Rows.uuid(row[2]);
        WrappedDataKey old = new WrappedDataKey(new KeyReference((String) row[3], (String) row[4], Rows.integer(row[5])),
                (byte[]) row[6]);
        WrappedDataKey renewed;
        try {
            renewed = keys.rewrap(old, (byte[]) row[7]);
        } catch (KeyProviderException e) {
            throw new KeyServiceException("Cannot rewrap data key " + id + " of " + ownerType + " " + ownerId + " ("
                    + old.kek() + "): " + e.getMessage(), e);
        }
        em.createNativeQuery("UPDATE data_key SET provider_id = ?2, key_id = ?3, key_version = ?4, wrapped = ?5,"
                        + " rewrapped_at = now() WHERE id = ?1")
                .setParameter(1, id).setParameter(2, renewed.kek().providerId()).setParameter(3, renewed.kek().keyId())
                .setParameter(4, renewed.kek().version()).setParameter(5, renewed.ciphertext()).executeUpdate();
        for (DataKeyHolder holder : holders) {
            if (holder.ownerType().equals(ownerType)) {
                holder.rewrapCopy(tenant, ownerId, keys);
            }
        }
    }

    private void retireBelow(Job job) {
        KeyName name = KeyRegistry.keyName(job.tenant(), job.domain());
        try {
            registry.provider(job.tenant()).retireBelow(name, job.target());
        } catch (KeyProviderException e) {
            throw new KeyServiceException("Rewrap done, but versions below " + job.target() + " could not be retired: "
                    + e.getMessage(), e);
        }
        em.createNativeQuery("UPDATE key_configuration SET minimum_version = GREATEST(minimum_version, ?3)"
                        + " WHERE tenant_id = ?1 AND domain = ?2")
                .setParameter(1, job.tenant().value()).setParameter(2, job.domain().label()).setParameter(3, job.target())
                .executeUpdate();
        em.createNativeQuery("UPDATE key_version SET state = 'RETIRED', retired_at = now() WHERE tenant_id = ?1"
                        + " AND domain = ?2 AND version < ?3 AND state = 'ACTIVE'")
                .setParameter(1, job.tenant().value()).setParameter(2, job.domain().label()).setParameter(3, job.target())
                .executeUpdate();
        events.retired(job.tenant(), name.keyId(), job.target());
    }

    private Job lockJob(UUID jobId) {
        List<?> found = em.createNativeQuery("SELECT tenant_id, domain, target_version, state FROM rewrap_job"
                        + " WHERE id = ?1 FOR UPDATE").setParameter(1, jobId).getResultList();
        if (found.isEmpty()) {
            throw new KeyServiceException("No rewrap job " + jobId);
        }
        Object[] row = (Object[]) found.get(0);
        return new Job(new TenantId(Rows.uuid(row[0])), domainOf((String) row[1]), Rows.integer(row[2]), (String) row[3]);
    }

    static KeyDomain domainOf(String label) {
        return KeyDomain.valueOf(label.toUpperCase(java.util.Locale.ROOT));
    }
}
