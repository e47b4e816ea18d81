package io.vigil.web.console;

import io.vigil.web.security.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;

/** Who is signed in and what they may do, for the user menu and for showing only the actions a role allows. */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    private SecurityContext security;

    @Inject
    private OpenIdContext openId;

    /** The person's user name as the identity provider knows it (not the opaque subject). */
    public String getName() {
        Principal principal = security.getCallerPrincipal();
        if (principal == null) {
            return "";
        }
        String username = openId.getIdentityToken().getJwtClaims().getStringClaim("preferred_username").orElse(null);
        return username != null && !username.isBlank() ? username : principal.getName();
    }

    public List<String> getRoles() {
        return Arrays.stream(Role.values()).map(Role::roleName).filter(security::isCallerInRole).toList();
    }

    /** "compliance-officer, supervisor": the roles for the user menu. */
    public String getRolesText() {
        return String.join(", ", getRoles());
    }

    public boolean has(String role) {
        return security.isCallerInRole(role);
    }

    /** Compliance officers, supervisors, legal and security work with calls; administrators configure Vigil. */
    public boolean isCallReader() {
        return has(Role.COMPLIANCE_OFFICER_NAME) || has(Role.SUPERVISOR_NAME) || has(Role.LEGAL_NAME)
                || has(Role.SECURITY_NAME);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN_NAME);
    }
}
