package io.vigil.web.console.dpia;

import io.vigil.dpia.application.DpiaRegister;
import io.vigil.dpia.application.RecordsOfProcessing;
import io.vigil.dpia.domain.Dpia;
import io.vigil.dpia.domain.ProcessingRecord;
import io.vigil.web.console.ConsoleTenant;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/** The DPIA list: every version with its state and drift badge, and starting a new assessment. */
@Named("dpiaListView")
@ViewScoped
public class DpiaListView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient DpiaRegister register;

    @EJB
    private transient RecordsOfProcessing records;

    @Inject
    private ConsoleTenant tenant;

    @Inject
    private transient CurrentDpiaActor actor;

    private DpiaLazyDataModel model;
    private String newTitle;
    private String newRecordId;
    private List<ProcessingRecord> recordChoices;

    @PostConstruct
    void init() {
        model = new DpiaLazyDataModel(register, tenant.id(), () -> actor.actor());
    }

    public List<ProcessingRecord> getRecordChoices() {
        if (recordChoices == null) {
            recordChoices = records.records(tenant.id(), actor.actor());
        }
        return recordChoices;
    }

    /** Starts a DPIA pre-filled from the configuration and the chosen record, and opens it. */
    public String create() {
        UUID record = newRecordId == null || newRecordId.isBlank() ? null : UUID.fromString(newRecordId);
        Dpia dpia = DpiaMessages.attempt(() -> register.create(tenant.id(), actor.actor(), newTitle, record));
        return dpia == null ? null : "/dpia/edit?faces-redirect=true&id=" + dpia.id();
    }

    public DpiaLazyDataModel getModel() { return model; }
    public String getNewTitle() { return newTitle; }
    public void setNewTitle(String newTitle) { this.newTitle = newTitle; }
    public String getNewRecordId() { return newRecordId; }
    public void setNewRecordId(String newRecordId) { this.newRecordId = newRecordId; }
}
