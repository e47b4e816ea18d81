package io.vigil.web.console.audit;

import io.vigil.audit.domain.RequestSource;
import io.vigil.platform.VigilConfig;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Tells the audit log where each request comes from ({@link RequestSource}): the peer address, or, when the setting
 * {@code vigil.audit.trust-forwarded-for} is true because a proxy is in front, the address that proxy added to
 * {@code X-Forwarded-For}. Without that setting the header is ignored, since any client can send it.
 */
@WebFilter(filterName = "audit-request-source", urlPatterns = "/*")
public class AuditRequestFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private final boolean trustForwardedFor = VigilConfig.current().flag("vigil.audit.trust-forwarded-for");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        RequestSource.enter(RequestSource.of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), trustForwardedFor));
        try {
            chain.doFilter(request, response);
        } finally {
            RequestSource.leave();
        }
    }
}
