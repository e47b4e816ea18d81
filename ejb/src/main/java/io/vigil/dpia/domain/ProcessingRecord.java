package io.vigil.dpia.domain;

import io.vigil.tenancy.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry of a tenant's records of processing activities (GDPR Art. 30): the activity and what only people can
 * say about it (contacts, purposes, categories, recipients, transfers). What Vigil knows (models, retention, keys,
 * redaction) is shown beside it from the live configuration rather than copied, so it cannot go stale.
 */
@Entity
@Table(name = "processing_record")
public class ProcessingRecord {

    @Id
    private UUID id;
    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;
    @Column(nullable = false, length = 200)
    private String activity;
    @Column(name = "controller_contact", nullable = false)
    private String controllerContact;
    @Column(name = "dpo_contact", nullable = false)
    private String dpoContact;
    @Column(nullable = false)
    private String purposes;
    @Column(name = "data_subjects", nullable = false)
    private String dataSubjects;
    @Column(name = "personal_data", nullable = false)
    private String personalData;
    @Column(nullable = false)
    private String recipients;
    @Column(nullable = false)
    private String processors;
    @Column(nullable = false)
    private String transfers;
    @Column(name = "erasure_limits", nullable = false)
    private String erasureLimits;
    @Column(name = "security_measures", nullable = false)
    private String securityMeasures;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "updated_by")
    private String updatedBy;

    protected ProcessingRecord() {
        // for JPA
    }

    public ProcessingRecord(UUID id, TenantId tenant, Text text, String updatedBy, Instant now) {
        this.id = Objects.requireNonNull(id);
        this.tenantId = tenant.value();
        apply(text, updatedBy, now);
    }

    /** The editable fields of a record, as a form holds them. */
    public static class Text implements Serializable {
        private static final long serialVersionUID = 1L;
        private String activity = "";
        private String controllerContact = "";
        private String dpoContact = "";
        private String purposes = "";
        private String dataSubjects = "";
        private String personalData = "";
        private String recipients = "";
        private String processors = "";
        private String transfers = "";
        private String erasureLimits = "";
        private String securityMeasures = "";

        public String getActivity() { return activity; }
        public void setActivity(String v) { activity = DpiaContent.text(v); }
        public String getControllerContact() { return controllerContact; }
        public void setControllerContact(String v) { controllerContact = DpiaContent.text(v); }
        public String getDpoContact() { return dpoContact; }
        public void setDpoContact(String v) { dpoContact = DpiaContent.text(v); }
        public String getPurposes() { return purposes; }
        public void setPurposes(String v) { purposes = DpiaContent.text(v); }
        public String getDataSubjects() { return dataSubjects; }
        public void setDataSubjects(String v) { dataSubjects = DpiaContent.text(v); }
        public String getPersonalData() { return personalData; }
        public void setPersonalData(String v) { personalData = DpiaContent.text(v); }
        public String getRecipients() { return recipients; }
        public void setRecipients(String v) { recipients = DpiaContent.text(v); }
        public String getProcessors() { return processors; }
        public void setProcessors(String v) { processors = DpiaContent.text(v); }
        public String getTransfers() { return transfers; }
        public void setTransfers(String v) { transfers = DpiaContent.text(v); }
        public String getErasureLimits() { return erasureLimits; }
        public void setErasureLimits(String v) { erasureLimits = DpiaContent.text(v); }
        public String getSecurityMeasures() { return securityMeasures; }
        public void setSecurityMeasures(String v) { securityMeasures = DpiaContent.text(v); }
    }

    public void apply(Text text, String by, Instant now) {
        if (text.activity == null || text.activity.isBlank()) {
            throw new DpiaException.Invalid("name the processing activity, e.g. 'AI voice agent for customer support'");
        }
        if (text.activity.length() > 200) {
            throw new DpiaException.Invalid("the activity name is longer than 200 characters; shorten it");
        }
        activity = text.activity.strip();
        controllerContact = text.controllerContact;
        dpoContact = text.dpoContact;
        purposes = text.purposes;
        dataSubjects = text.dataSubjects;
        personalData = text.personalData;
        recipients = text.recipients;
        processors = text.processors;
        transfers = text.transfers;
        erasureLimits = text.erasureLimits;
        securityMeasures = text.securityMeasures;
        updatedBy = by;
        updatedAt = now;
    }

    public Text text() {
        Text t = new Text();
        t.activity = activity;
        t.controllerContact = controllerContact;
        t.dpoContact = dpoContact;
        t.purposes = purposes;
        t.dataSubjects = dataSubjects;
        t.personalData = personalData;
        t.recipients = recipients;
        t.processors = processors;
        t.transfers = transfers;
        t.erasureLimits = erasureLimits;
        t.securityMeasures = securityMeasures;
        return t;
    }

    public UUID id() { return id; }
    public UUID tenantId() { return tenantId; }
    public String activity() { return activity; }
    public Instant updatedAt() { return updatedAt; }
    public String updatedBy() { return updatedBy; }
}
