package io.vigil.web.console;

import io.vigil.session.application.CallCatalog;
import io.vigil.session.domain.CallDetail;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;

/** The call page. An unknown id, a malformed id and another tenant's call all answer the same 404. */
@Named
@ViewScoped
public class CallView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient CallCatalog catalog;

    @Inject
    private ConsoleTenant tenant;

    @Inject
    private io.vigil.web.console.audit.ConsoleAudit audit;

    private String id;
    private CallDetail detail;

    public void load() {
        Optional<CallDetail> found = parse(id).flatMap(callId -> catalog.find(tenant.id(), callId));
        audit.callViewed(id, found.isPresent());
        if (found.isEmpty()) {
            notFound();
            return;
        }
        detail = found.get();
    }

    private static Optional<UUID> parse(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void notFound() {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            context.getExternalContext().responseSendError(404, "No such call");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.responseComplete();
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public CallDetail getDetail() { return detail; }
}
