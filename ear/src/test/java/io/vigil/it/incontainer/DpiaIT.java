package io.vigil.it.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.audit.AuditTrail;
import io.vigil.audit.domain.AuditLogQuery;
import io.vigil.audit.domain.AuditRecord;
import io.vigil.platform.ConfigurationChanged;
import io.vigil.dpia.application.DpiaRegister;
import io.vigil.dpia.application.DpiaReports;
import io.vigil.dpia.application.RecordsOfProcessing;
import io.vigil.dpia.domain.Dpia;
import io.vigil.dpia.domain.DpiaActor;
import io.vigil.dpia.domain.DpiaContent;
import io.vigil.dpia.domain.DpiaException;
import io.vigil.dpia.domain.DpiaRisk;
import io.vigil.dpia.domain.DpiaRole;
import io.vigil.dpia.domain.DpiaState;
import io.vigil.dpia.domain.FactChange;
import io.vigil.dpia.domain.ProcessingRecord;
import io.vigil.retention.domain.DefaultPolicies;
import io.vigil.retention.domain.RetentionPolicy;
import io.vigil.tenancy.TenantDirectory;
import io.vigil.tenancy.TenantId;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * DPIAs and records of processing inside Payara on PostgreSQL: the workflow with four eyes, the frozen approved
 * version (service and database), drift when the configuration changes (a new upstream model for an agent, a new
 * agent, a longer retention policy) with the changed facts old and new, the PDF carrying them, tenant isolation and the audit trail. Each
 * test works in a tenant of its own, so the demo tenants' configuration is never touched and the class can run
 * again on the same database.
 */
@ExtendWith(ArquillianExtension.class)
class DpiaIT {

    private static final DpiaActor AUTHOR = DpiaActor.of("it-author", "Ann Author", DpiaRole.COMPLIANCE_OFFICER);
    private static final DpiaActor REVIEWER = DpiaActor.of("it-reviewer", "Rob Reviewer", DpiaRole.COMPLIANCE_OFFICER);
    private static final DpiaActor LEGAL = DpiaActor.of("it-legal", "Lee Legal", DpiaRole.LEGAL);
    private static final String HASH = "a".repeat(64);

    @EJB
    private DpiaRegister register;
    @EJB
    private RecordsOfProcessing records;
    @EJB
    private DpiaReports reports;
    @EJB
    private AuditTrail audit;
    @EJB
    private TenantDirectory tenants;
    @Resource(lookup = "jdbc/vigil")
    private DataSource db;
    @Inject
    private Event<ConfigurationChanged> configurationChanged;

