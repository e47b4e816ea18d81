package io.vigil.web.console.playback;

import io.vigil.crypto.recording.RecordingFormatException;
import io.vigil.recording.RecordingWaveforms;
import io.vigil.recording.Waveform;
import io.vigil.web.console.ConsoleTenant;
import io.vigil.web.console.CurrentUser;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET /recordings/peaks/{id}}: the waveform of a recording as small JSON ({@link Waveform#toJson}) for the
 * call page's player. Same rules as playback: the console tenant's recordings only (another tenant's id is 404),
 * call readers only (web.xml keeps {@code /recordings/*} to them, and this checks again). The outline carries no
 * words, so it is not audited as a playback; the audio it belongs to is, when played.
 */
@WebServlet("/recordings/peaks/*")
public class WaveformServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(WaveformServlet.class.getName());

    @EJB
    private transient RecordingWaveforms waveforms;

    @Inject
    private transient ConsoleTenant tenant;

    @Inject
    private transient CurrentUser user;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!user.isCallReader()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Your role may not open call recordings");
            return;
        }
        Optional<UUID> id = RecordingPlaybackServlet.idOf(request.getPathInfo());
        if (id.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try {
            Optional<Waveform> waveform = waveforms.of(tenant.id(), id.get());
            if (waveform.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            byte[] json = waveform.get().toJson().getBytes(StandardCharsets.UTF_8);
            response.setContentType("application/json");
            // private: the browser may keep it for the visit, shared caches never
            response.setHeader("Cache-Control", "private, max-age=3600");
            response.setContentLength(json.length);
            response.getOutputStream().write(json);
        } catch (RecordingFormatException e) {
            if (e.reason() == RecordingFormatException.Reason.SHREDDED) {
                response.sendError(HttpServletResponse.SC_GONE, "This recording was crypto-shredded");
            } else {
                LOG.log(Level.WARNING, "waveform of recording " + id.get() + " cannot be read", e);
                response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "The recording cannot be read");
            }
        }
    }
}
