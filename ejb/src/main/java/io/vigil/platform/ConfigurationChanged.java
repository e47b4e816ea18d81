package io.vigil.platform;

import io.vigil.tenancy.TenantId;
import java.util.Objects;

/**
 * A CDI event for capabilities that change what DPIAs rely on (agent profiles, retention policies, key providers,
 * redaction): firing it after the change checks the tenant's approved DPIAs for drift at once, rather than the next
 * time someone reads them.
 */
public record ConfigurationChanged(TenantId tenant, String what) {

    public ConfigurationChanged {
        Objects.requireNonNull(tenant, "tenant");
    }
}
