package io.vigil.web.console.keys;

import io.vigil.audit.domain.AuditActor;
import io.vigil.crypto.keys.KeyDomain;
import io.vigil.keys.KeyOverview;
import io.vigil.keys.KeyRotation;
import io.vigil.keys.KeyServiceException;
import io.vigil.web.console.ConsoleTenant;
import io.vigil.web.console.CurrentUser;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The Keys page (admin): the console tenant's keys per domain, rotate now, and the rewrap job's progress. */
@Named("keysView")
@ViewScoped
public class KeysView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient KeyOverview overview;

    @EJB
    private transient KeyRotation rotation;

    @Inject
    private ConsoleTenant tenant;

    @Inject
    private CurrentUser user;

    private List<KeyOverview.DomainKey> keys;

    public List<KeyOverview.DomainKey> getKeys() {
        if (keys == null) {
            refresh();
        }
        return keys;
    }

    public void refresh() {
        keys = overview.keys(tenant.id());
    }

    /** True while a rewrap job runs, so the page polls only then. */
    public boolean isRewrapRunning() {
        return getKeys().stream().anyMatch(k -> k.lastJob() != null && k.lastJob().running());
    }

    public String providers() {
        return String.join(", ", getKeys().stream().map(KeyOverview.DomainKey::providerId).distinct().toList());
    }

    public void rotate(KeyDomain domain) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            rotation.rotate(tenant.id(), domain, AuditActor.user(tenant.userId(), user.getName()));
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "The " + domain.label()
                    + " key was rotated; data keys are being rewrapped to the new version.", null));
        } catch (KeyServiceException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
        refresh();
    }

    public void resume() {
        int n = rotation.resumeFailed(tenant.id()).size();
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                n == 0 ? "No failed rewrap job to resume." : n + " rewrap job(s) resumed.", null));
        refresh();
    }
}
