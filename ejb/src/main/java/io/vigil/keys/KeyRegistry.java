package io.vigil.keys;

import io.vigil.crypto.keys.DataKeyWrapper;
import io.vigil.crypto.keys.KeyDomain;
import io.vigil.crypto.keys.KeyName;
import io.vigil.crypto.keys.KeyProvider;
import io.vigil.crypto.keys.KeyProviderException;
import io.vigil.crypto.keys.KeyReference;
import io.vigil.tenancy.TenantId;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The tenants' key providers, opened once from {@link KeySettings} and shared (providers are thread-safe), and the
 * guarantee that every tenant has one key per {@link KeyDomain} before anything is encrypted for it: keys are
 * created on first use, so tenants added after start-up get theirs too.
 *
 * <p>Key names use the tenant's UUID, not its slug, so renaming a tenant never orphans its keys.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class KeyRegistry {

    private static final Logger LOG = Logger.getLogger(KeyRegistry.class.getName());

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @Inject
    private KeyEvents events;

    private final KeySettings settings = KeySettings.fromSystem();
    private final Map<String, KeyProvider> providers = new HashMap<>();

    public static KeyName keyName(TenantId tenant, KeyDomain domain) {
        return new KeyName(tenant.toString(), domain);
    }

    /** The provider holding this tenant's keys, opened on first use. */
    public synchronized KeyProvider provider(TenantId tenant) {
        String id = settings.providerFor(slugOf(tenant));
        return providers.computeIfAbsent(id, this::open);
    }

    /**
     * The installation's default provider ({@code vigil.keys.provider}), for keys that belong to no tenant, such as
     * the C2PA demo CA's intermediate key.
     */
    public synchronized KeyProvider platformProvider() {
        return providers.computeIfAbsent(settings.providerFor(""), this::open);
    }

    public DataKeyWrapper wrapper(TenantId tenant) {
        return DataKeyWrapper.create(provider(tenant));
    }

    public KeySettings settings() {
        return settings;
    }

    /** Creates the tenant's missing keys (all four domains) and their key configuration; idempotent. */
    public synchronized void ensureTenantKeys(TenantId tenant) {
        for (KeyDomain domain : KeyDomain.values()) {
            Number known = (Number) em.createNativeQuery(
                            "SELECT count(*) FROM key_configuration WHERE tenant_id = ?1 AND domain = ?2")
                    .setParameter(1, tenant.value()).setParameter(2, domain.label()).getSingleResult();
            if (known.intValue() == 0) {
                createKey(tenant, domain);
            }
        }
        em.flush();
    }

    private void createKey(TenantId tenant, KeyDomain domain) {
        KeyProvider provider = provider(tenant);
        KeyName name = keyName(tenant, domain);
        KeyReference current;
        try {
            // a provider that already holds the key (the database was restored or recreated) keeps its versions
            current = provider.versions(name).isEmpty() ? provider.createVersion(name) : provider.currentVersion(name);
        } catch (KeyProviderException e) {
            throw new KeyServiceException("Cannot create the " + domain.label() + " key of tenant " + tenant + " in "
                    + provider.providerId() + ": " + e.getMessage(), e);
        }
        em.createNativeQuery("INSERT INTO key_configuration (tenant_id, domain, provider_id, key_id, current_version)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, tenant.value()).setParameter(2, domain.label()).setParameter(3, current.providerId())
                .setParameter(4, current.keyId()).setParameter(5, current.version()).executeUpdate();
        for (int v = 1; v <= current.version(); v++) {
            em.createNativeQuery("INSERT INTO key_version (tenant_id, domain, version, state) VALUES (?1, ?2, ?3, 'ACTIVE')")
                    .setParameter(1, tenant.value()).setParameter(2, domain.label()).setParameter(3, v).executeUpdate();
        }
        events.keyCreated(tenant, current);
    }

    private String slugOf(TenantId tenant) {
        Object slug = em.createNativeQuery("SELECT slug FROM tenant WHERE id = ?1").setParameter(1, tenant.value())
                .getResultStream().findFirst().orElse(null);
        if (slug == null) {
            throw new KeyServiceException("No tenant " + tenant);
        }
        return (String) slug;
    }

    private KeyProvider open(String providerId) {
        try {
            KeyProvider provider = KeyProviders.open(providerId, settings);
            LOG.info(() -> "key provider " + providerId + " opened");
            return provider;
        } catch (KeyProviderException e) {
            throw new KeyServiceException("The " + providerId + " key provider cannot be opened: " + e.getMessage(), e);
        }
    }

    @PreDestroy
    synchronized void closeProviders() {
        providers.values().forEach(p -> {
            try {
                p.close();
            } catch (KeyProviderException e) {
                LOG.log(Level.WARNING, "closing key provider " + p.providerId(), e);
            }
        });
        providers.clear();
    }
}
