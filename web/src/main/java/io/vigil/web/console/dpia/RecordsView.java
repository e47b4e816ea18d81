package io.vigil.web.console.dpia;

import io.vigil.dpia.application.DpiaReports;
import io.vigil.dpia.application.RecordsOfProcessing;
import io.vigil.dpia.domain.ConfigurationSnapshot;
import io.vigil.dpia.domain.Prefill;
import io.vigil.dpia.domain.ProcessingRecord;
import io.vigil.web.console.ConsoleTenant;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * The records of processing page: the tenant's activities with the fields people write, the facts the live
 * configuration contributes, editing for compliance officers and admins, and the PDF.
 */
@Named("recordsView")
@ViewScoped
public class RecordsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient RecordsOfProcessing records;

    @EJB
    private transient DpiaReports reports;

    @Inject
    private ConsoleTenant tenant;

    @Inject
    private transient CurrentDpiaActor actor;

    private List<ProcessingRecord> list;
    private ConfigurationSnapshot configuration;
    private UUID editing;
    private ProcessingRecord.Text form;

    public List<ProcessingRecord> getRecords() {
        if (list == null) {
            list = records.records(tenant.id(), actor.actor());
        }
        return list;
    }

    public ConfigurationSnapshot getConfiguration() {
        if (configuration == null) {
            configuration = records.configuration(tenant.id(), actor.actor());
        }
        return configuration;
    }

    public String getRetentionText() {
        return Prefill.retention(getConfiguration().retention());
    }

    public String getSecurityText() {
        return Prefill.security(getConfiguration());
    }

    public String getProcessorsText() {
        return Prefill.processors(getConfiguration());
    }

    public void startNew() {
        editing = null;
        form = new ProcessingRecord.Text();
    }

    public void startEdit(ProcessingRecord record) {
        editing = record.id();
        form = record.text();
    }

    public void cancel() {
        form = null;
    }

    public void save() {
        ProcessingRecord saved = DpiaMessages.attempt(() -> editing == null
                ? records.create(tenant.id(), actor.actor(), form)
                : records.update(tenant.id(), actor.actor(), editing, form));
        if (saved != null) {
            form = null;
            list = null;
            DpiaMessages.info("Record saved.");
        }
    }

    public StreamedContent getPdf() {
        byte[] pdf = reports.records(tenant.id(), actor.actor());
        return DefaultStreamedContent.builder().name("records-of-processing.pdf").contentType("application/pdf")
                .contentLength((long) pdf.length).stream(() -> new ByteArrayInputStream(pdf)).build();
    }

    public ProcessingRecord.Text getForm() { return form; }
    public boolean isEditing() { return form != null; }
}
