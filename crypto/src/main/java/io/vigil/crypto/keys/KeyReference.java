package io.vigil.crypto.keys;

import java.util.Objects;

/**
 * Identifies one version of a key-encryption or signing key: which provider holds it, its key id
 * ({@code vigil/<tenant>/<domain>}) and its version (1, 2, ...). Recorded in every encrypted recording
 * header so the reader knows which key unwraps the data key.
 */
public record KeyReference(String providerId, String keyId, int version) {

    public KeyReference {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(keyId, "keyId");
        if (providerId.isEmpty() || keyId.isEmpty()) {
            throw new IllegalArgumentException("providerId and keyId must not be empty");
        }
        if (version < 1) {
            throw new IllegalArgumentException("Key versions start at 1, got " + version);
        }
    }

    /** A reference to {@code version} of {@code name} in the provider {@code providerId}. */
    public static KeyReference of(String providerId, KeyName name, int version) {
        return new KeyReference(providerId, name.keyId(), version);
    }

    /** The tenant and domain this reference belongs to. */
    public KeyName name() {
        return KeyName.parse(keyId);
    }

    @Override
    public String toString() {
        return providerId + ":" + keyId + "/v" + version;
    }
}
