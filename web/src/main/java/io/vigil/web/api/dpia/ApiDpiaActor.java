package io.vigil.web.api.dpia;

import io.vigil.dpia.domain.DpiaActor;
import io.vigil.dpia.domain.DpiaRole;
import io.vigil.web.api.security.ApiCaller;
import io.vigil.web.security.Role;
import java.util.EnumSet;
import java.util.Set;

/** The API caller as the DPIA services need them. */
final class ApiDpiaActor {

    private ApiDpiaActor() {
    }

    static DpiaActor of(ApiCaller caller) {
        Set<DpiaRole> roles = EnumSet.noneOf(DpiaRole.class);
        for (DpiaRole role : DpiaRole.values()) {
            Role.byName(role.roleName()).filter(caller::has).ifPresent(r -> roles.add(role));
        }
        String name = caller.name() == null || caller.name().isBlank() ? caller.subject() : caller.name();
        return new DpiaActor(caller.subject(), name, roles);
    }
}
