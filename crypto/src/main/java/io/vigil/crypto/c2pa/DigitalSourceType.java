package io.vigil.crypto.c2pa;

import java.util.Arrays;
import java.util.Optional;

/**
 * How an audio file came to be, as an IPTC digital source type (the vocabulary C2PA uses in a
 * {@code c2pa.created} action).
 */
public enum DigitalSourceType {
    /** Audio produced entirely by a model: an AI agent's own track. */
    TRAINED_ALGORITHMIC_MEDIA("http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"),
    /** Human audio mixed with model output: a call recording with both parties. */
    COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA("http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia");

    private final String uri;

    DigitalSourceType(String uri) {
        this.uri = uri;
    }

    public String uri() {
        return uri;
    }

    /** The constant for an IPTC URI, if it is one of ours. */
    public static Optional<DigitalSourceType> fromUri(String uri) {
        return Arrays.stream(values()).filter(t -> t.uri.equals(uri)).findFirst();
    }
}
