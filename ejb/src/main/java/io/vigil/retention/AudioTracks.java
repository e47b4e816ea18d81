package io.vigil.retention;

import io.vigil.retention.domain.DataClass;

/** The SQL form of {@link DataClass#ofTrack}, for contributors whose artifacts are recording tracks or copies of them. */
public final class AudioTracks {

    private AudioTracks() {
    }

    /** An SQL predicate: the track name in {@code trackColumn} belongs to the audio class {@code dataClass}. */
    public static String inClass(DataClass dataClass, String trackColumn) {
        return switch (dataClass) {
            case REDACTED_AUDIO -> "lower(" + trackColumn + ") LIKE 'redacted%'";
            case RAW_AGENT_AUDIO -> "lower(" + trackColumn + ") = 'agent'";
            case RAW_CALLER_AUDIO -> "lower(" + trackColumn + ") NOT LIKE 'redacted%' AND lower(" + trackColumn + ") <> 'agent'";
            default -> throw new IllegalArgumentException(dataClass + " is not an audio class");
        };
    }
}
