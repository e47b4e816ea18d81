package io.vigil.redaction;

/**
 * Finds one family of personal data in an utterance and reports it through {@link Analysis#report}. Implementations
 * are stateless and thread-safe; all per-call state lives in the {@link Analysis}.
 */
public interface Recognizer {

    /** A short stable name, reported as the "why" of every finding. */
    String name();

    void recognize(Analysis analysis);
}
