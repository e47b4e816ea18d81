package io.vigil.tenancy;

import java.util.Objects;
import java.util.UUID;

/** The tenant a request acts for. Repositories take it explicitly so that no query can be written without it. */
public record TenantId(UUID value) {
    public TenantId {
        Objects.requireNonNull(value, "tenant id");
    }

    public static TenantId of(String uuid) {
        return new TenantId(UUID.fromString(uuid));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
