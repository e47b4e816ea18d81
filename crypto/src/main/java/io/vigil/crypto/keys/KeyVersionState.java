package io.vigil.crypto.keys;

/** Lifecycle of one key version: active, then retired (after rewrapping), then destroyed (crypto-shred). */
public enum KeyVersionState {
    /** Wraps new data keys (if it is the newest) and unwraps existing ones. */
    ACTIVE,
    /** Below the minimum decryption version: still held, but refuses to unwrap. */
    RETIRED,
    /** Key material deleted: whatever it wrapped is unrecoverable. */
    DESTROYED
}
