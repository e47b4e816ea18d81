package io.vigil.tenancy;

import jakarta.ejb.Stateless;
import java.util.function.Supplier;

/**
 * Runs code confined to one tenant ({@link TenantScope} confines the call because it takes a {@link TenantId}):
 * for work that walks tenants one at a time, such as background jobs, and for checking the confinement itself.
 */
@Stateless
public class TenantWork {

    /** {@code work}'s result, every query in it seeing only {@code tenant}'s rows. */
    public <T> T confined(TenantId tenant, Supplier<T> work) {
        return work.get();
    }
}
