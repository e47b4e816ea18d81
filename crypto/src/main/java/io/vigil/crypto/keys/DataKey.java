package io.vigil.crypto.keys;

import java.util.Arrays;
import java.util.Objects;

/**
 * A fresh plaintext data key together with its wrapped form. Hold it only while encrypting; {@link #close()}
 * overwrites the plaintext so it does not linger on the heap longer than the recording that uses it.
 */
public final class DataKey implements AutoCloseable {

    private final byte[] plaintext;
    private final WrappedDataKey wrapped;

    DataKey(byte[] plaintext, WrappedDataKey wrapped) {
        this.plaintext = Objects.requireNonNull(plaintext, "plaintext");
        this.wrapped = Objects.requireNonNull(wrapped, "wrapped");
    }

    /** A copy of the plaintext key; the caller clears it when done. */
    public byte[] plaintext() {
        return plaintext.clone();
    }

    public WrappedDataKey wrapped() {
        return wrapped;
    }

    @Override
    public void close() {
        Arrays.fill(plaintext, (byte) 0);
    }
}
