package io.vigil.retention.domain;

import static io.vigil.retention.domain.DataClass.ANNOTATIONS;
import static io.vigil.retention.domain.DataClass.EXPORTS;
import static io.vigil.retention.domain.DataClass.ORIGINAL_TRANSCRIPT;
import static io.vigil.retention.domain.DataClass.RAW_AGENT_AUDIO;
import static io.vigil.retention.domain.DataClass.RAW_CALLER_AUDIO;
import static io.vigil.retention.domain.DataClass.REDACTED_AUDIO;
import static io.vigil.retention.domain.DataClass.REDACTED_TRANSCRIPT;
import static io.vigil.retention.domain.DataClass.SESSION_METADATA;
import static io.vigil.retention.domain.RetentionAction.ANONYMISE;
import static io.vigil.retention.domain.RetentionAction.CRYPTO_SHRED;
import static io.vigil.retention.domain.RetentionAction.DELETE;

import java.util.List;

/**
 * The rules a tenant starts with, for the {@code standard} retention class: raw audio and the unredacted original
 * are the most sensitive and go first; the redacted forms serve quality review for a year; metadata is kept two
 * years for statistics, then anonymised. Calls in the EU keep raw caller audio 30 days only.
 */
public final class DefaultPolicies {

    public static final String STANDARD = "standard";

    private DefaultPolicies() {
    }

    public static RetentionPolicies standard() {
        return new RetentionPolicies(List.of(
                rule(RAW_CALLER_AUDIO, 90, CRYPTO_SHRED),
                rule(RAW_AGENT_AUDIO, 90, CRYPTO_SHRED),
                rule(REDACTED_AUDIO, 365, CRYPTO_SHRED),
                rule(ORIGINAL_TRANSCRIPT, 90, CRYPTO_SHRED),
                rule(REDACTED_TRANSCRIPT, 365, DELETE),
                rule(ANNOTATIONS, 730, DELETE),
                rule(EXPORTS, 365, DELETE),
                rule(SESSION_METADATA, 730, ANONYMISE),
                new RetentionPolicy(STANDARD, RAW_CALLER_AUDIO, "EU", 30, CRYPTO_SHRED)));
    }

    private static RetentionPolicy rule(DataClass dataClass, int days, RetentionAction action) {
        return new RetentionPolicy(STANDARD, dataClass, RetentionPolicy.ANY, days, action);
    }
}
