package io.vigil.crypto.keys;

import java.util.Locale;

/**
 * The data domains that get their own key per tenant. Separate keys per domain mean that
 * shredding, rotating or handing an HSM partition to a customer for one kind of data never
 * touches another, and that a transcript key can never open audio.
 */
public enum KeyDomain {
    /** Data keys of call recordings (audio tracks). */
    AUDIO,
    /** Data keys of original, unredacted transcripts. */
    TRANSCRIPT,
    /** Data keys of eDiscovery and DSAR export bundles. */
    EXPORT,
    /** EC P-256 signing keys (C2PA manifests, audit checkpoints); never wraps data keys. */
    SIGNING;

    /** The lower-case label used in key aliases, e.g. {@code audio}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether keys of this domain are AES key-encryption keys (as opposed to signing keys). */
    public boolean wrapsDataKeys() {
        return this != SIGNING;
    }

    static KeyDomain fromLabel(String label) {
        for (KeyDomain domain : values()) {
            if (domain.label().equals(label)) {
                return domain;
            }
        }
        throw new IllegalArgumentException("Unknown key domain '" + label + "'; expected one of audio, transcript, export, signing");
    }
}
