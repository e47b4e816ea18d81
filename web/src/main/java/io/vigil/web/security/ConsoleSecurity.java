package io.vigil.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.LogoutDefinition;

/**
 * The console signs people in with OpenID Connect (authorization code flow) at the configured Keycloak realm.
 * Roles come from the {@code groups} claim (realm roles, mapped in the realm), the name from
 * {@code preferred_username}. Signing out also ends the Keycloak session. Which pages need which role is in
 * web.xml; the REST API authenticates bearer tokens itself ({@code io.vigil.web.api.security}).
 */
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${vigilOidc.issuer}",
        clientId = "${vigilOidc.clientId}",
        clientSecret = "${vigilOidc.clientSecret}",
        redirectURI = "${baseURL}/callback",
        // false: restoring the original request in Soteria loses its parameters (NPE in Faces); after sign-in
        // the callback sends people to their start page instead
        redirectToOriginalResource = false,
        scope = {"openid", "email", "profile"},
        claimsDefinition = @ClaimsDefinition(callerNameClaim = "preferred_username", callerGroupsClaim = "groups"),
        logout = @LogoutDefinition(notifyProvider = true, redirectURI = "${baseURL}/"))
@DeclareRoles({Role.COMPLIANCE_OFFICER_NAME, Role.SUPERVISOR_NAME, Role.LEGAL_NAME, Role.ADMIN_NAME, Role.SECURITY_NAME,
        Role.AGENT_RUNTIME_NAME})
@ApplicationScoped
public class ConsoleSecurity {
}
