package io.vigil.keys;

import io.vigil.crypto.keys.DataKeyWrapper;
import io.vigil.tenancy.TenantId;
import java.util.UUID;

/**
 * An owner of data keys that keeps its own copy of the wrapped key next to its data (a recording's header). The
 * rewrap job and crypto-shredding tell it, so that no copy under an old or destroyed key is left behind.
 */
public interface DataKeyHolder {

    /** The {@code data_key.owner_type} this holder is responsible for. */
    String ownerType();

    /** Re-wrap the owner's own copy under the newest key version, without touching its encrypted content. */
    void rewrapCopy(TenantId tenant, UUID ownerId, DataKeyWrapper keys);

    /** Destroy the owner's own copy of the wrapped key. */
    void shredCopy(TenantId tenant, UUID ownerId);
}
