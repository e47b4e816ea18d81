package io.vigil.crypto.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The export an auditor verifies offline, as three files:
 *
 * <ol>
 *   <li><b>entries</b> ({@code .jsonl}): one line per entry in seq order, each ending in {@code \n}:
 *       <pre>{"entry":&lt;canonical entry&gt;,"leaf_hash":"&lt;base64 of the stored leaf hash&gt;"}</pre>
 *       byte for byte as written here: the {@link CanonicalJson canonical entry}, then the leaf hash the log
 *       stored ({@code audit_entry.leaf_hash}), standard base64 with padding. A reader accepts a line only if it is
 *       exactly the canonical form of what it parsed, so any changed byte shows.
 *   <li><b>checkpoints</b> (text): {@link SignedCheckpoint signed notes} in ascending size, each followed by one
 *       empty line;
 *   <li><b>public key</b> (PEM {@code PUBLIC KEY}): the {@link CheckpointKey} the checkpoints are signed with,
 *       obtained from Vigil out of band (not trusted from the same export).
 * </ol>
 */
public final class AuditExport {

    private static final JsonFactory JSON = new JsonFactory();
    private static final byte[] PREFIX = "{\"entry\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MIDDLE = ",\"leaf_hash\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SUFFIX = "\"}".getBytes(StandardCharsets.US_ASCII);
    private static final List<String> ENTRY_FIELDS = List.of("action", "actor", "at", "details", "object_id",
            "object_type", "outcome", "seq", "source", "tenant");

    private AuditExport() {
    }

    /** The export line of {@code entry} with its stored leaf hash, without the final newline. */
    public static String line(AuditEntry entry, byte[] leafHash) {
        StringBuilder out = new StringBuilder(320).append("{\"entry\":");
        CanonicalJson.append(out, entry);
        return out.append(",\"leaf_hash\":\"").append(Base64.getEncoder().encodeToString(leafHash)).append("\"}").toString();
    }