    private long count(String query, Object parameter) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(query)) {
            s.setObject(1, parameter);
            try (var r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private TenantId newTenant() throws SQLException {
        UUID id = UUID.randomUUID();
        sql("INSERT INTO tenant (id, slug, name) VALUES (?, ?, ?)", id, "dpia-it-" + id.toString().substring(0, 8),
                "DPIA Test Org " + id.toString().substring(0, 8));
        return new TenantId(id);
    }

    private void agent(TenantId tenant, String name, int version, String model) throws SQLException {
        sql("INSERT INTO agent_profile (id, tenant_id, name, upstream_model, prompt_template_hash, tool_config_hash,"
                + " version) VALUES (?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID(), tenant.value(), name, model, HASH, HASH, version);
    }

    private int sql(String statement, Object... parameters) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            return s.executeUpdate();
        }
    }

    private static DpiaContent completed(DpiaContent c) {
        c.setLegalBasis("contract, Art. 6(1)(b)");
        c.setDpoOpinion("favourable");
        for (DpiaRisk r : c.getRisks()) {
            r.setSeverity(2);
            r.setLikelihood(2);
        }
        return c;
    }

    /** A record and an approved DPIA of it in a fresh tenant with one agent on gpt-realtime. */
    private Dpia approvedDpia(TenantId tenant) throws SQLException {
        agent(tenant, "Support", 1, "gpt-realtime");
        ProcessingRecord.Text text = new ProcessingRecord.Text();
        text.setActivity("AI voice agent for customer support");
        text.setPurposes("answer customers' questions");
        ProcessingRecord record = records.create(tenant, AUTHOR, text);
        Dpia dpia = register.create(tenant, AUTHOR, "Support line", record.id());
        register.save(tenant, AUTHOR, dpia.id(), dpia.title(), completed(dpia.content()));
        register.submit(tenant, AUTHOR, dpia.id());
        return register.approve(tenant, REVIEWER, dpia.id(), "fine for launch");
    }

    @Test
    void aNewDpiaIsPrefilledFromTheLiveConfigurationAndTheRecord() throws SQLException {
        TenantId tenant = newTenant();
        agent(tenant, "Support", 1, "gpt-realtime");
        agent(tenant, "Support", 2, "gpt-realtime-2025-08-28");
        ProcessingRecord.Text text = new ProcessingRecord.Text();
        text.setActivity("AI voice agent for customer support");
        text.setPurposes("answer customers' questions");
        ProcessingRecord record = records.create(tenant, AUTHOR, text);

        DpiaContent content = register.create(tenant, AUTHOR, "Support line", record.id()).content();

        assertTrue(content.getProcessing().contains("AI voice agent for customer support"));
        assertEquals("answer customers' questions", content.getPurposes());
        assertTrue(content.getRetention().contains("raw caller audio: 90 days, then crypto-shred"), content.getRetention());
        assertTrue(content.getProcessors().contains("agent Support v2: gpt-realtime-2025-08-28"), content.getProcessors());
        assertFalse(content.getProcessors().contains("v1"), "only the newest version of an agent counts");
        assertTrue(content.getData().contains("CREDIT_CARD"), content.getData());
        assertThrows(DpiaException.NotPermitted.class, () -> records.create(tenant, LEGAL, text));
    }

    @Test
    void approvalNeedsASecondComplianceOfficerAndFreezesTheVersion() throws SQLException {
        TenantId tenant = newTenant();
        agent(tenant, "Support", 1, "gpt-realtime");
        Dpia dpia = register.create(tenant, AUTHOR, "Support line", null);
        UUID id = dpia.id();
        assertThrows(DpiaException.Invalid.class, () -> register.submit(tenant, AUTHOR, id), "incomplete");
        DpiaContent content = completed(dpia.content());
        content.setProcessing("AI voice agent");
        content.setPurposes("support");
        register.save(tenant, AUTHOR, id, "Support line", content);
        register.submit(tenant, AUTHOR, id);

        assertThrows(DpiaException.NotPermitted.class, () -> register.approve(tenant, AUTHOR, id, "self"));
        assertThrows(DpiaException.NotPermitted.class, () -> register.approve(tenant, LEGAL, id, "legal"));
        Dpia approved = register.approve(tenant, REVIEWER, id, "ok");
        assertEquals(DpiaState.APPROVED, approved.state());
        assertTrue(approved.reliedFacts().orElseThrow().all().stream()
                .anyMatch(f -> f.value().startsWith("gpt-realtime at the embedded agent")));

        // frozen: the service refuses, and so does the database for anything that bypasses it
        assertThrows(DpiaException.WrongState.class, () -> register.save(tenant, AUTHOR, id, "changed", content));
        SQLException refused = assertThrows(SQLException.class,
                () -> sql("UPDATE dpia SET title = 'changed behind the service' WHERE id = ?", id));
        assertTrue(refused.getMessage().contains("frozen"), refused.getMessage());
        assertThrows(SQLException.class, () -> sql("DELETE FROM dpia WHERE id = ?", id));
        assertEquals("Support line", register.find(tenant, id).orElseThrow().title());

        Dpia next = register.newVersion(tenant, AUTHOR, id);
        assertEquals(2, next.version());
        assertEquals(DpiaState.DRAFT, next.state());
        assertThrows(DpiaException.WrongState.class, () -> register.newVersion(tenant, AUTHOR, id), "one open version");
        assertEquals(2, register.versions(tenant, approved.seriesId()).size());

        List<AuditRecord> trail = audit.page(tenant, AuditLogQuery.firstPage(50).object("dpia", id.toString()));
        assertTrue(has(trail, "dpia.create", "SUCCESS") && has(trail, "dpia.submit", "SUCCESS")
                && has(trail, "dpia.approve", "SUCCESS") && has(trail, "dpia.approve", "DENIED")
                && has(trail, "dpia.edit", "DENIED"), trail.toString());
    }

    private static boolean has(List<AuditRecord> trail, String action, String outcome) {
        return trail.stream().anyMatch(r -> r.action().equals(action) && r.outcome().equalsIgnoreCase(outcome));
    }

    @Test
    void aConfigurationChangeMarksTheApprovedDpiaForReviewWithTheChangedFacts() throws SQLException, IOException {
        TenantId tenant = newTenant();
        Dpia approved = approvedDpia(tenant);
        assertEquals(0, register.checkDrift(tenant));
        assertTrue(register.drift(tenant, approved.id()).isEmpty());

        // a new upstream model for the agent, and a new agent; the change event records the drift at once
        agent(tenant, "Support", 2, "gpt-5-realtime");
        agent(tenant, "Collections", 1, "gpt-realtime");
        configurationChanged.fire(new ConfigurationChanged(tenant, "agent profiles"));
        assertEquals(1, count("SELECT count(*) FROM dpia_drift WHERE dpia_id = ?", approved.id()));

        assertEquals(1, register.checkDrift(tenant));
        List<FactChange> changes = register.drift(tenant, approved.id());
        assertEquals(2, changes.size(), changes.toString());
        FactChange model = changes.stream().filter(c -> c.key().equals("upstream.Support")).findFirst().orElseThrow();
        assertTrue(model.before().startsWith("gpt-realtime at "), model.before());
        assertTrue(model.after().startsWith("gpt-5-realtime at "), model.after());
        FactChange added = changes.stream().filter(c -> c.key().equals("upstream.Collections")).findFirst().orElseThrow();
        assertEquals(null, added.before());
        assertTrue(register.page(tenant, REVIEWER, 0, 10).stream().anyMatch(d -> d.id().equals(approved.id()) && d.needsReview()));
        assertTrue(has(audit.page(tenant, AuditLogQuery.firstPage(50).object("dpia", approved.id().toString())),
                "dpia.drift", "SUCCESS"));

        // the PDF says so, old and new, and carries the facts relied on
        String text = text(reports.dpia(tenant, LEGAL, approved.id()));
        assertTrue(text.contains("needs review"), text);
        assertTrue(text.contains("gpt-5-realtime at the embedded agent inside Vigil"), text);
        assertTrue(text.contains("raw caller audio"), text);

        // back to the approved configuration: no longer needs review
        sql("DELETE FROM agent_profile WHERE tenant_id = ? AND NOT (name = 'Support' AND version = 1)", tenant.value());
        assertEquals(0, register.checkDrift(tenant));
        assertTrue(register.drift(tenant, approved.id()).isEmpty());
    }

    @Test
    void aLongerRetentionPolicyMarksTheApprovedDpiaForReview() throws SQLException {
        TenantId tenant = newTenant();
        for (RetentionPolicy rule : DefaultPolicies.standard().all()) {
            sql("INSERT INTO retention_policy (tenant_id, retention_class, data_class, jurisdiction, period_days, action,"
                    + " updated_by) VALUES (?, ?, ?, ?, ?, ?, 'it')", tenant.value(), rule.retentionClass(),
                    rule.dataClass().name(), rule.jurisdiction(), rule.periodDays(), rule.action().name());
        }
        Dpia approved = approvedDpia(tenant);
        assertEquals(0, register.checkDrift(tenant));

        sql("UPDATE retention_policy SET period_days = 365 WHERE tenant_id = ? AND data_class = 'RAW_CALLER_AUDIO'"
                + " AND jurisdiction = '*'", tenant.value());

        assertEquals(1, register.checkDrift(tenant));
        assertEquals(List.of(new FactChange("retention.raw caller audio", "Retention of raw caller audio",
                "90 days, then crypto-shred", "365 days, then crypto-shred")), register.drift(tenant, approved.id()));
    }

    @Test
    void anotherTenantsDpiaDoesNotExist() throws SQLException {
        TenantId mine = newTenant();
        TenantId theirs = newTenant();
        Dpia dpia = register.create(theirs, AUTHOR, "Their assessment", null);
        assertTrue(register.find(mine, dpia.id()).isEmpty());
        assertThrows(DpiaException.NotFound.class, () -> register.get(mine, AUTHOR, dpia.id()));
        assertThrows(DpiaException.NotFound.class, () -> reports.dpia(mine, AUTHOR, dpia.id()));
        assertThrows(DpiaException.NotFound.class, () -> register.submit(mine, AUTHOR, dpia.id()));
        assertEquals(0, register.count(mine, AUTHOR));
        assertTrue(records.records(mine, LEGAL).isEmpty());
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }
}
