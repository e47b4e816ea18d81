package io.vigil.web.console.provenance;

import io.vigil.provenance.ProvenanceSigning;
import io.vigil.provenance.RecordingProvenance;
import io.vigil.web.console.ConsoleTenant;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.UUID;

/** The provenance panel of the call page: what the C2PA manifest of each signed recording of the call says. */
@Named
@RequestScoped
public class CallProvenanceView {

    @EJB
    private ProvenanceSigning provenance;

    @Inject
    private ConsoleTenant tenant;

    private List<RecordingProvenance> rows;

    public List<RecordingProvenance> forCall(String callId) {
        if (rows == null) {
            try {
                rows = provenance.forSession(tenant.id(), UUID.fromString(callId));
            } catch (IllegalArgumentException | NullPointerException notACallId) {
                rows = List.of();
            }
        }
        return rows;
    }
}
