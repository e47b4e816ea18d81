package io.vigil.web.console.discovery;

import io.vigil.audit.domain.AuditActor;
import io.vigil.discovery.application.ExportRefused;
import io.vigil.discovery.application.Exports;
import io.vigil.web.console.ConsoleTenant;
import io.vigil.web.console.CurrentUser;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * {@code /discovery/bundle/<export id>}: the bundle for its requester (web.xml limits the path to the legal role);
 * audited by {@link Exports#download}. Another person's export is 403, another tenant's or an unknown one 404.
 */
@WebServlet("/discovery/bundle/*")
public class ExportDownloadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient Exports exports;

    @Inject
    private ConsoleTenant tenant;

    @Inject
    private CurrentUser user;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        UUID exportId;
        try {
            exportId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such export");
            return;
        }
        Path file;
        try {
            file = exports.download(tenant.id(), exportId, AuditActor.user(tenant.userId(), user.getName()));
        } catch (ExportRefused e) {
            response.sendError(switch (e.reason()) {
                case NOT_FOUND -> HttpServletResponse.SC_NOT_FOUND;
                case NOT_REQUESTER -> HttpServletResponse.SC_FORBIDDEN;
                case NOT_READY -> HttpServletResponse.SC_CONFLICT;
            }, e.getMessage());
            return;
        }
        boolean encrypted = file.getFileName().toString().endsWith(".p7m");
        response.setContentType(encrypted ? "application/pkcs7-mime" : "application/zip");
        response.setHeader("Content-Disposition", "attachment; filename=\"export-" + exportId
                + (encrypted ? ".zip.p7m\"" : ".zip\""));
        response.setContentLengthLong(Files.size(file));
        Files.copy(file, response.getOutputStream());
    }
}
