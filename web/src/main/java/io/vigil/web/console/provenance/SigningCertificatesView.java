package io.vigil.web.console.provenance;

import io.vigil.audit.domain.AuditActor;
import io.vigil.provenance.ProvenanceException;
import io.vigil.provenance.SigningChains;
import io.vigil.provenance.SigningIdentity;
import io.vigil.web.console.ConsoleTenant;
import io.vigil.web.console.CurrentUser;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The signing certificates page (admins): which chain certifies the tenant's C2PA signing key, its public key for a
 * CA to certify, the demo root, importing the organisation's own chain and going back to the demo chain.
 */
@Named("signingCertificatesView")
@ViewScoped
public class SigningCertificatesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient SigningChains chains;

    @Inject
    private ConsoleTenant tenant;

    @Inject
    private CurrentUser user;

    private String pem;
    private transient SigningIdentity identity;

    public SigningIdentity getIdentity() throws ProvenanceException {
        if (identity == null) {
            identity = chains.current(tenant.id());
        }
        return identity;
    }

    public String getPublicKeyPem() throws ProvenanceException {
        return chains.signingKeyPem(tenant.id());
    }

    public String getDemoRootPem() {
        return chains.demoRootPem();
    }

    public String getPem() {
        return pem;
    }

    public void setPem(String pem) {
        this.pem = pem;
    }

    public void importChain() {
        try {
            identity = chains.importChain(tenant.id(), pem, actor());
            pem = null;
            message(FacesMessage.SEVERITY_INFO, "Imported: new recordings are signed as " + identity.subject() + ".");
        } catch (ProvenanceException e) {
            message(FacesMessage.SEVERITY_ERROR, "Not imported: " + e.getMessage());
        }
    }

    public void revertToDemo() {
        try {
            boolean reverted = chains.revertToDemo(tenant.id(), actor());
            identity = null;
            message(FacesMessage.SEVERITY_INFO, reverted ? "The demo CA certifies the signing key again."
                    : "There was no imported chain for the current signing key.");
        } catch (ProvenanceException e) {
            message(FacesMessage.SEVERITY_ERROR, e.getMessage());
        }
    }

    private AuditActor actor() {
        return AuditActor.user(tenant.userId(), user.getName());
    }

    private static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}
