package io.vigil.web.console.review;

import io.vigil.recording.RecordingInfo;
import io.vigil.recording.RecordingLibrary;
import io.vigil.review.domain.CallTimeline;
import io.vigil.review.domain.ReviewedFlag;
import io.vigil.session.domain.CallDetail;
import io.vigil.session.domain.Flag;
import io.vigil.session.domain.TranscriptSegment;
import io.vigil.web.console.CallView;
import io.vigil.web.console.ConsoleTenant;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The call page's waveform player (WEB-INF/includes/call-review-player.xhtml): which recording it plays, where it
 * starts (the {@code t} parameter in ms, else the time of the flag opened from the queue), and the timeline it
 * draws: transcript lines to follow, redactions, events, flags and annotations (from {@link CallReviewView}, so an
 * annotation just saved shows at once). The player plays the recording as stored for review, never a track named
 * {@code original}: originals are reached only through break-glass.
 */
@Named("callPlayer")
@ViewScoped
public class CallPlayerView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String ORIGINAL_TRACK = "original";

    @EJB
    private transient RecordingLibrary library;

    @Inject
    private ConsoleTenant tenant;

    @Inject
    private CallView call;

    @Inject
    private CallReviewView review;

    private RecordingInfo recording;
    private boolean looked;

    /** The recording to play, empty when the call has none (e.g. consent refused). */
    public Optional<RecordingInfo> recording() {
        CallDetail detail = call.getDetail();
        if (!looked && detail != null) {
            looked = true;
            recording = library.forSession(tenant.id(), detail.session().id()).stream()
                    .filter(r -> !ORIGINAL_TRACK.equals(r.track())).findFirst().orElse(null);
        }
        return Optional.ofNullable(recording);
    }

    public RecordingInfo getRecording() {
        return recording().orElse(null);
    }

    /** Where playback starts, in ms: {@code t}, else the focused flag's evidence time, else 0. */
    public int getStartMs() {
        Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        Integer t = millis(params.get("t"));
        if (t != null) {
            return t;
        }
        CallDetail detail = call.getDetail();
        String flag = params.get("flag");
        if (detail != null && flag != null) {
            return detail.flags().stream().filter(f -> f.id().toString().equals(flag)).mapToInt(Flag::atMs)
                    .findFirst().orElse(0);
        }
        return 0;
    }

    /** {@code {"durationMs":…,"lines":[[start,end],…],"markers":[{kind,startMs,endMs,label,ref},…]}}. */
    public String getTimelineJson() {
        CallDetail detail = call.getDetail();
        if (detail == null) {
            return "{}";
        }
        JsonArrayBuilder lines = Json.createArrayBuilder();
        for (TranscriptSegment s : detail.transcript()) {
            lines.add(Json.createArrayBuilder().add(s.startMs()).add(s.endMs()));
        }
        long duration = detail.session().durationMs() == null ? 0 : detail.session().durationMs();
        // flags and annotations from the review panel, which reloads them after every action on this page
        List<CallTimeline.Marker> markers = CallTimeline.of(detail.transcript(), detail.events(),
                review.getFlags().stream().map(ReviewedFlag::flag).toList(), review.getAnnotations(), duration);
        JsonArrayBuilder marks = Json.createArrayBuilder();
        for (CallTimeline.Marker m : markers) {
            String label = m.kind() == CallTimeline.Kind.ANNOTATION ? review.categoryLabel(m.label()) : m.label();
            var o = Json.createObjectBuilder().add("kind", m.kind().name()).add("startMs", m.startMs())
                    .add("endMs", m.endMs()).add("label", label);
            if (m.ref() != null) {
                o.add("ref", m.ref());
            }
            marks.add(o);
        }
        // written into a data attribute; Facelets escapes it there
        return Json.createObjectBuilder().add("durationMs", duration).add("lines", lines).add("markers", marks)
                .build().toString();
    }

    static Integer millis(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int ms = Integer.parseInt(value.strip());
            return ms < 0 ? null : ms;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
