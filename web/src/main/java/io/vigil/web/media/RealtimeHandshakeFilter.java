package io.vigil.web.media;

import io.vigil.audit.domain.AuditActor;
import io.vigil.audit.domain.AuditEvents;
import io.vigil.tenancy.TenantDirectory;
import io.vigil.web.api.security.ApiCaller;
import io.vigil.web.api.security.TokenAuthority;
import io.vigil.web.api.security.TokenRejected;
import io.vigil.web.security.Role;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Refuses a {@code /v1/realtime} handshake whose client is not an agent runtime before the WebSocket upgrade, as an
 * HTTP API would: 401 without a token or with one that does not verify, 403 for a verified token without the
 * {@code agent-runtime} role. Clients and their SDKs see the status, not a connection that opens and is closed with
 * 1008 at once. The endpoint checks the token again when it opens (the agent profile is chosen there); the token is
 * never logged.
 */
@WebFilter(filterName = "realtime-handshake", urlPatterns = "/v1/realtime")
public class RealtimeHandshakeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    private TokenAuthority tokens;

    @EJB
    private TenantDirectory tenants;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String token = RealtimeEndpoint.bearer(headers(request));
        if (token.isBlank()) {
            refuse(response, 401, null, AuditActor.ANONYMOUS, "invalid_api_key",
                    "no access token: send 'Authorization: Bearer <agent-runtime token>'");
            return;
        }
        ApiCaller caller;
        try {
            caller = tokens.verify(token);
        } catch (TokenRejected e) {
            refuse(response, 401, null, AuditActor.ANONYMOUS, "invalid_api_key", "token refused: " + e.getMessage());
            return;
        }
        if (!caller.has(Role.AGENT_RUNTIME)) {
            UUID tenant = tenants.bySlug(caller.tenantSlug()).map(t -> t.id()).orElse(null);
            refuse(response, 403, tenant, AuditActor.client(caller.clientId() == null ? caller.subject()
                    : caller.clientId()), "forbidden", "the token's client has no agent-runtime role: use the "
                    + "client-credentials token of the tenant's agent client");
            return;
        }
        chain.doFilter(request, response);
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        return headers;
    }

    /** The body has the shape of an OpenAI API error, so SDKs show its message. */
    private static void refuse(HttpServletResponse response, int status, UUID tenant, AuditActor actor, String code,
                               String message) throws IOException {
        LiveSessionAudit.record(AuditEvents.liveSessionRefused(tenant, actor, "realtime", message));
        response.setStatus(status);
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"vigil\"");
        }
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"" + code
                + "\",\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}}");
    }
}
