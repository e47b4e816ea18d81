package io.vigil.web.console.playback;

import io.vigil.crypto.recording.RecordingFormatException;
import io.vigil.crypto.recording.RecordingReader;
import io.vigil.keys.KeyEvents;
import io.vigil.recording.RecordingLibrary;
import io.vigil.review.domain.ReviewRole;
import io.vigil.tenancy.TenantId;
import io.vigil.web.console.ConsoleTenant;
import io.vigil.web.console.CurrentReviewer;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET /recordings/{id}}: plays a recording of the console tenant, decrypting on the fly only the segments the
 * requested bytes lie in, so a player can seek (HTTP Range, 206) anywhere in an hour-long call at once. Another
 * tenant's id and an unknown id are the same 404; users without a role that may read calls get 403. Every response
 * with audio is an audited playback.
 */
@WebServlet("/recordings/*")
public class RecordingPlaybackServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(RecordingPlaybackServlet.class.getName());
    /** The console roles that may read calls; admin manages keys but does not listen to calls. */
    static final Set<ReviewRole> MAY_PLAY = EnumSet.of(ReviewRole.COMPLIANCE_OFFICER, ReviewRole.SUPERVISOR,
            ReviewRole.LEGAL, ReviewRole.SECURITY);

    @EJB
    private transient RecordingLibrary library;

    @Inject
    private transient ConsoleTenant tenant;

    @Inject
    private transient CurrentReviewer user;

    @Inject
    private transient KeyEvents events;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<UUID> id = idOf(request.getPathInfo());
        if (id.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (MAY_PLAY.stream().noneMatch(user.reviewer()::has)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Your role may not play call recordings");
            return;
        }
        TenantId tenantId = tenant.id();
        try {
            Optional<RecordingReader> opened = library.open(tenantId, id.get());
            if (opened.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            try (RecordingReader reader = opened.get()) {
                serve(reader, request, response);
                events.recordingPlayed(tenantId, id.get(), user.reviewer().userId(), request.getHeader("Range"));
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
