package io.vigil.dpia.domain;

/** The roles that work with DPIAs and records of processing (realm role names as in docs/security.md). */
public enum DpiaRole {
    COMPLIANCE_OFFICER("compliance-officer"), ADMIN("admin"), LEGAL("legal");

    private final String roleName;

    DpiaRole(String roleName) {
        this.roleName = roleName;
    }

    public String roleName() {
        return roleName;
    }
}
