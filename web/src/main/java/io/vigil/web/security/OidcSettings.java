package io.vigil.web.security;

import io.vigil.platform.VigilConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * The console's OpenID Connect client settings, read by the expressions of {@link ConsoleSecurity} when the
 * mechanism first builds its configuration (at the first sign-in, when CDI is up).
 */
@Named("vigilOidc")
@ApplicationScoped
public class OidcSettings {

    public String getIssuer() {
        return VigilConfig.current().require("vigil.oidc.issuer");
    }

    public String getClientId() {
        return VigilConfig.current().get("vigil.oidc.client-id").orElse("vigil-console");
    }

    public String getClientSecret() {
        return VigilConfig.current().require("vigil.oidc.client-secret");
    }
}
