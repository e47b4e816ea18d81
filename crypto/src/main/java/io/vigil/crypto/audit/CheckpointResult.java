package io.vigil.crypto.audit;

/**
 * What the verifier found for one checkpoint of an export, in file order ({@code position} from 1).
 * {@code checkpoint} is null when the note could not be read. {@code consistency} compares it with the previous
 * checkpoint whose signature held.
 */
public record CheckpointResult(int position, Checkpoint checkpoint, boolean signatureValid, boolean rootMatches,
                               Consistency consistency, String problem) {

    /** The outcome of the RFC 9162 consistency proof from the previous signed checkpoint to this one. */
    public enum Consistency {
        /** The proof verified against both signed roots. */
        CONSISTENT,
        /** The proof did not verify: the two signed trees are not one append-only log over these entries. */
        INCONSISTENT,
        /** First signed checkpoint, or this one could not be checked (unreadable, bad signature, beyond the export). */
        NOT_CHECKED
    }

    /** Whether this checkpoint holds: signed by the key, its root is the entries' root, consistent with the previous. */
    public boolean holds() {
        return problem == null && signatureValid && rootMatches && consistency != Consistency.INCONSISTENT;
    }
}
