package io.vigil.web.console;

import io.vigil.tenancy.ConsoleUsers;
import io.vigil.tenancy.Tenant;
import io.vigil.tenancy.TenantDirectory;
import io.vigil.tenancy.TenantId;
import io.vigil.web.security.Role;
import io.vigil.web.security.TenantClaim;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import java.io.Serializable;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The tenant of the signed-in person, from the {@code tenant} claim of their token, fixed for the whole sign-in
 * session. The console's pages get the tenant only from here, so tenant scoping has a single source in the web
 * tier; a person without exactly one known tenant sees nothing.
 */
@Named
@SessionScoped
public class ConsoleTenant implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient TenantDirectory directory;

    @Inject
    private transient OpenIdContext openId;

    @EJB
    private transient ConsoleUsers users;

    @EJB
    private transient io.vigil.audit.AuditTrail audit;

    @Inject
    private transient jakarta.security.enterprise.SecurityContext security;

    private TenantId id;
    private String name;
    private String userId;

    /** The current tenant; a {@link NoTenantException} (shown as "access denied") when the token names none. */
    public TenantId id() {
        if (id == null) {
            String slug = TenantClaim.from(openId.getIdentityToken().getJwtClaims().getArrayStringClaim("tenant"))
                    .orElseThrow(() -> new NoTenantException("your account is not assigned to exactly one tenant"));
            Tenant tenant = directory.bySlug(slug)
                    .orElseThrow(() -> new NoTenantException("your account's tenant '" + slug + "' does not exist here"));
            id = new TenantId(tenant.id());
            name = tenant.name();
            userId = openId.getSubject();
            users.seen(id, userId, security.getCallerPrincipal().getName(), Arrays.stream(Role.values())
                    .map(Role::roleName).filter(security::isCallerInRole).collect(Collectors.toSet()));
            audit.record(io.vigil.audit.domain.AuditEvents.signIn(id, userId, security.getCallerPrincipal().getName()));
        }
        return id;
    }

    /** The identity provider's subject of the signed-in person. */
    public String userId() {
        id();
        return userId;
    }

    public String getName() {
        id();
        return name;
    }
}
