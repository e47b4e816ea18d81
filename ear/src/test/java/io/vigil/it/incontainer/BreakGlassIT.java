package io.vigil.it.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.audit.AuditTrail;
import io.vigil.audit.domain.AuditActor;
import io.vigil.keys.CryptoShredding;
import io.vigil.redaction.application.BreakGlassRefused;
import io.vigil.redaction.application.OriginalTranscripts;
import io.vigil.session.application.CallCatalog;
import io.vigil.session.domain.CallDetail;
import io.vigil.session.domain.CallQuery;
import io.vigil.session.domain.CallSummary;
import io.vigil.session.domain.TranscriptSegment;
import io.vigil.tenancy.TenantDirectory;
import io.vigil.tenancy.TenantId;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The originals of redacted transcripts: sealed per call, opened only with a reason, audited, shreddable. */
@ExtendWith(ArquillianExtension.class)
class BreakGlassIT {

    private static final AuditActor OFFICER = AuditActor.user("it-officer", "IT compliance officer");

    @EJB
    private OriginalTranscripts originals;

    @EJB
    private AuditTrail trail;

    @EJB
    private CallCatalog catalog;

    @EJB
    private TenantDirectory tenants;

    @EJB
    private CryptoShredding shredding;

    @Resource(lookup = "jdbc/vigil")
    private DataSource db;

    private TenantId tenant(String slug) {
        return new TenantId(tenants.bySlug(slug).orElseThrow().id());
    }

    /** A demo call whose stored transcript has a redaction tag, so its original differs. */
    private CallDetail redactedCall(TenantId tenant, int skip) {
        int seen = 0;
        for (CallSummary call : catalog.page(tenant, CallQuery.firstPage(200))) {
            CallDetail detail = catalog.find(tenant, call.id()).orElseThrow();
            if (detail.transcript().stream().anyMatch(s -> s.text().contains("[CREDIT_CARD]")) && seen++ == skip) {
                return detail;
            }
        }
        throw new AssertionError("the demo data has calls with redacted card numbers");
    }

    private long auditEntries(UUID call, String outcome) {
        trail.flush();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM audit_entry WHERE action = ? AND object_id = ? AND outcome = ?")) {
            ps.setString(1, OriginalTranscripts.BREAK_GLASS);
            ps.setString(2, call.toString());
            ps.setString(3, outcome);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theOriginalNeedsAReasonAndIsAudited() {
        TenantId bank = tenant("acme-bank");
        CallDetail call = redactedCall(bank, 0);
        UUID id = call.session().id();
        long deniedBefore = auditEntries(id, "denied");
        long shownBefore = auditEntries(id, "success");

        BreakGlassRefused refused = assertThrows(BreakGlassRefused.class,
                () -> originals.reveal(bank, id, OFFICER, "because"));
        assertTrue(refused.getMessage().contains("Say why"));
        assertEquals(deniedBefore + 1, auditEntries(id, "denied"), "a refused attempt is audited too");

        List<String> lines = originals.reveal(bank, id, OFFICER, "complaint 2026-0412: disputed card number");
        List<TranscriptSegment> stored = call.transcript();
        assertEquals(stored.size(), lines.size());
        boolean differs = false;
        for (int i = 0; i < lines.size(); i++) {
            if (stored.get(i).text().contains("[CREDIT_CARD]")) {
                assertFalse(lines.get(i).contains("[CREDIT_CARD]"));
                differs = true;
            } else {
                assertEquals(stored.get(i).text(), lines.get(i), "unredacted lines are stored as spoken");
            }
        }
        assertTrue(differs);
        assertEquals(shownBefore + 1, auditEntries(id, "success"));
    }

    @Test
    void anotherTenantGetsNothing() {
        UUID bankCall = redactedCall(tenant("acme-bank"), 1).session().id();
        assertThrows(BreakGlassRefused.class, () -> originals.reveal(tenant("northwind-health"), bankCall, OFFICER,
                "a reason long enough to pass the check"));
    }

    @Test
    void aShreddedOriginalIsGoneForGood() {
        TenantId bank = tenant("acme-bank");
        UUID id = redactedCall(bank, 2).session().id();
        assertTrue(shredding.shredDataKey(bank, OriginalTranscripts.OWNER_TYPE, id, OFFICER));
        BreakGlassRefused refused = assertThrows(BreakGlassRefused.class,
                () -> originals.reveal(bank, id, OFFICER, "retention test after crypto-shredding"));
        assertTrue(refused.getMessage().contains("crypto-shredded"));
    }
}
