package io.vigil.redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Redacts an utterance that arrives as a sequence of partial ASR results, emitting redacted text as soon as it is safe.
 *
 * <p>Each {@link #accept(String)} appends the new words of a partial. The engine runs over the whole utterance so far
 * (so a cue in an earlier partial still applies), but the trailing run of "number-ish" words (digits, number words,
 * spelled letters, fillers, "dash", "sorry") and the last word are held back: a card number split as "four one one
 * one" | "one one one one ..." is only judged once the next partial or {@link #finish()} shows where it ends. A cue
 * that arrives after the digits ("... that's my social") is also honoured because the digits are still held.
 *
 * <p>Offsets in emitted entities refer to {@link #text()}, the partials joined with a single space where neither side
 * had whitespace. Not thread-safe: one instance per live utterance stream.
 */
public final class StreamingRedactor {

    /** Redacted text that became final with one call, and the entities inside it. */
    public record Emission(String redactedText, List<DetectedEntity> entities) {
        public Emission {
            entities = List.copyOf(entities);
        }
    }

    /** Longest held-back tail, in words; bounds latency if someone reads out a very long number. */
    private static final int MAX_HELD_WORDS = 48;
    private static final Set<String> NUMBERISH = Set.copyOf(List.of("zero", "oh", "o", "one", "two", "three", "four",
            "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
            "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
            "eighty", "ninety", "hundred", "thousand", "double", "triple", "and", "dash", "hyphen", "slash", "dot",
            "at", "plus", "underscore", "uh", "um", "er", "erm", "ah", "hmm", "sorry", "wait", "no", "i", "mean",
            "actually", "as", "in"));

    private final RedactionEngine engine;
    private final StringBuilder buffer = new StringBuilder();
    private int emitted;

    public StreamingRedactor(RedactionEngine engine) {
        this.engine = engine;
    }

    /** The utterance text received so far (since the last {@link #finish()}). */
    public String text() {
        return buffer.toString();
    }

    /** Appends a partial result and returns whatever has become safe to release. */
    public Emission accept(String partial) {
        if (!partial.isEmpty()) {
            if (buffer.length() > 0 && !Character.isWhitespace(buffer.charAt(buffer.length() - 1))
                    && !Character.isWhitespace(partial.charAt(0))) {
                buffer.append(' ');
            }
            buffer.append(partial);
        }
        String text = buffer.toString();
        return emitUpTo(text, holdBoundary(text));
    }

    /** The utterance is final: releases everything held back and starts a new utterance. */
    public Emission finish() {
        String text = buffer.toString();
        Emission e = emitUpTo(text, text.length());
        buffer.setLength(0);
        emitted = 0;
        return e;
    }

    private Emission emitUpTo(String text, int boundary) {
        if (boundary <= emitted) {
            return new Emission("", List.of());
        }
        List<DetectedEntity> all = engine.detect(text);
        for (DetectedEntity e : all) {
            if (e.start() < boundary && e.end() > boundary) {
                boundary = e.start();
            }
        }
        if (boundary <= emitted) {
            return new Emission("", List.of());
        }
        List<DetectedEntity> released = new ArrayList<>();
        for (DetectedEntity e : all) {
            if (e.start() >= emitted && e.end() <= boundary) {
                released.add(e);
            }
        }
        String out = engine.render(text, emitted, boundary, released);
        emitted = boundary;
        return new Emission(out, released);
    }

    /** Start of the tail that must wait: the last word, and when it is number-ish the number-ish run it ends. */
    static int holdBoundary(String text) {
        List<SpokenFormNormalizer.Word> words = SpokenFormNormalizer.lex(text);
        if (words.isEmpty()) {
            return text.length();
        }
        int k = words.size() - 1;
        int boundary = words.get(k).start();
        if (!isNumberish(words.get(k).text())) {
            // The last word may still grow ("fif" -> "fifty", "john" -> "john smith"), but a number before it ended.
            return boundary;
        }
        int held = 1;
        while (--k >= 0 && held < MAX_HELD_WORDS && isNumberish(words.get(k).text())) {
            boundary = words.get(k).start();
            held++;
        }
        return boundary;
    }

    private static boolean isNumberish(String w) {
        if (NUMBERISH.contains(w) || w.length() == 1) {
            return true;
        }
        for (int i = 0; i < w.length(); i++) {
            if (Character.isDigit(w.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
