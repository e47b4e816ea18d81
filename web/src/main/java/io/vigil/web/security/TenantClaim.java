package io.vigil.web.security;

import java.util.List;
import java.util.Optional;

/**
 * Reads the tenant from a token's {@code tenant} claim. Keycloak's group-membership mapper writes it as a list;
 * a person or client must belong to exactly one tenant, anything else is no tenant at all.
 */
public final class TenantClaim {

    private TenantClaim() {
    }

    public static Optional<String> from(List<String> values) {
        if (values == null || values.size() != 1) {
            return Optional.empty();
        }
        String slug = values.get(0).startsWith("/") ? values.get(0).substring(1) : values.get(0);
        return slug.matches("[a-z0-9][a-z0-9-]{1,63}") ? Optional.of(slug) : Optional.empty();
    }
}
