package io.vigil.web.console.retention;

import io.vigil.retention.LegalHolds;
import io.vigil.retention.RetentionPolicyBook;
import io.vigil.retention.domain.DataClass;
import io.vigil.retention.domain.LegalHold;
import io.vigil.web.console.ConsoleTenant;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The call page's retention panel: the legal holds on the call, and when each class of its data falls due. */
@Named("callRetention")
@RequestScoped
public class CallRetentionView {

    @EJB
    private LegalHolds holds;

    @EJB
    private RetentionPolicyBook book;

    @Inject
    private ConsoleTenant tenant;

    private List<LegalHold> onCall;
    private Map<DataClass, Instant> due;

    public List<LegalHold> holdsOn(UUID call) {
        if (onCall == null) {
            onCall = call == null ? List.of() : holds.holdsOn(tenant.id(), call);
        }
        return onCall;
    }

    public boolean held(UUID call) {
        return holdsOn(call).stream().anyMatch(h -> h.state().holds());
    }

    public List<Map.Entry<DataClass, Instant>> dueDates(UUID call) {
        if (due == null) {
            due = call == null ? Map.of() : book.dueDates(tenant.id(), call);
        }
        return List.copyOf(due.entrySet());
    }
}
