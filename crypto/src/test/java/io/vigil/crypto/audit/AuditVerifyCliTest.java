package io.vigil.crypto.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditVerifyCliTest {

    private static final int SIZE = 300;
    private static KeyPair keys;
    private static AuditFixture.Export export;

    @TempDir
    Path directory;

    private String output;

    @BeforeAll
    static void buildLog() throws Exception {
        keys = AuditFixture.keyPair();
        export = AuditFixture.export(SIZE, 64, AuditFixture.signer(keys));
    }

    @Test
    void anUntouchedExportVerifies() throws Exception {
        assertEquals(AuditVerifyCli.INTACT, run(export));
        assertTrue(output.contains("checkpoint 5: size 300"), output);
        assertTrue(output.endsWith("RESULT: intact\n"), output);
        String[] withOrigin = export.write(directory);
        withOrigin = Arrays.copyOf(withOrigin, 5);
        withOrigin[3] = "--origin";
        withOrigin[4] = AuditFixture.ORIGIN;
        assertEquals(AuditVerifyCli.INTACT, run(withOrigin));
        withOrigin[4] = "someone.else/audit";
        assertEquals(AuditVerifyCli.TAMPERED, run(withOrigin));
    }

    @Test
    void oneChangedByteInAnEntryIsPinpointed() throws Exception {
        byte[] entries = export.entries().clone();
        int at = indexOf(entries, export.lineStart(137), "\"actor\":\"user:") + "\"actor\":\"user:".length();
        entries[at] = 'x';
        assertEquals(AuditVerifyCli.TAMPERED, run(export.withEntries(entries)));
        assertTrue(output.contains("ALTERED entry 137 (line 138): its content no longer hashes to the leaf hash that checkpoint 3"), output);
        assertTrue(output.contains("RESULT: TAMPERED, altered entries [137]"), output);
        assertTrue(output.contains("checkpoint 2: size 128") && output.contains("checkpoint 3: size 192"), output);
        assertTrue(output.lines().filter(line -> line.startsWith("checkpoint 2:")).allMatch(line -> line.endsWith("=> OK")), output);
    }

    @Test
    void everyChangedByteOfOneEntryLineIsPinpointedToThatEntry() throws Exception {
        int line = 77;
        int from = export.lineStart(line);
        int to = export.lineStart(line + 1) - 1;
        for (int i = from; i < to; i++) {
            byte[] entries = export.entries().clone();
            entries[i] ^= (byte) (entries[i] == '\n' - 1 ? 0x02 : 0x01);
            assertEquals(AuditVerifyCli.TAMPERED, run(export.withEntries(entries)), "byte " + (i - from));
            assertTrue(output.contains("ALTERED entry " + line + " "), "byte " + (i - from) + ":\n" + output);
            assertTrue(output.contains("RESULT: TAMPERED, altered entries [" + line + "]"), "byte " + (i - from) + ":\n" + output);
        }
    }

    @Test
    void anAlteredStoredLeafHashIsNamedAndTheContentVouchedFor() throws Exception {
        byte[] entries = export.entries().clone();
        int at = indexOf(entries, export.lineStart(5), "\"leaf_hash\":\"") + "\"leaf_hash\":\"".length();
        entries[at] = (byte) (entries[at] == 'A' ? 'B' : 'A');
        assertEquals(AuditVerifyCli.TAMPERED, run(export.withEntries(entries)));
        assertTrue(output.contains("ALTERED entry 5 (line 6): its exported leaf_hash is wrong"), output);
    }

    @Test
    void anEntryRewrittenTogetherWithItsLeafHashIsNarrowedToACheckpointInterval() throws Exception {
        String text = new String(export.entries(), StandardCharsets.UTF_8);
        String[] lines = text.split("\n");
        AuditEntry forged = AuditFixture.entry(150).withSeq(150);
        forged = AuditEntry.of(150, forged.at(), forged.tenantId(), "user:someone-else", forged.action(),
                forged.objectType(), forged.objectId(), forged.source(), forged.outcome(), forged.details());
        lines[150] = AuditExport.line(forged, TreeHasher.create().leaf(forged.canonicalBytes()));
        assertEquals(AuditVerifyCli.TAMPERED, run(export.withEntries((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8))));
        assertTrue(output.contains("PROBLEM: entries 128 to 191 differ from what checkpoint 3 (size 192) signed"), output);
    }

    @Test
    void aRemovedEntryIsFoundWhereItWasRemoved() throws Exception {
        String text = new String(export.entries(), StandardCharsets.UTF_8);
        int from = export.lineStart(200);
        int to = export.lineStart(201);
        byte[] entries = (text.substring(0, from) + text.substring(to)).getBytes(StandardCharsets.UTF_8);
        assertEquals(AuditVerifyCli.TAMPERED, run(export.withEntries(entries)));
        assertTrue(output.contains("ALTERED entry 200 (line 201): holds seq 201 where seq 200 was expected"), output);
        assertTrue(output.contains("entries 299 to 299 are missing"), output);
    }

    @Test
    void aTruncatedExportAndAForgedCheckpointAreFound() throws Exception {
        String text = new String(export.entries(), StandardCharsets.UTF_8);
        byte[] truncated = text.substring(0, export.lineStart(250)).getBytes(StandardCharsets.UTF_8);
        assertEquals(AuditVerifyCli.TAMPERED, run(export.withEntries(truncated)));
        assertTrue(output.contains("entries 250 to 299 are missing"), output);

        KeyPair other = AuditFixture.keyPair();
        AuditFixture.Export forged = AuditFixture.export(SIZE, 64, AuditFixture.signer(other));
        String mixed = export.checkpoints().replaceFirst("(?s)^(.*?\n\n.*?\n\n)", java.util.regex.Matcher.quoteReplacement(
                AuditExport.splitCheckpoints(forged.checkpoints()).get(0) + "\n"));
        assertEquals(AuditVerifyCli.TAMPERED, run(export.withCheckpoints(mixed)));
        assertTrue(output.contains("checkpoint 1: size 64"), output);
        assertTrue(output.contains("signature BAD"), output);
    }

    @Test
    void unusableInputExitsWithTwo() throws Exception {
        String[] args = export.write(directory);
        assertEquals(AuditVerifyCli.BAD_INPUT, run(new String[] {args[0], args[1]}));
        assertEquals(AuditVerifyCli.BAD_INPUT, run(new String[] {args[0] + ".missing", args[1], args[2]}));
        Files.writeString(Path.of(args[2]), "not a key");
        assertEquals(AuditVerifyCli.BAD_INPUT, run(args));
        assertTrue(output.contains("BEGIN PUBLIC KEY"), output);
        Files.writeString(Path.of(args[2]), export.publicKeyPem());
        Files.writeString(Path.of(args[1]), "");
        assertEquals(AuditVerifyCli.BAD_INPUT, run(args));
        assertTrue(output.contains("holds no checkpoints"), output);
    }

    private int run(AuditFixture.Export files) throws Exception {
        return run(files.write(directory));
    }

    private int run(String[] args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = AuditVerifyCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        output = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        return status;
    }

    private static int indexOf(byte[] data, int from, String what) {
        byte[] needle = what.getBytes(StandardCharsets.UTF_8);
        for (int i = from; i <= data.length - needle.length; i++) {
            if (Arrays.equals(data, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException(what + " not found");
    }
}