    /** Reads one export line (UTF-8, without its newline); refuses anything but the exact canonical form. */
    public static ExportedEntry readLine(byte[] line) throws AuditFormatException {
        AuditEntry entry;
        String leafHashText;
        try (JsonParser parser = JSON.createParser(line)) {
            expect(parser, JsonToken.START_OBJECT, "an export line is a JSON object");
            expectField(parser, "entry");
            expect(parser, JsonToken.START_OBJECT, "entry is an object");
            entry = entry(parser);
            expectField(parser, "leaf_hash");
            expect(parser, JsonToken.VALUE_STRING, "leaf_hash is a string");
            leafHashText = parser.getText();
            expect(parser, JsonToken.END_OBJECT, "an export line holds only entry and leaf_hash");
        } catch (IOException e) {
            throw new AuditFormatException("not valid JSON (" + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()) + ")", e);
        }
        byte[] leafHash;
        try {
            leafHash = Base64.getDecoder().decode(leafHashText);
        } catch (IllegalArgumentException e) {
            throw new AuditFormatException("leaf_hash is not base64", e);
        }
        if (leafHash.length != TreeHasher.HASH_BYTES) {
            throw new AuditFormatException("leaf_hash is not 32 bytes");
        }
        byte[] canonical = entry.canonicalBytes();
        if (!isExactly(line, canonical, leafHashText)) {
            throw new AuditFormatException("not in canonical form (bytes differ from the re-encoded entry)");
        }
        return new ExportedEntry(entry, leafHash, canonical);
    }

    private static boolean isExactly(byte[] line, byte[] canonical, String leafHashText) {
        byte[] hash = leafHashText.getBytes(StandardCharsets.US_ASCII);
        int length = PREFIX.length + canonical.length + MIDDLE.length + hash.length + SUFFIX.length;
        if (line.length != length) {
            return false;
        }
        int at = 0;
        for (byte[] part : new byte[][] {PREFIX, canonical, MIDDLE, hash, SUFFIX}) {
            if (!Arrays.equals(line, at, at + part.length, part, 0, part.length)) {
                return false;
            }
            at += part.length;
        }
        return Base64.getEncoder().encodeToString(Base64.getDecoder().decode(leafHashText)).equals(leafHashText);
    }

    /** Reads the entry object's members (the parser is inside it); order and duplicates are left to the canonical check. */
    private static AuditEntry entry(JsonParser parser) throws IOException, AuditFormatException {
        Long seq = null;
        String at = null;
        String tenant = null;
        String actor = null;
        String action = null;
        String objectType = null;
        String objectId = null;
        String source = null;
        String outcome = null;
        TreeMap<String, String> details = null;
        int seen = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            int field = ENTRY_FIELDS.indexOf(name);
            if (field < 0) {
                throw new AuditFormatException("entry has an unknown field '" + name + "'; expected " + ENTRY_FIELDS);
            }
            seen |= 1 << field;
            switch (name) {
                case "seq" -> {
                    if (value != JsonToken.VALUE_NUMBER_INT) {
                        throw new AuditFormatException("seq is not an integer");
                    }
                    seq = parser.getLongValue();
                }
                case "details" -> details = details(parser, value);
                case "at" -> at = text(parser, value, name, false);
                case "tenant" -> tenant = text(parser, value, name, true);
                case "actor" -> actor = text(parser, value, name, false);
                case "action" -> action = text(parser, value, name, false);
                case "object_type" -> objectType = text(parser, value, name, true);
                case "object_id" -> objectId = text(parser, value, name, true);
                case "source" -> source = text(parser, value, name, true);
                default -> outcome = text(parser, value, name, false);
            }
        }
        if (seen != (1 << ENTRY_FIELDS.size()) - 1) {
            throw new AuditFormatException("entry lacks some of the fields " + ENTRY_FIELDS);
        }
        try {
            return new AuditEntry(seq, CanonicalJson.parseAt(at), tenant == null ? null : UUID.fromString(tenant), actor,
                    action, objectType, objectId, source, AuditOutcome.fromLabel(outcome), details);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new AuditFormatException("invalid entry: " + e.getMessage(), e);
        }
    }

    private static TreeMap<String, String> details(JsonParser parser, JsonToken value) throws IOException, AuditFormatException {
        if (value != JsonToken.START_OBJECT) {
            throw new AuditFormatException("details is not an object");
        }
        TreeMap<String, String> details = new TreeMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            details.put(key, text(parser, parser.nextToken(), "details." + key, false));
        }
        return details;
    }

    private static String text(JsonParser parser, JsonToken value, String field, boolean nullable)
            throws IOException, AuditFormatException {
        if (value == JsonToken.VALUE_NULL && nullable) {
            return null;
        }
        if (value != JsonToken.VALUE_STRING) {
            throw new AuditFormatException(field + " is not a string" + (nullable ? " or null" : ""));
        }
        return parser.getText();
    }

    private static void expect(JsonParser parser, JsonToken token, String what) throws IOException, AuditFormatException {
        if (parser.nextToken() != token) {
            throw new AuditFormatException("not an export line: " + what);
        }
    }

    private static void expectField(JsonParser parser, String name) throws IOException, AuditFormatException {
        if (parser.nextToken() != JsonToken.FIELD_NAME || !name.equals(parser.currentName())) {
            throw new AuditFormatException("not an export line: expected {\"entry\":{...},\"leaf_hash\":\"...\"}");
        }
    }

    /** The checkpoints file: each signed note followed by one empty line. */
    public static String checkpointsFile(List<SignedCheckpoint> checkpoints) {
        StringBuilder out = new StringBuilder();
        for (SignedCheckpoint checkpoint : checkpoints) {
            out.append(checkpoint.note()).append('\n');
        }
        return out.toString();
    }

    /**
     * Splits a checkpoints file into its notes without judging them: a note is body lines up to an empty line,
     * then signature lines up to the next empty line or the end. A damaged note stays one (unreadable) note so
     * that its neighbours are still checked.
     */
    public static List<String> splitCheckpoints(String file) {
        List<String> notes = new ArrayList<>();
        StringBuilder note = new StringBuilder();
        boolean inSignatures = false;
        for (String line : file.split("\n", -1)) {
            if (line.isEmpty()) {
                if (!inSignatures && note.length() > 0) {
                    note.append('\n');
                    inSignatures = true;
                } else if (inSignatures) {
                    notes.add(note.toString());
                    note.setLength(0);
                    inSignatures = false;
                }
            } else {
                note.append(line).append('\n');
            }
        }
        if (note.length() > 0) {
            notes.add(note.toString());
        }
        return notes;
    }
}
