package io.vigil.review.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a person may do in review. The names are the realm roles identity will carry ({@link #roleName()}):
 * compliance officers work the flag queue, supervisors annotate calls and raise flags, legal and security receive
 * escalations.
 */
public enum ReviewRole {
    COMPLIANCE_OFFICER("compliance-officer"),
    SUPERVISOR("supervisor"),
    LEGAL("legal"),
    SECURITY("security");

    private final String roleName;

    ReviewRole(String roleName) {
        this.roleName = roleName;
    }

    /** The role's name in the identity provider, e.g. {@code compliance-officer}. */
    public String roleName() {
        return roleName;
    }

    /** The review role an identity role name stands for; other roles of the realm are not review roles. */
    public static Optional<ReviewRole> fromRoleName(String name) {
        return Arrays.stream(values()).filter(r -> r.roleName.equals(name)).findFirst();
    }
}
