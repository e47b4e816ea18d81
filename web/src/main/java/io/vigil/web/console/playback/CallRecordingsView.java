package io.vigil.web.console.playback;

import io.vigil.recording.RecordingInfo;
import io.vigil.recording.RecordingLibrary;
import io.vigil.web.console.ConsoleTenant;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.UUID;

/** The recordings of the call on the call page, for its audio player; the audio itself comes from the servlet. */
@Named
@RequestScoped
public class CallRecordingsView {

    @EJB
    private RecordingLibrary library;

    @Inject
    private ConsoleTenant tenant;

    public List<RecordingInfo> forCall(String callId) {
        try {
            return library.forSession(tenant.id(), UUID.fromString(callId));
        } catch (IllegalArgumentException | NullPointerException notACallId) {
            return List.of();
        }
    }
}
