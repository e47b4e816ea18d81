package io.vigil.dpia.domain;

import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The person acting on DPIAs and records: the identity provider's subject, a display name, and their roles. Built
 * by the door that authenticated them (console or API); services only check it.
 */
public record DpiaActor(String userId, String name, Set<DpiaRole> roles) implements Serializable {

    public DpiaActor {
        if (userId == null || userId.isBlank() || name == null || name.isBlank()) {
            throw new IllegalArgumentException("an actor needs a user id and a name");
        }
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static DpiaActor of(String userId, String name, DpiaRole... roles) {
        return new DpiaActor(userId, name, Set.of(roles));
    }

    public boolean has(DpiaRole role) {
        return roles.contains(role);
    }

    /** Compliance officers and administrators write; legal reads. */
    public boolean canEdit() {
        return has(DpiaRole.COMPLIANCE_OFFICER) || has(DpiaRole.ADMIN);
    }

    public void requireAny(String action, DpiaRole... anyOf) {
        if (Arrays.stream(anyOf).noneMatch(this::has)) {
            throw new DpiaException.NotPermitted(name + " cannot " + action + ": that needs the role "
                    + Arrays.stream(anyOf).map(DpiaRole::roleName).collect(Collectors.joining(" or "))
                    + ". Ask an administrator to grant it.");
        }
    }

    public void requireEditor(String action) {
        requireAny(action, DpiaRole.COMPLIANCE_OFFICER, DpiaRole.ADMIN);
    }

    public void requireReader(String action) {
        requireAny(action, DpiaRole.COMPLIANCE_OFFICER, DpiaRole.ADMIN, DpiaRole.LEGAL);
    }
}
