package io.vigil.keys;

import io.vigil.audit.domain.AuditActor;
import io.vigil.crypto.keys.KeyDomain;
import io.vigil.crypto.keys.KeyProviderException;
import io.vigil.crypto.keys.KeyReference;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

/**
 * Adds a key version (rotation) and records the rewrap job that must follow it, in one transaction: new data keys
 * are wrapped under the new version from the moment it commits. A rewrap job still running for an older version is
 * superseded, since the new job rewraps everything below the new version anyway.
 */
@Stateless
public class KeyVersions {

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @EJB
    private KeyRegistry registry;

    @Inject
    private KeyEvents events;

    /** The id of the rewrap job for the new version. */
    public UUID addVersion(TenantId tenant, KeyDomain domain, AuditActor actor) {
        registry.ensureTenantKeys(tenant);
        lockConfiguration(tenant, domain);
        KeyReference created;
        try {
            created = registry.provider(tenant).createVersion(KeyRegistry.keyName(tenant, domain));
        } catch (KeyProviderException e) {
            throw new KeyServiceException("Cannot create a new " + domain.label() + " key version: " + e.getMessage(), e);
        }
        em.createNativeQuery("UPDATE key_configuration SET current_version = ?3, rotated_at = now()"
                        + " WHERE tenant_id = ?1 AND domain = ?2")
                .setParameter(1, tenant.value()).setParameter(2, domain.label()).setParameter(3, created.version())
                .executeUpdate();
        em.createNativeQuery("INSERT INTO key_version (tenant_id, domain, version, state) VALUES (?1, ?2, ?3, 'ACTIVE')")
                .setParameter(1, tenant.value()).setParameter(2, domain.label()).setParameter(3, created.version())
                .executeUpdate();
        em.createNativeQuery("UPDATE rewrap_job SET state = 'SUPERSEDED', updated_at = now(), finished_at = now()"
                        + " WHERE tenant_id = ?1 AND domain = ?2 AND state IN ('RUNNING', 'FAILED')")
                .setParameter(1, tenant.value()).setParameter(2, domain.label()).executeUpdate();
        UUID job = UUID.randomUUID();
        Number toRewrap = (Number) em.createNativeQuery("SELECT count(*) FROM data_key WHERE tenant_id = ?1"
                        + " AND domain = ?2 AND key_version < ?3 AND shredded_at IS NULL")
                .setParameter(1, tenant.value()).setParameter(2, domain.label()).setParameter(3, created.version())
                .getSingleResult();
        em.createNativeQuery("INSERT INTO rewrap_job (id, tenant_id, domain, target_version, state, total)"
                        + " VALUES (?1, ?2, ?3, ?4, 'RUNNING', ?5)")
                .setParameter(1, job).setParameter(2, tenant.value()).setParameter(3, domain.label())
                .setParameter(4, created.version()).setParameter(5, toRewrap.intValue()).executeUpdate();
        events.rotated(tenant, actor, created, job);
        return job;
    }

    /** Serialises rotations of one key: two at once would both read the same current version. */
    private void lockConfiguration(TenantId tenant, KeyDomain domain) {
        em.createNativeQuery("SELECT current_version FROM key_configuration WHERE tenant_id = ?1 AND domain = ?2 FOR UPDATE")
                .setParameter(1, tenant.value()).setParameter(2, domain.label()).getSingleResult();
    }
}
