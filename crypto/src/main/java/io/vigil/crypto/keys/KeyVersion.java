package io.vigil.crypto.keys;

import java.util.Objects;

/** One version of a key and its lifecycle state, as listed by {@link KeyProvider#versions(KeyName)}. */
public record KeyVersion(KeyReference reference, KeyVersionState state) {
    public KeyVersion {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(state, "state");
    }
}
