package io.vigil.keys;

import io.vigil.tenancy.TenantDirectory;
import io.vigil.tenancy.TenantId;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

/**
 * Creates at start-up the keys of every tenant that has none yet, so that a missing or unreachable key provider
 * shows at deployment rather than at the first recording of a live call. Tenants added later get their keys on
 * first use ({@link KeyRegistry#ensureTenantKeys}).
 */
@Singleton
@Startup
@DependsOn({"DatabaseMigrator", "DemoDataSeeder"})
public class TenantKeysAtStartup {

    @EJB
    private TenantDirectory tenants;

    @EJB
    private KeyRegistry registry;

    @PostConstruct
    void createMissingKeys() {
        tenants.all().forEach(t -> registry.ensureTenantKeys(new TenantId(t.id())));
    }
}
