package io.vigil.crypto.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Offline verifier of an audit export, for auditors:
 *
 * <pre>
 * java -cp vigil-crypto.jar:jackson-core.jar io.vigil.crypto.audit.AuditVerifyCli \
 *      entries.jsonl checkpoints.txt audit-key.pem [--origin ORIGIN]
 * </pre>
 *
 * Prints one line per checkpoint and then every altered entry by index. Exit status: 0 all checkpoints hold and
 * nothing is altered; 1 tampering found (the entries are named); 2 the input could not be used (arguments,
 * unreadable files, a key that is not EC P-256, no checkpoints).
 */
public final class AuditVerifyCli {

    static final int INTACT = 0;
    static final int TAMPERED = 1;
    static final int BAD_INPUT = 2;
    private static final int SHOWN_ENTRIES = 50;

    private AuditVerifyCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the verifier and returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        String origin = null;
        List<String> files;
        if (args.length == 5 && args[3].equals("--origin")) {
            origin = args[4];
            files = List.of(args[0], args[1], args[2]);
        } else if (args.length == 3) {
            files = List.of(args);
        } else {
            err.println("usage: AuditVerifyCli <entries.jsonl> <checkpoints.txt> <public-key.pem> [--origin ORIGIN]");
            return BAD_INPUT;
        }
        Path entries = Path.of(files.get(0));
        CheckpointKey key;
        List<String> notes;
        try {
            key = CheckpointKey.fromPem(Files.readString(Path.of(files.get(2)), StandardCharsets.US_ASCII));
            notes = AuditExport.splitCheckpoints(Files.readString(Path.of(files.get(1)), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            err.println("cannot read " + e.getFile() + ": no such file");
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("cannot read input: " + e);
            return BAD_INPUT;
        } catch (AuditFormatException e) {
            err.println(files.get(2) + ": " + e.getMessage());
            return BAD_INPUT;
        }
        if (notes.isEmpty()) {
            err.println(files.get(1) + " holds no checkpoints: without a signed checkpoint nothing can be verified;"
                    + " export the checkpoints along with the entries");
            return BAD_INPUT;
        }
        VerificationReport report;
        try (InputStream in = Files.newInputStream(entries)) {
            report = AuditLogVerifier.verify(in, notes, key, origin);
        } catch (NoSuchFileException e) {
            err.println("cannot read " + e.getFile() + ": no such file");
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("cannot read " + entries + ": " + e);
            return BAD_INPUT;
        }
        print(report, key, out);
        return report.intact() ? INTACT : TAMPERED;
    }

    private static void print(VerificationReport report, CheckpointKey key, PrintStream out) {
        out.println("entries: " + report.entryCount() + ", checkpoints: " + report.checkpoints().size() + ", key id: " + key.keyIdHex());
        for (CheckpointResult result : report.checkpoints()) {
            StringBuilder line = new StringBuilder("checkpoint ").append(result.position()).append(": ");
            if (result.checkpoint() != null) {
                line.append("size ").append(result.checkpoint().size()).append(" root ")
                        .append(Base64.getEncoder().encodeToString(result.checkpoint().root())).append(" ");
            }
            line.append("signature ").append(result.signatureValid() ? "ok" : "BAD")
                    .append(", root ").append(result.rootMatches() ? "ok" : "BAD")
                    .append(", consistency ").append(switch (result.consistency()) {
                        case CONSISTENT -> "ok";
                        case INCONSISTENT -> "BAD";
                        case NOT_CHECKED -> "-";
                    })
                    .append(result.holds() ? " => OK" : " => FAILED: " + result.problem());
            out.println(line);
        }
        int shown = 0;
        for (Map.Entry<Long, String> entry : report.alteredEntries().entrySet()) {
            if (shown++ == SHOWN_ENTRIES) {
                out.println("... and " + (report.alteredEntries().size() - SHOWN_ENTRIES) + " more altered entries");
                break;
            }
            out.println("ALTERED entry " + entry.getKey() + " (line " + (entry.getKey() + 1) + "): " + entry.getValue());
        }
        report.problems().forEach(problem -> out.println("PROBLEM: " + problem));
        report.remarks().forEach(remark -> out.println("note: " + remark));
        if (report.intact()) {
            out.println("RESULT: intact");
        } else if (!report.alteredEntries().isEmpty()) {
            out.println("RESULT: TAMPERED, altered entries " + firstIndexes(report));
        } else {
            out.println("RESULT: TAMPERED");
        }
    }

    private static String firstIndexes(VerificationReport report) {
        List<Long> indexes = report.alteredEntries().keySet().stream().limit(10).toList();
        return indexes.toString() + (report.alteredEntries().size() > 10 ? " and more" : "");
    }
}
