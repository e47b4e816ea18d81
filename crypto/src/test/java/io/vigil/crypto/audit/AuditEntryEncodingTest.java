package io.vigil.crypto.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditEntryEncodingTest {

    private static final AuditEntry SAMPLE = AuditEntry.of(42, Instant.parse("2026-11-26T09:15:02.123456789Z"),
            UUID.fromString("2F1C6A4E-9B0D-4E1A-8C7E-5D3B2A1F0E9D"), "user:ana@acme.example", "recording.play",
            "call_session", "c-1001", "192.0.2.7", AuditOutcome.SUCCESS,
            Map.of("z", "last", "a\"b", "quote\\ \n\t\u0001 é 😀", "B", "upper"));

    @Test
    void theCanonicalEncodingIsSortedCompactJson() {
        String expected = "{\"action\":\"recording.play\",\"actor\":\"user:ana@acme.example\","
                + "\"at\":\"2026-11-26T09:15:02.123456Z\","
                + "\"details\":{\"B\":\"upper\",\"a\\\"b\":\"quote\\\\ \\n\\t\\u0001 é 😀\",\"z\":\"last\"},"
                + "\"object_id\":\"c-1001\",\"object_type\":\"call_session\",\"outcome\":\"success\",\"seq\":42,"
                + "\"source\":\"192.0.2.7\",\"tenant\":\"2f1c6a4e-9b0d-4e1a-8c7e-5d3b2a1f0e9d\"}";
        assertEquals(expected, new String(SAMPLE.canonicalBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void absentFieldsAreNullAndTimesKeepMicroseconds() {
        AuditEntry platform = AuditEntry.of(0, Instant.parse("2026-01-01T00:00:00Z"), null, "system", "key.rotate",
                null, null, null, AuditOutcome.FAILURE, Map.of());
        assertEquals("{\"action\":\"key.rotate\",\"actor\":\"system\",\"at\":\"2026-01-01T00:00:00.000000Z\",\"details\":{},"
                        + "\"object_id\":null,\"object_type\":null,\"outcome\":\"failure\",\"seq\":0,\"source\":null,\"tenant\":null}",
                new String(platform.canonicalBytes(), StandardCharsets.UTF_8));
        assertEquals(Instant.parse("2026-11-26T09:15:02.123456Z"), SAMPLE.at());
    }

    @Test
    void anExportLineReadsBackToTheSameEntry() throws Exception {
        byte[] leaf = TreeHasher.create().leaf(SAMPLE.canonicalBytes());
        String line = AuditExport.line(SAMPLE, leaf);
        ExportedEntry read = AuditExport.readLine(line.getBytes(StandardCharsets.UTF_8));
        assertEquals(SAMPLE, read.entry());
        assertArrayEquals(leaf, read.storedLeafHash());
        assertArrayEquals(SAMPLE.canonicalBytes(), read.canonicalEntry());
    }

    @Test
    void nonCanonicalButEquivalentLinesAreRefused() {
        String line = AuditExport.line(SAMPLE, new byte[32]);
        for (String variant : new String[] {
                line.replace("2f1c6a4e", "2F1C6A4E"),
                line.replace("{\"entry\":", "{ \"entry\":"),
                line.replace("\"seq\":42", "\"seq\":42.0"),
                line.replace("\"seq\":42", "\"seq\":042"),
                line.replace("é", "\\u00e9"),
                line.replace(".123456Z", ".123456000Z"),
                line + " ",
                line.replace("\"outcome\":\"success\",", "\"outcome\":\"success\",\"outcome\":\"success\","),
        }) {
            assertThrows(AuditFormatException.class, () -> AuditExport.readLine(variant.getBytes(StandardCharsets.UTF_8)), variant);
        }
    }

    @Test
    void invalidEntriesAreRefusedWithAReason() {
        Instant now = Instant.now();
        assertThrows(IllegalArgumentException.class, () -> AuditEntry.of(-1, now, null, "a", "b", null, null, null, AuditOutcome.SUCCESS, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> AuditEntry.of(0, now, null, "", "b", null, null, null, AuditOutcome.SUCCESS, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> AuditEntry.of(0, now, null, "a", "b", "", null, null, AuditOutcome.SUCCESS, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> AuditEntry.of(0, now, null, "a\uD800", "b", null, null, null, AuditOutcome.SUCCESS, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> AuditEntry.of(0, now, null, "a", "b", null, null, null, AuditOutcome.SUCCESS, Map.of("k", "\u0000")));
        assertThrows(IllegalArgumentException.class, () -> AuditEntry.of(0, Instant.parse("+10000-01-01T00:00:00Z"), null, "a", "b", null, null, null, AuditOutcome.SUCCESS, Map.of()));
    }
}
