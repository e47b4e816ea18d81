package io.vigil.provenance;

import io.vigil.crypto.c2pa.DigitalSourceType;
import java.util.Locale;

/** What a signed audio file is, which decides the IPTC digital source type its {@code c2pa.created} action states. */
public enum TrackKind {
    /** The agent's own voice: audio the AI produced ({@code trainedAlgorithmicMedia}). */
    AGENT(DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA),
    /** A call recording mixing the caller and the agent ({@code compositeWithTrainedAlgorithmicMedia}). */
    COMPOSITE(DigitalSourceType.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA);

    private final DigitalSourceType sourceType;

    TrackKind(DigitalSourceType sourceType) {
        this.sourceType = sourceType;
    }

    public DigitalSourceType sourceType() {
        return sourceType;
    }

    /** {@code agent} or {@code composite} (any case); refused with the accepted names otherwise. */
    public static TrackKind parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("Unknown track type '" + name + "': use agent or composite");
        }
    }
}
