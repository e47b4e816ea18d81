package io.vigil.web.console;

import io.vigil.audit.domain.AuditActor;
import io.vigil.redaction.application.BreakGlassRefused;
import io.vigil.redaction.application.OriginalTranscripts;
import io.vigil.web.security.Role;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Break-glass on the call page: a compliance officer or legal counsel asks for a call's original transcript with a
 * written reason; the reason and the act are audited before anything is decrypted. The originals stay in this view
 * only; leaving the page forgets them.
 */
@Named
@ViewScoped
public class BreakGlassView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient OriginalTranscripts originals;

    @Inject
    private CallView call;

    @Inject
    private ConsoleTenant tenant;

    @Inject
    private CurrentUser user;

    private String justification;
    private List<String> revealed;

    /** Only compliance officers and legal counsel may break the glass; the button shows only for them. */
    public boolean isAllowed() {
        return user.has(Role.COMPLIANCE_OFFICER_NAME) || user.has(Role.LEGAL_NAME);
    }

    public void reveal() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (!isAllowed() || call.getDetail() == null) {
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Not allowed",
                    "Only compliance officers and legal counsel can open original transcripts."));
            return;
        }
        try {
            revealed = originals.reveal(tenant.id(), call.getDetail().session().id(),
                    AuditActor.user(tenant.userId(), user.getName()), justification);
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, "Original shown",
                    "This access is recorded in the audit trail with your reason."));
        } catch (BreakGlassRefused e) {
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Original not shown", e.getMessage()));
        }
    }

    public String getJustification() { return justification; }
    public void setJustification(String justification) { this.justification = justification; }
    public List<String> getRevealed() { return revealed; }
    public int getMinimumLength() { return OriginalTranscripts.MIN_JUSTIFICATION; }
}
