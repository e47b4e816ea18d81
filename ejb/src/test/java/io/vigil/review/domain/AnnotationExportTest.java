package io.vigil.review.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AnnotationExportTest {

    private static final UUID ID = UUID.fromString("11111111-1111-4111-8111-111111111111");
    private static final UUID CALL = UUID.fromString("22222222-2222-4222-8222-222222222222");
    private static final Instant AT = Instant.parse("2026-03-02T09:30:00Z");

    private static ExportedAnnotation row(String note) {
        return new ExportedAnnotation(ID, CALL, AT.minusSeconds(3600), "Card services", 3, "gpt-realtime",
                "LATENCY", "Latency", "HIGH", 12_000, 15_500, note, "Priya Shah", AT, AT.plusSeconds(60));
    }

    private static String write(AnnotationExportFormat format, List<ExportedAnnotation> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(rows, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void csvHasAHeaderAndOneQuotedLinePerAnnotation() {
        String csv = write(AnnotationExportFormat.CSV, List.of(row("said \"yes\", then hung up\nagain")));
        String[] lines = csv.split("\r\n", 2);
        assertEquals(String.join(",", AnnotationExportFormat.CSV_HEADER), lines[0]);
        assertEquals(ID + "," + CALL + ",2026-03-02T08:30:00Z,Card services,3,gpt-realtime,LATENCY,Latency,HIGH,"
                + "12000,15500,\"said \"\"yes\"\", then hung up\nagain\",Priya Shah,2026-03-02T09:30:00Z,"
                + "2026-03-02T09:31:00Z\r\n", lines[1]);
    }

    @Test
    void csvDefusesSpreadsheetFormulas() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", AnnotationExportFormat.csvCell("=HYPERLINK(\"x\")"));
        assertEquals("'+1", AnnotationExportFormat.csvCell("+1"));
        assertEquals("'@SUM(A1)", AnnotationExportFormat.csvCell("@SUM(A1)"));
        assertEquals("'-2", AnnotationExportFormat.csvCell("-2"));
        assertEquals("plain", AnnotationExportFormat.csvCell("plain"));
        assertEquals("", AnnotationExportFormat.csvCell(null));
    }

    @Test
    void jsonCarriesTheSameFields() throws Exception {
        JsonNode json = new ObjectMapper().readTree(write(AnnotationExportFormat.JSON, List.of(row(null), row("n"))));
        JsonNode first = json.get("annotations").get(0);
        assertEquals(2, json.get("annotations").size());
        assertEquals(ID.toString(), first.get("annotationId").asText());
        assertEquals("Card services", first.get("agentProfile").asText());
        assertEquals(3, first.get("agentVersion").asInt());
        assertEquals("LATENCY", first.get("category").asText());
        assertEquals("HIGH", first.get("severity").asText());
        assertEquals(12_000, first.get("startMs").asInt());
        assertEquals(15_500, first.get("endMs").asInt());
        assertTrue(first.get("note").isNull());
        assertEquals("n", json.get("annotations").get(1).get("note").asText());
    }

    @Test
    void theFormatIsCsvOrJson() {
        assertEquals(AnnotationExportFormat.CSV, AnnotationExportFormat.parse(" CSV "));
        assertEquals(AnnotationExportFormat.JSON, AnnotationExportFormat.parse("json"));
        assertEquals("format must be csv or json",
                assertThrows(ReviewInputException.class, () -> AnnotationExportFormat.parse("xml")).getMessage());
        assertThrows(ReviewInputException.class, () -> AnnotationExportFormat.parse(null));
    }

    @Test
    void theDateRangeIsWholeUtcDaysBothIncluded() {
        AnnotationExportQuery q = AnnotationExportQuery.parse(" Card services ", "2026-03-01", "2026-03-02");
        assertEquals("Card services", q.agentProfile());
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"), q.fromInstant());
        assertEquals(Instant.parse("2026-03-03T00:00:00Z"), q.untilInstant());
        assertEquals(null, AnnotationExportQuery.parse("", "2026-03-01", "2026-03-01").agentProfile());
    }

    @Test
    void aBadRangeIsRefusedWithWhatToDo() {
        assertEquals("The range ends (2026-03-01) before it starts (2026-03-02); swap the dates.",
                assertThrows(ReviewInputException.class,
                        () -> AnnotationExportQuery.parse(null, "2026-03-02", "2026-03-01")).getMessage());
        assertEquals("from must be a date as YYYY-MM-DD, not \"yesterday\".",
                assertThrows(ReviewInputException.class,
                        () -> AnnotationExportQuery.parse(null, "yesterday", "2026-03-01")).getMessage());
        assertThrows(ReviewInputException.class, () -> AnnotationExportQuery.parse(null, null, "2026-03-01"));
        assertThrows(ReviewInputException.class, () -> new AnnotationExportQuery(null, LocalDate.of(2025, 1, 1),
                LocalDate.of(2026, 1, 2)));
        new AnnotationExportQuery(null, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1));
    }
}
