package io.vigil.web.console.provenance;

import io.vigil.audit.domain.AuditActor;
import io.vigil.provenance.ProvenanceReport;
import io.vigil.provenance.ProvenanceSigning;
import io.vigil.web.api.c2pa.C2paResource;
import io.vigil.web.console.ConsoleTenant;
import io.vigil.web.console.CurrentUser;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * The "Verify a file" page (compliance officers, legal, admins): a dropped WAV or MP3 is checked like c2pa-rs would
 * check it, with the demo root and the tenant's imported roots as trust anchors, and the verdict is shown.
 */
@Named("verifyView")
@ViewScoped
public class VerifyView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The same limit as the API's. */
    public static final int MAX_BYTES = C2paResource.MAX_UPLOAD_BYTES;

    @EJB
    private transient ProvenanceSigning provenance;

    @Inject
    private ConsoleTenant tenant;

    @Inject
    private CurrentUser user;

    private ProvenanceReport report;
    private String fileName;

    public void upload(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        report = null;
        fileName = file.getFileName();
        if (file.getSize() > MAX_BYTES) {
            error("The file is larger than " + MAX_BYTES / 1024 / 1024 + " MiB. Verify a shorter excerpt, or use "
                    + "c2patool on your own machine (docs/provenance.md).");
            return;
        }
        if (file.getSize() == 0) {
            error("The file is empty. Choose a WAV or MP3 file.");
            return;
        }
        report = provenance.verify(tenant.id(), file.getContent(), AuditActor.user(tenant.userId(), user.getName()));
    }

    public ProvenanceReport getReport() {
        return report;
    }

    public String getFileName() {
        return fileName;
    }

    public int getMaxBytes() {
        return MAX_BYTES;
    }

    /** The last path segment of a digital source type URI, e.g. {@code trainedAlgorithmicMedia}. */
    public String shortType(String uri) {
        return uri == null ? "" : uri.substring(uri.lastIndexOf('/') + 1);
    }

    private static void error(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }
}
