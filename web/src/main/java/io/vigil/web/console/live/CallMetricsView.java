package io.vigil.web.console.live;

import io.vigil.session.application.SessionMetricsCatalog;
import io.vigil.session.domain.LiveMetrics;
import io.vigil.web.console.ConsoleTenant;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.UUID;

/** The live-session metrics of the call on the call page (calls from before live sessions have none). */
@Named
@RequestScoped
public class CallMetricsView {

    @EJB
    private SessionMetricsCatalog catalog;

    @Inject
    private ConsoleTenant tenant;

    private LiveMetrics loaded;
    private boolean looked;

    public LiveMetrics forCall(String callId) {
        if (!looked) {
            looked = true;
            try {
                loaded = catalog.forCall(tenant.id(), UUID.fromString(callId)).orElse(null);
            } catch (IllegalArgumentException | NullPointerException notACallId) {
                loaded = null;
            }
        }
        return loaded;
    }

    /** What {@link #forCall} found (call it first, as the panel's {@code rendered} does). */
    public LiveMetrics getMetrics() {
        return loaded;
    }
}
