package io.vigil.web.api.security;

import io.vigil.web.security.Role;
import java.security.Principal;
import java.util.Set;

/** Who calls the API, from a verified access token: subject, the client it was issued to, tenant and roles. */
public record ApiCaller(String subject, String name, String clientId, String tenantSlug, Set<Role> roles)
        implements Principal {

    public ApiCaller {
        roles = Set.copyOf(roles);
    }

    @Override
    public String getName() {
        return name;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
