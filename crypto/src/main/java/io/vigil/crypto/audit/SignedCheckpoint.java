package io.vigil.crypto.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A checkpoint as a signed note in the style of C2SP signed-note: the {@link Checkpoint#body() body}, one empty
 * line, then signature lines
 *
 * <pre>
 * — &lt;key name&gt; &lt;base64(key id || signature)&gt;
 * </pre>
 *
 * where the line starts with U+2014 (em dash, UTF-8 {@code e2 80 94}) and a space, the key id is the 4-byte
 * {@link CheckpointKey#keyId() id of the signing key} and the signature is a DER SHA256withECDSA signature over
 * the UTF-8 body (including its final newline, excluding the empty line). Vigil names its key after the log's
 * origin: an ECDSA key id does not cover the name, so a verifier only counts lines whose name is the checkpoint's
 * origin. Every line ends in {@code \n}. A note may carry several signatures (e.g. a witness's); a verifier uses
 * the one with its name and key id and ignores the rest.
 * Example:
 *
 * <pre>
 * vigil.example.com/audit
 * 1024
 * 3q2+7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=
 *
 * — vigil.example.com/audit 9kT0zzBFAiEA...
 * </pre>
 */
public final class SignedCheckpoint {

    private static final String DASH = "\u2014 ";

    private record SignatureLine(String name, byte[] keyId, byte[] signature) {
    }

    private final Checkpoint checkpoint;
    private final String note;
    private final List<SignatureLine> signatures;

    private SignedCheckpoint(Checkpoint checkpoint, String note, List<SignatureLine> signatures) {
        this.checkpoint = checkpoint;
        this.note = note;
        this.signatures = signatures;
    }

    /** Signs {@code checkpoint} with {@code signer}. */
    public static SignedCheckpoint sign(Checkpoint checkpoint, CheckpointSigner signer) throws GeneralSecurityException {
        Objects.requireNonNull(checkpoint, "checkpoint");
        byte[] signature = signer.sign(checkpoint.bodyBytes());
        byte[] keyId = signer.key().keyId();
        byte[] blob = Arrays.copyOf(keyId, keyId.length + signature.length);
        System.arraycopy(signature, 0, blob, keyId.length, signature.length);
        String name = checkpoint.origin();
        if (name.contains(" ") || name.contains("+")) {
            throw new IllegalArgumentException("The origin names the signing key on the signature line, so it must not contain ' ' or '+'");
        }
        String note = checkpoint.body() + "\n" + DASH + name + " " + Base64.getEncoder().encodeToString(blob) + "\n";
        return new SignedCheckpoint(checkpoint, note, List.of(new SignatureLine(name, keyId, signature)));
    }

    /** Reads a signed note's structure; {@link #verifiedBy} then checks the signature. */
    public static SignedCheckpoint parse(String note) throws AuditFormatException {
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new AuditFormatException("A signed checkpoint has its body, an empty line and signature lines; no empty line found");
        }
        Checkpoint checkpoint = Checkpoint.parse(note.substring(0, split + 1));
        String signatureText = note.substring(split + 2);
        if (signatureText.isEmpty() || !signatureText.endsWith("\n")) {
            throw new AuditFormatException("The signature lines of checkpoint size " + checkpoint.size() + " are missing or not newline-terminated");
        }
        List<SignatureLine> signatures = new ArrayList<>();
        for (String line : signatureText.substring(0, signatureText.length() - 1).split("\n", -1)) {
            signatures.add(signatureLine(line, checkpoint));
        }
        return new SignedCheckpoint(checkpoint, note, List.copyOf(signatures));
    }

    private static SignatureLine signatureLine(String line, Checkpoint checkpoint) throws AuditFormatException {
        String[] parts = line.startsWith(DASH) ? line.substring(DASH.length()).split(" ", -1) : new String[0];
        if (parts.length != 2 || parts[0].isEmpty()) {
            throw new AuditFormatException("Checkpoint size " + checkpoint.size() + " has a malformed signature line '" + line
                    + "'; expected '— <key name> <base64 signature>'");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new AuditFormatException("Checkpoint size " + checkpoint.size() + " has a signature that is not base64", e);
        }
        if (blob.length < 5 || !Base64.getEncoder().encodeToString(blob).equals(parts[1])) {
            throw new AuditFormatException("Checkpoint size " + checkpoint.size() + " has a signature that is not canonical base64 of a key id and a signature");
        }
        return new SignatureLine(parts[0], Arrays.copyOf(blob, 4), Arrays.copyOfRange(blob, 4, blob.length));
    }

    public Checkpoint checkpoint() {
        return checkpoint;
    }

    /** The full note text, as stored in {@code audit_checkpoint.signed_note} and exported. */
    public String note() {
        return note;
    }

    /**
     * Whether a signature line under the origin's name carries {@code key}'s id, and all such lines hold valid
     * signatures of the body. False if none does.
     */
    public boolean verifiedBy(CheckpointKey key) {
        boolean found = false;
        byte[] body = checkpoint.body().getBytes(StandardCharsets.UTF_8);
        for (SignatureLine line : signatures) {
            if (line.name().equals(checkpoint.origin()) && key.hasKeyId(line.keyId())) {
                if (!key.verifies(body, line.signature())) {
                    return false;
                }
                found = true;
            }
        }
        return found;
    }

    @Override
    public String toString() {
        return note;
    }
}
