package io.vigil.web.console.playback;

import io.vigil.audit.domain.AuditActor;
import io.vigil.crypto.recording.RecordingFormatException;
import io.vigil.crypto.recording.RecordingReader;
import io.vigil.keys.KeyEvents;
import io.vigil.recording.RecordingLibrary;
import io.vigil.tenancy.TenantId;
import io.vigil.web.console.ConsoleTenant;
import io.vigil.web.console.CurrentUser;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET /recordings/{id}}: plays a recording of the console tenant, decrypting on the fly only the segments the
 * requested bytes lie in, so a player can seek (HTTP Range, 206) anywhere in an hour-long call at once. Another
 * tenant's id and an unknown id are the same 404; users without a role that may read calls get 403 (web.xml also
 * keeps {@code /recordings/*} to those roles). Every playback is audited, and so is every refused one.
 */
@WebServlet("/recordings/*")
public class RecordingPlaybackServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(RecordingPlaybackServlet.class.getName());
    @EJB
    private transient RecordingLibrary library;

    @Inject
    private transient ConsoleTenant tenant;

    @Inject
    private transient CurrentUser user;

    @Inject
    private transient KeyEvents events;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<UUID> id = idOf(request.getPathInfo());
        if (id.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        TenantId tenantId = tenant.id();
        AuditActor actor = AuditActor.user(tenant.userId(), user.getName());
        String range = request.getHeader("Range");
        // admin manages keys but does not listen to calls
        if (!user.isCallReader()) {
            events.recordingPlayed(tenantId, actor, id.get().toString(), false, range);
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Your role may not play call recordings");
            return;
        }
        try {
            Optional<RecordingReader> opened = library.open(tenantId, id.get());
            if (opened.isEmpty()) {
                events.recordingPlayed(tenantId, actor, id.get().toString(), false, range);
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            try (RecordingReader reader = opened.get()) {
                events.recordingPlayed(tenantId, actor, id.get().toString(), true, range);
                serve(reader, request, response);
            }
        } catch (RecordingFormatException e) {
            if (e.reason() == RecordingFormatException.Reason.SHREDDED) {
                response.sendError(HttpServletResponse.SC_GONE, "This recording was crypto-shredded; its audio is gone for good");
            } else {
                LOG.log(Level.WARNING, "recording " + id.get() + " cannot be played", e);
                response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                        "The recording cannot be decrypted (" + e.reason() + "); the server log has the details");
            }
        }
    }

    private static void serve(RecordingReader reader, HttpServletRequest request, HttpServletResponse response) throws IOException {
        long size = reader.size();
        Optional<ByteRange> range;
        try {
            range = ByteRange.parse(request.getHeader("Range"), size);
        } catch (ByteRange.Unsatisfiable e) {
            response.setHeader("Content-Range", "bytes */" + size);
            response.sendError(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
            return;
        }
        ByteRange bytes = range.orElse(new ByteRange(0, size - 1));
        response.setContentType("audio/wav");
        response.setHeader("Accept-Ranges", "bytes");
        response.setHeader("Cache-Control", "private, no-store");
        if (range.isPresent()) {
            response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
            response.setHeader("Content-Range", bytes.contentRange(size));
        }
        response.setContentLengthLong(size == 0 ? 0 : bytes.length());
        if (size == 0) {
            return;
        }
        try (InputStream in = reader.openAt(bytes.first())) {
            copy(in, response.getOutputStream(), bytes.length());
        }
    }

    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                break;
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    static Optional<UUID> idOf(String pathInfo) {
        if (pathInfo == null || pathInfo.length() < 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(pathInfo.substring(1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
