package io.vigil.keys;

import io.vigil.crypto.keys.KeyDomain;
import io.vigil.crypto.keys.WrappedDataKey;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;

/**
 * Every data key Vigil issued, in wrapped form, with its owner: the list the rewrap job walks, the Keys page counts
 * and crypto-shredding destroys. One row per owner (e.g. one recording track).
 */
@Stateless
public class DataKeyInventory {

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    /** Registers a freshly issued data key; {@code associatedData} is the context its wrap is bound to. */
    public UUID register(TenantId tenant, KeyDomain domain, String ownerType, UUID ownerId, WrappedDataKey wrapped,
                         byte[] associatedData) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("INSERT INTO data_key (id, tenant_id, domain, owner_type, owner_id, provider_id, key_id,"
                        + " key_version, wrapped, associated_data) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
                .setParameter(1, id).setParameter(2, tenant.value()).setParameter(3, domain.label())
                .setParameter(4, ownerType).setParameter(5, ownerId).setParameter(6, wrapped.kek().providerId())
                .setParameter(7, wrapped.kek().keyId()).setParameter(8, wrapped.kek().version())
                .setParameter(9, wrapped.ciphertext()).setParameter(10, associatedData).executeUpdate();
        return id;
    }

    /** When the owner's data key was shredded, if it was. */
    public Optional<java.time.Instant> shreddedAt(TenantId tenant, String ownerType, UUID ownerId) {
        return em.createNativeQuery("SELECT shredded_at FROM data_key WHERE tenant_id = ?1 AND owner_type = ?2"
                        + " AND owner_id = ?3 AND shredded_at IS NOT NULL")
                .setParameter(1, tenant.value()).setParameter(2, ownerType).setParameter(3, ownerId)
                .getResultStream().findFirst().map(Rows::instant);
    }
}
