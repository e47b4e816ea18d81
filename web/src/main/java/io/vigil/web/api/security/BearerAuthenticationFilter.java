package io.vigil.web.api.security;

import io.vigil.web.api.ApiProblem;
import io.vigil.web.api.CallerTenant;
import io.vigil.web.security.Role;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.security.Principal;
import java.util.Arrays;

/**
 * Authenticates and authorises every API call: a valid bearer token (401 otherwise, RFC 6750 style) and one of the
 * roles the resource allows (403 otherwise). A resource that names no roles and is not {@link PublicApi} is
 * refused to everyone, so a new endpoint cannot be left open by forgetting an annotation.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthenticationFilter implements ContainerRequestFilter {

    @Inject
    private TokenAuthority authority;

    @Inject
    private CallerTenant callerTenant;

    @Context
    private ResourceInfo resource;

    @Inject
    private io.vigil.web.api.audit.ApiAudit audit;

    @Override
    public void filter(ContainerRequestContext request) {
        if (annotation(PublicApi.class) != null) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            request.abortWith(ApiProblem.unauthorized("Bearer realm=\"vigil\"", "a bearer token is required"));
            audit.refused(request, null, 401, "no bearer token");
            return;
        }
        ApiCaller caller;
        try {
            caller = authority.verify(header.substring(7).trim());
        } catch (TokenRejected e) {
            request.abortWith(ApiProblem.unauthorized(
                    "Bearer realm=\"vigil\", error=\"invalid_token\", error_description=\"" + e.getMessage() + "\"",
                    e.getMessage()));
            audit.refused(request, null, 401, e.getMessage());
            return;
        }
        AllowedRoles allowed = annotation(AllowedRoles.class);
        if (allowed == null || Arrays.stream(allowed.value()).noneMatch(caller::has)) {
            request.abortWith(ApiProblem.of(Response.Status.FORBIDDEN, "your role does not allow this call"));
            audit.refused(request, caller, 403, "role not allowed");
            return;
        }
        callerTenant.authenticated(caller);
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override public Principal getUserPrincipal() { return caller; }
            @Override public boolean isUserInRole(String role) { return Role.byName(role).map(caller::has).orElse(false); }
            @Override public boolean isSecure() { return secure; }
            @Override public String getAuthenticationScheme() { return "Bearer"; }
        });
    }

    private <A extends java.lang.annotation.Annotation> A annotation(Class<A> type) {
        AnnotatedElement method = resource.getResourceMethod();
        A found = method == null ? null : method.getAnnotation(type);
        if (found == null && resource.getResourceClass() != null) {
            found = resource.getResourceClass().getAnnotation(type);
        }
        return found;
    }
}
