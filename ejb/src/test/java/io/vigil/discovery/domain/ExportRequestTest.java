package io.vigil.discovery.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a legal user may ask for, what is refused and why, and the SQL the selection becomes. */
class ExportRequestTest {

    @Test
    void productionNumbersArePaddedAndMustFit() {
        ProductionNumbering numbering = ProductionNumbering.of("VGL", 1);
        assertEquals("VGL000001", numbering.number(0));
        assertEquals("VGL000100", numbering.number(99));
        assertThrows(ExportRequestInvalid.class, () -> ProductionNumbering.of("VGL", 999_999).number(1));
        assertThrows(ExportRequestInvalid.class, () -> ProductionNumbering.of("V G L", 1));
    }

    @Test
    void theApiRequestIsReadWithDefaultsAndClearErrors() {
        ExportRequest request = ExportRequestJson.parse("{\"matter\":\"M\",\"from\":\"2026-01-01T00:00:00Z\"}");
        assertEquals(AudioChoice.REDACTED, request.audio());
        assertEquals(4, request.contents().size());
        assertEquals("CONFIDENTIAL", request.confidentiality());
        assertTrue(assertThrows(ExportRequestInvalid.class, () -> ExportRequestJson.parse("{\"matter\":\"M\"}"))
                .getMessage().startsWith("Choose the calls"));
        assertTrue(assertThrows(ExportRequestInvalid.class, () -> ExportRequestJson.parse(
                "{\"matter\":\"M\",\"from\":\"2026-01-01T00:00:00Z\",\"audio\":\"ORIGINAL\"}")).getMessage()
                .contains("justification"));
        assertTrue(assertThrows(ExportRequestInvalid.class, () -> ExportRequestJson.parse(
                "{\"matter\":\"M\",\"from\":\"yesterday\"}")).getMessage().contains("\"from\""));
        assertEquals(NativeFormat.WAV, request.format());
        assertEquals(NativeFormat.MP3, ExportRequestJson.parse(
                "{\"matter\":\"M\",\"from\":\"2026-01-01T00:00:00Z\",\"format\":\"mp3\"}").format());
        assertTrue(assertThrows(ExportRequestInvalid.class, () -> ExportRequestJson.parse(
                "{\"matter\":\"M\",\"from\":\"2026-01-01T00:00:00Z\",\"format\":\"FLAC\"}")).getMessage()
                .contains("[WAV, MP3]"));
        assertThrows(ExportRequestInvalid.class, () -> ExportRequestJson.parse("not json"));
    }

    @Test
    void theRequestSurvivesItsStoredJson() {
        ExportRequest request = ExportRequestJson.parse("{\"matter\":\"M\",\"callIds\":[\"" + UUID.randomUUID()
                + "\"],\"audio\":\"ORIGINAL\",\"format\":\"MP3\",\"justification\":\"court order 26-0042 of 3 March\",\"prefix\":\"ABC\",\"start\":7}");
        assertEquals(request, ExportJson.read(ExportJson.write(request), ExportRequest.class));
    }

    @Test
    void theSelectionIsTenantFirstAndCombinesCriteria() {
        UUID tenant = UUID.randomUUID();
        UUID hold = UUID.randomUUID();
        CallSelectionSql.Query query = CallSelectionSql.of(tenant, new CallSelection(hold, "jdoe", null, null, null,
                List.of(UUID.randomUUID(), UUID.randomUUID())));
        assertTrue(query.sql().startsWith("SELECT c.id FROM call_session c WHERE c.tenant_id = ?"), query.sql());
        assertTrue(query.sql().contains("legal_hold_session") && query.sql().contains("annotation"), query.sql());
        assertTrue(query.sql().endsWith("ORDER BY c.started_at, c.id"));
        assertEquals(tenant, query.parameters().get(0));
        assertEquals(hold, query.parameters().get(1));
        assertEquals(query.sql().chars().filter(c -> c == '?').count(), query.parameters().size());
    }
}
