package io.vigil.crypto.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds audit logs and their exports for tests and benchmarks. */
public final class AuditFixture {

    public static final String ORIGIN = "vigil.test/audit";
    private static final Instant START = Instant.parse("2026-11-26T09:00:00Z");
    private static final UUID TENANT = UUID.fromString("2f1c6a4e-9b0d-4e1a-8c7e-5d3b2a1f0e9d");
    private static final String[] ACTIONS = {"call.view", "recording.play", "transcript.export", "flag.resolve", "user.login"};

    private AuditFixture() {
    }

    /** A varied, realistic entry with leaf index {@code seq}. */
    public static AuditEntry entry(long seq) {
        boolean platform = seq % 17 == 0;
        return AuditEntry.of(seq, START.plusMillis(seq * 137).plusNanos(seq % 1000 * 1000), platform ? null : TENANT,
                platform ? "system" : "user:agent" + (seq % 7) + "@acme.example", ACTIONS[(int) (seq % ACTIONS.length)],
                platform ? null : "call_session", platform ? null : "c-" + (seq * 7919 % 100_000),
                platform ? null : "10.0." + (seq % 250) + "." + (seq % 13 + 1),
                seq % 11 == 0 ? AuditOutcome.DENIED : AuditOutcome.SUCCESS,
                seq % 3 == 0 ? Map.of("reason", "quality review", "ticket", "QA-" + seq) : Map.of());
    }

    public static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    public static CheckpointSigner signer(KeyPair keys) {
        return CheckpointSigner.of(keys.getPrivate(), keys.getPublic());
    }

    /** A log of {@code size} entries, signed every {@code interval} entries and at the end. */
    public static Export export(int size, int interval, CheckpointSigner signer) throws GeneralSecurityException {
        AuditLogWriter writer = AuditLogWriter.open(new InMemoryAuditTreeStore());
        StringBuilder entries = new StringBuilder();
        List<SignedCheckpoint> checkpoints = new ArrayList<>();
        for (int seq = 0; seq < size; seq++) {
            AuditEntry entry = entry(seq);
            entries.append(AuditExport.line(entry, writer.append(entry))).append('\n');
            if ((seq + 1) % interval == 0 || seq == size - 1) {
                checkpoints.add(SignedCheckpoint.sign(writer.checkpoint(ORIGIN), signer));
            }
        }
        return new Export(entries.toString().getBytes(StandardCharsets.UTF_8), AuditExport.checkpointsFile(checkpoints),
                signer.key().toPem());
    }

    /** The three export files, in memory. */
    public record Export(byte[] entries, String checkpoints, String publicKeyPem) {

        /** Writes the files to {@code directory} and returns the verifier's arguments. */
        public String[] write(Path directory) throws IOException {
            Path entriesFile = Files.write(directory.resolve("entries.jsonl"), entries);
            Path checkpointsFile = Files.writeString(directory.resolve("checkpoints.txt"), checkpoints);
            Path keyFile = Files.writeString(directory.resolve("audit-key.pem"), publicKeyPem);
            return new String[] {entriesFile.toString(), checkpointsFile.toString(), keyFile.toString()};
        }

        /** Byte offset where line {@code index} (0-based) starts. */
        public int lineStart(int index) {
            int at = 0;
            for (int line = 0; line < index; line++) {
                while (entries[at] != '\n') {
                    at++;
                }
                at++;
            }
            return at;
        }

        public Export withEntries(byte[] newEntries) {
            return new Export(newEntries, checkpoints, publicKeyPem);
        }

        public Export withCheckpoints(String newCheckpoints) {
            return new Export(entries, newCheckpoints, publicKeyPem);
        }
    }
}
