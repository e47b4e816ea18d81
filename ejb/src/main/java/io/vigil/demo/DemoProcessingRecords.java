package io.vigil.demo;

import io.vigil.dpia.application.DpiaRegister;
import io.vigil.dpia.application.RecordsOfProcessing;
import io.vigil.dpia.domain.Dpia;
import io.vigil.dpia.domain.DpiaActor;
import io.vigil.dpia.domain.DpiaContent;
import io.vigil.dpia.domain.DpiaRisk;
import io.vigil.dpia.domain.DpiaRole;
import io.vigil.dpia.domain.ProcessingRecord;
import io.vigil.dpia.domain.RiskKind;
import io.vigil.tenancy.TenantId;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.logging.Logger;

/**
 * Gives each demo tenant a record of processing for its voice agent and a draft DPIA of it, pre-filled from the
 * configuration like a compliance officer's would be. Runs once, after the demo tenants and their keys exist.
 */
@Singleton
@Startup
// TenantKeysAtStartup runs after DemoDataSeeder; naming both trips the server's cycle check on the diamond
@DependsOn("TenantKeysAtStartup")
public class DemoProcessingRecords {

    private static final Logger LOG = Logger.getLogger(DemoProcessingRecords.class.getName());
    private static final DpiaActor DEMO = DpiaActor.of("demo-data", "Demo data", DpiaRole.COMPLIANCE_OFFICER);

    @EJB
    private DemoDataSeeder seeder;

    @EJB
    private RecordsOfProcessing records;

    @EJB
    private DpiaRegister dpias;

    @PostConstruct
    void load() {
        seeder.loadedData().ifPresent(data -> {
            for (DemoData.Tenant t : data.tenants()) {
                boolean bank = t.slug().equals("acme-bank");
                TenantId tenant = new TenantId(t.id());
                ProcessingRecord record = records.create(tenant, DEMO, bank ? bankRecord(t.name()) : healthRecord(t.name()));
                Dpia dpia = dpias.create(tenant, DEMO, record.activity(), record.id());
                DpiaContent content = dpia.content();
                assess(content, bank);
                dpias.save(tenant, DEMO, dpia.id(), dpia.title(), content);
            }
            LOG.info("demo records of processing and draft DPIAs loaded");
        });
    }

    private static ProcessingRecord.Text bankRecord(String name) {
        ProcessingRecord.Text r = new ProcessingRecord.Text();
        r.setActivity("AI voice agent for card and account support");
        r.setControllerContact(name + ", Customer Operations, 1 Harbour Street, privacy@acme-bank.example");
        r.setDpoContact("Data Protection Officer, dpo@acme-bank.example, +44 20 7946 0000");
        r.setPurposes("Answer customers' card and account questions by phone; block lost cards; hand over to a"
                + " human adviser; quality assurance and complaint handling; evidence of what the customer was told.");
        r.setDataSubjects("Customers and prospective customers calling the support line; bank employees who review calls.");
        r.setPersonalData("Voice, identity and contact data, account and card references, details of the request;"
                + " no special categories are requested (callers may volunteer them).");
        r.setRecipients("Customer operations, compliance and legal teams of the bank; supervisory authorities on request.");
        r.setProcessors("Hosting provider of the Vigil platform (EU data centre).");
        r.setTransfers("Upstream model provider: check its region. If outside the EEA: EU Standard Contractual"
                + " Clauses (2021/914, module 2) with a transfer impact assessment.");
        r.setErasureLimits("As per the retention policy of each data class (below).");
        r.setSecurityMeasures("Access by role through single sign-on; four-eyes review; audit trail; staff training.");
        return r;
    }

    private static ProcessingRecord.Text healthRecord(String name) {
        ProcessingRecord.Text r = new ProcessingRecord.Text();
        r.setActivity("AI voice agent for patient appointment scheduling");
        r.setControllerContact(name + ", Patient Services, 20 Clinic Road, privacy@northwind-health.example");
        r.setDpoContact("Data Protection Officer, dpo@northwind-health.example");
        r.setPurposes("Book, move and cancel appointments by phone; answer practical questions; hand over to staff.");
        r.setDataSubjects("Patients and their relatives calling the appointment line; reviewing staff.");
        r.setPersonalData("Voice, identity and contact data, appointment details; health data (Art. 9) as far as"
                + " the caller mentions the reason for a visit.");
        r.setRecipients("Patient services and the compliance team.");
        r.setProcessors("Hosting provider of the Vigil platform.");
        r.setTransfers("None intended; the upstream model provider must process in the EEA.");
        r.setErasureLimits("As per the retention policy of each data class (below).");
        r.setSecurityMeasures("Access by role; audit trail; health data minimised by redaction before storage.");
        return r;
    }

    private static void assess(DpiaContent c, boolean bank) {
        c.setLegalBasis(bank ? "Performance of the customer contract (Art. 6(1)(b)); legitimate interest in"
                + " quality assurance (Art. 6(1)(f)); legal obligation to keep records of advice (Art. 6(1)(c))."
                : "Provision of health care (Art. 9(2)(h)) and the patient relationship (Art. 6(1)(b)).");
        c.setRights("Callers are told at the start of the call that an AI assistant answers and the call is"
                + " recorded; access and erasure requests go to the DPO.");
        c.setAccuracy("Transcripts are machine-made; reviewers correct flagged errors through annotations.");
        for (RiskKind kind : RiskKind.values()) {
            DpiaRisk r = c.risk(kind);
            r.setExistingMeasures("Encryption under customer-managed keys, role-based access, audit trail.");
            switch (kind) {
                case ILLEGITIMATE_ACCESS -> {
                    r.setSources("Malicious insider; attacker on the network; the upstream model provider.");
                    r.setThreats("Replay of recordings; bulk export of transcripts.");
                    r.setImpacts("Fraud, identity theft, embarrassment.");
                    r.setSeverity(bank ? 3 : 4);
                    r.setLikelihood(2);
                }
                case UNWANTED_MODIFICATION -> {
                    r.setSources("Software fault; privileged operator.");
                    r.setThreats("Altered transcript used as evidence.");
                    r.setImpacts("A wrong decision about the caller.");
                    r.setSeverity(2);
                    r.setLikelihood(1);
                }
                case DISAPPEARANCE -> {
                    r.setSources("Storage failure; premature deletion.");
                    r.setThreats("Loss of the evidence of what the caller was told.");
                    r.setImpacts("The caller cannot prove a complaint.");
                    r.setSeverity(2);
                    r.setLikelihood(2);
                    r.setPlannedMeasures("Backups in a second site.");
                }
                default -> throw new IllegalStateException();
            }
        }
    }
}
