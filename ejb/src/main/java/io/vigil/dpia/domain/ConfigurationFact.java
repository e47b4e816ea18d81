package io.vigil.dpia.domain;

import java.util.Objects;

/**
 * One thing Vigil's live configuration says about a processing, as a person reads it: a stable {@code key}
 * ({@code upstream.Billing assistant}, {@code retention.raw caller audio}), a {@code label} for the reader and the
 * {@code value} ("gpt-realtime at api.openai.com"). A DPIA's approval keeps these; drift compares them.
 */
public record ConfigurationFact(String key, String label, String value) {

    public ConfigurationFact {
        Objects.requireNonNull(key, "fact key");
        Objects.requireNonNull(label, "fact label");
        Objects.requireNonNull(value, "fact value");
    }
}
