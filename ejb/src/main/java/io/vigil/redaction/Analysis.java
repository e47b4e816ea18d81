package io.vigil.redaction;

import java.util.List;

/**
 * One utterance as the recognisers see it: the normalised tokens, the cue phrases found among them, and a sink for
 * findings that converts normalised offsets back to original ones. Created per call, used by one thread.
 */
public final class Analysis {

    /** How many tokens before a value a cue may sit ("my card number is uh it's 4111..."). */
    static final int CUE_WINDOW_BEFORE = 10;
    /** How many tokens after a value a cue may sit ("123456789 that's my social"). */
    static final int CUE_WINDOW_AFTER = 5;

    private final NormalizedText text;
    private final Cue[] cueAt;
    private final int[] cueEnd;
    private final List<DetectedEntity> sink;
    /** Digits of each number token, computed on first use; most recognisers ask for them. */
    private final String[] digits;

    Analysis(NormalizedText text, List<DetectedEntity> sink) {
        this.text = text;
        this.cueAt = new Cue[text.size()];
        this.cueEnd = new int[text.size()];
        this.sink = sink;
        this.digits = new String[text.size()];
        ContextCues.index(text, cueAt, cueEnd);
    }

    public NormalizedText text() {
        return text;
    }

    public int size() {
        return text.size();
    }

    public NormalizedText.Token token(int i) {
        return text.token(i);
    }

    /** Token text, or "" outside the utterance; saves bounds checks in every recogniser. */
    public String word(int i) {
        return i >= 0 && i < text.size() ? text.token(i).text() : "";
    }

    /** True when token i's text has one of the {@link Lexicon} roles; false outside the utterance. */
    boolean is(int i, long roles) {
        return i >= 0 && i < text.size() && (text.roles(i) & roles) != 0;
    }

    /** {@code token(i).digits()}, computed once per utterance. */
    public String digits(int i) {
        String d = digits[i];
        if (d == null) {
            d = text.token(i).digits();
            digits[i] = d;
        }
        return d;
    }

    /**
     * The cue nearest to the value spanning tokens [from, to): the closest phrase ending before {@code from}, else
     * the closest one starting after the value. Null when there is none in the windows.
     */
    public Cue cueFor(int from, int to) {
        if (is(from - 1, Lexicon.IMMEDIATE_NEGATIVE) && !endsIn(from - 1)) {
            return Cue.NEGATIVE;
        }
        for (int j = from - 1; j >= Math.max(0, from - CUE_WINDOW_BEFORE); j--) {
            if (cueAt[j] != null && cueEnd[j] <= from) {
                return cueAt[j];
            }
        }
        for (int j = to; j < Math.min(text.size(), to + CUE_WINDOW_AFTER); j++) {
            if (cueAt[j] != null && cueAt[j] != Cue.NEGATIVE) {
                return cueAt[j];
            }
        }
        return null;
    }

    /** "card ending in 4492": that "in" introduces digits, it does not make them a year or amount. */
    private boolean endsIn(int in) {
        String before = word(in - 1);
        return word(in).equals("in") && (before.equals("ending") || before.equals("ends") || before.equals("ended")
                || before.equals("end"));
    }

    /** Index of the nearest token before {@code from} that starts a phrase with this cue, or -1. */
    public int cueIndexBefore(int from, Cue cue, int window) {
        for (int j = from - 1; j >= Math.max(0, from - window); j--) {
            if (cueAt[j] == cue) {
                return j;
            }
        }
        return -1;
    }

    public Cue cueAt(int i) {
        return cueAt[i];
    }

    public int cueEnd(int i) {
        return cueEnd[i];
    }

    /** True when the number at token i is followed by "dollars", "pm", "people" and similar. */
    public boolean followedByUnit(int i) {
        return is(i + 1, Lexicon.UNIT_AFTER);
    }

    /** Reports tokens [from, to) as one entity. */
    public void report(EntityType type, int from, int to, double score, String recognizer, String reason) {
        NormalizedText.Token first = text.token(from);
        NormalizedText.Token last = text.token(to - 1);
        reportChars(type, first.start(), last.end(), score, recognizer, reason);
    }

    /** Reports normalised characters [start, end) as one entity. */
    public void reportChars(EntityType type, int start, int end, double score, String recognizer, String reason) {
        String canonical = text.text().substring(start, end);
        sink.add(new DetectedEntity(type, text.originalStart(start), text.originalEnd(end), score, recognizer, reason,
                canonical));
    }
}
