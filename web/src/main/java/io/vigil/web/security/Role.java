package io.vigil.web.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * The realm roles Vigil knows. People get the first five (security receives escalated flags); {@link #AGENT_RUNTIME} is for the service clients of
 * voice agents and telephony. docs/security.md has the role-by-action matrix.
 */
public enum Role {
    COMPLIANCE_OFFICER("compliance-officer"),
    SUPERVISOR("supervisor"),
    LEGAL("legal"),
    ADMIN("admin"),
    SECURITY("security"),
    AGENT_RUNTIME("agent-runtime");

    /** The names as the container and the security constraints in web.xml know them. */
    public static final String COMPLIANCE_OFFICER_NAME = "compliance-officer";
    public static final String SUPERVISOR_NAME = "supervisor";
    public static final String LEGAL_NAME = "legal";
    public static final String ADMIN_NAME = "admin";
    public static final String SECURITY_NAME = "security";
    public static final String AGENT_RUNTIME_NAME = "agent-runtime";

    private final String roleName;

    Role(String roleName) {
        this.roleName = roleName;
    }

    public String roleName() {
        return roleName;
    }

    public static Optional<Role> byName(String name) {
        return Arrays.stream(values()).filter(r -> r.roleName.equals(name)).findFirst();
    }
}
