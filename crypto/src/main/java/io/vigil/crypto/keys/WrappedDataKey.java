package io.vigil.crypto.keys;

import java.util.Objects;

/** A data key encrypted under one key-encryption key version; safe to store next to the data it protects. */
public record WrappedDataKey(KeyReference kek, byte[] ciphertext) {

    public WrappedDataKey {
        Objects.requireNonNull(kek, "kek");
        ciphertext = Objects.requireNonNull(ciphertext, "ciphertext").clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WrappedDataKey that && kek.equals(that.kek) && java.util.Arrays.equals(ciphertext, that.ciphertext);
    }

    @Override
    public int hashCode() {
        return 31 * kek.hashCode() + java.util.Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "WrappedDataKey[" + kek + ", " + ciphertext.length + " bytes]";
    }
}
