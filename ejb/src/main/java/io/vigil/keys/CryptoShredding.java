package io.vigil.keys;

import io.vigil.audit.domain.AuditActor;
import io.vigil.crypto.keys.KeyDomain;
import io.vigil.crypto.keys.KeyProviderException;
import io.vigil.crypto.keys.KeyReference;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/**
 * Makes data unrecoverable by destroying keys instead of finding every copy of the data: one owner's data key
 * (every copy of its wrapped form: the inventory row and the owner's own, e.g. a recording header), or a whole key
 * version in the provider, which shreds every data key it wrapped, including those in backups.
 */
@Stateless
public class CryptoShredding {

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @EJB
    private KeyRegistry registry;

    @Inject
    private KeyEvents events;

    @Inject
    @Any
    private Instance<DataKeyHolder> holders;

    /** Destroys the data key of one owner (e.g. a recording track); false if it has none or it is already shredded. */
    public boolean shredDataKey(TenantId tenant, String ownerType, UUID ownerId, AuditActor actor) {
        int shredded = em.createNativeQuery("UPDATE data_key SET wrapped = NULL, shredded_at = now() WHERE tenant_id = ?1"
                        + " AND owner_type = ?2 AND owner_id = ?3 AND shredded_at IS NULL")
                .setParameter(1, tenant.value()).setParameter(2, ownerType).setParameter(3, ownerId).executeUpdate();
        if (shredded == 0) {
            return false;
        }
        for (DataKeyHolder holder : holders) {
            if (holder.ownerType().equals(ownerType)) {
                holder.shredCopy(tenant, ownerId);
            }
        }
        events.dataKeyShredded(tenant, actor, ownerType, ownerId);
        return true;
    }

    /**
     * Destroys one version of the tenant's key of {@code domain}; returns how many data keys were shredded with it.
     * The current version cannot be destroyed (new data would have no key): rotate first.
     */
    public int destroyVersion(TenantId tenant, KeyDomain domain, int version, AuditActor actor) {
        List<?> found = em.createNativeQuery("SELECT provider_id, key_id, current_version FROM key_configuration"
                        + " WHERE tenant_id = ?1 AND domain = ?2 FOR UPDATE")
                .setParameter(1, tenant.value()).setParameter(2, domain.label()).getResultList();
        if (found.isEmpty()) {
            throw new KeyServiceException("The tenant has no " + domain.label() + " key");
        }
        Object[] config = (Object[]) found.get(0);
        if (version >= Rows.integer(config[2])) {
            throw new KeyServiceException("Version " + version + " is the current " + domain.label()
                    + " key version; rotate first, then destroy it");
        }
        KeyReference reference = new KeyReference((String) config[0], (String) config[1], version);
        try {
            registry.provider(tenant).destroy(reference);
        } catch (KeyProviderException e) {
            throw new KeyServiceException("Cannot destroy " + reference + ": " + e.getMessage(), e);
        }
        em.createNativeQuery("UPDATE key_version SET state = 'DESTROYED', destroyed_at = now() WHERE tenant_id = ?1"
                        + " AND domain = ?2 AND version = ?3")
                .setParameter(1, tenant.value()).setParameter(2, domain.label()).setParameter(3, version).executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> owners = em.createNativeQuery("UPDATE data_key SET wrapped = NULL, shredded_at = now()"
                        + " WHERE tenant_id = ?1 AND domain = ?2 AND key_version = ?3 AND shredded_at IS NULL"
                        + " RETURNING owner_type, owner_id")
                .setParameter(1, tenant.value()).setParameter(2, domain.label()).setParameter(3, version).getResultList();
        events.versionDestroyed(tenant, actor, reference, owners.size());
        return owners.size();
    }
}
