package io.vigil.redaction;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every word some part of the engine treats specially, with all its roles in one {@link Entry}: a word is looked up
 * once when the utterance is split into words, and every later question ("is it a filler?", "a unit word?", "a
 * street type?") is a bit test instead of another hash look-up. The word sets themselves stay with the classes that
 * own their meaning; this class only indexes them.
 *
 * <p>Look-ups work on a range of the original text with ASCII lower-casing, so a known word costs no substring; the
 * entry's {@link Entry#word} is then the shared canonical string (its hash code is already cached for the name
 * gazetteer). Text with non-ASCII characters is looked up by the exact {@code toLowerCase(Locale.ROOT)} string.
 */
final class Lexicon {

    // Normaliser roles.
    static final long UNIT = 1L;
    static final long TEEN = 1L << 1;
    static final long TENS = 1L << 2;
    static final long ORDINAL = 1L << 3;
    static final long MONTH = 1L << 4;
    static final long FILLER = 1L << 5;
    static final long CORRECTION_FIRST = 1L << 6;
    static final long CORRECTION_VOCAB = 1L << 7;
    static final long CORRECTION_STRONG = 1L << 8;
    static final long CONNECTOR = 1L << 9;
    static final long CONNECTOR_STOP = 1L << 10;
    static final long TLD = 1L << 11;
    static final long OH_BREAKER = 1L << 12;
    static final long CODE_CLOSER = 1L << 13;
    static final long PRONOUN_FOLLOWER = 1L << 14;
    /** The word is itself a written number or code ("3", "cvv2"); see {@link SpokenFormNormalizer#isWrittenNumber}. */
    static final long WRITTEN_NUMBER_OR_CODE = 1L << 15;
    // Context roles.
    static final long UNIT_AFTER = 1L << 20;
    static final long IMMEDIATE_NEGATIVE = 1L << 21;
    static final long CUE_START = 1L << 22;
    // Recogniser roles.
    static final long STREET_TYPE = 1L << 30;
    static final long STATE = 1L << 31;
    static final long NAME_STOP = 1L << 32;
    static final long STRONG_TRIGGER_END = 1L << 33;
    static final long WEAK_TRIGGER_END = 1L << 34;

    /** Words spoken as one number word: units, teens, tens ("forty"). */
    static final long NUMBER_WORD = UNIT | TEEN | TENS;

    /** A known word: its roles and the values that go with them (-1 when the role does not apply). */
    static final class Entry {
        final String word;
        long flags;
        /** Value of a unit, teen or tens word. */
        int number = -1;
        int ordinal = -1;
        int month = -1;
        /** What "dash", "slash", "dot" ... stand for. */
        String connector;
        /** Cue phrases starting with this word; null unless {@link #CUE_START}. */
        List<ContextCues.Phrase> cuePhrases;
        /** {@link NormalizedText.Kind} of a token with this text. */
        NormalizedText.Kind kind;

        Entry(String word) {
            this.word = word;
        }
    }

    private static final Map<String, Entry> BY_WORD = new HashMap<>();
    private static final Entry[] TABLE;
    private static final int MASK;

    static {
        for (Map.Entry<String, Integer> e : SpokenFormNormalizer.UNITS.entrySet()) {
            entry(e.getKey(), UNIT).number = e.getValue();
        }
        for (Map.Entry<String, Integer> e : SpokenFormNormalizer.TEENS.entrySet()) {
            entry(e.getKey(), TEEN).number = e.getValue();
        }
        for (Map.Entry<String, Integer> e : SpokenFormNormalizer.TENS.entrySet()) {
            entry(e.getKey(), TENS).number = e.getValue();
        }
        for (Map.Entry<String, Integer> e : SpokenFormNormalizer.ORDINALS.entrySet()) {
            entry(e.getKey(), ORDINAL).ordinal = e.getValue();
        }
        for (Map.Entry<String, Integer> e : SpokenFormNormalizer.MONTHS.entrySet()) {
            entry(e.getKey(), MONTH).month = e.getValue();
        }
        for (Map.Entry<String, String> e : SpokenFormNormalizer.CONNECTORS.entrySet()) {
            entry(e.getKey(), CONNECTOR).connector = e.getValue();
        }
        all(SpokenFormNormalizer.FILLERS, FILLER);
        all(SpokenFormNormalizer.CORRECTION_FIRST, CORRECTION_FIRST);
        all(SpokenFormNormalizer.CORRECTION_VOCAB, CORRECTION_VOCAB);
        all(SpokenFormNormalizer.CORRECTION_STRONG, CORRECTION_STRONG);
        all(SpokenFormNormalizer.CONNECTOR_STOP, CONNECTOR_STOP);
        all(SpokenFormNormalizer.TLDS, TLD);
        all(SpokenFormNormalizer.OH_BREAKERS, OH_BREAKER);
        all(SpokenFormNormalizer.CODE_CLOSERS, CODE_CLOSER);
        all(SpokenFormNormalizer.PRONOUN_FOLLOWERS, PRONOUN_FOLLOWER);
        all(ContextCues.UNITS_AFTER, UNIT_AFTER);
        all(ContextCues.IMMEDIATE_NEGATIVE, IMMEDIATE_NEGATIVE);
        all(ContextCues.firstWords(), CUE_START);
        all(AddressRecognizer.STREET_TYPE_WORDS, STREET_TYPE);
        all(AddressRecognizer.STATES, STATE);
        all(PersonNameRecognizer.STOP, NAME_STOP);
        for (String[] phrase : PersonNameRecognizer.STRONG) {
            entry(phrase[phrase.length - 1], STRONG_TRIGGER_END);
        }
        for (String[] phrase : PersonNameRecognizer.WEAK) {
            entry(phrase[phrase.length - 1], WEAK_TRIGGER_END);
        }
        for (Entry e : BY_WORD.values()) {
            if (!isAscii(e.word, 0, e.word.length()) || !e.word.equals(e.word.toLowerCase(Locale.ROOT))) {
                // lookupAscii relies on this: normalised text is lower case, so only lower-case ASCII can match.
                throw new IllegalStateException("lexicon word must be lower-case ASCII: " + e.word);
            }
            e.kind = NormalizedText.Builder.classify(e.word);
            e.cuePhrases = ContextCues.phrasesStartingWith(e.word);
            if (SpokenFormNormalizer.isWrittenNumber(e.word) || SpokenFormNormalizer.isWrittenCode(e.word)) {
                e.flags |= WRITTEN_NUMBER_OR_CODE;
            }
        }
        int size = Integer.highestOneBit(BY_WORD.size() * 4 - 1) << 1;
        TABLE = new Entry[size];
        MASK = size - 1;
        for (Entry e : BY_WORD.values()) {
            int slot = hash(e.word, 0, e.word.length()) & MASK;
            while (TABLE[slot] != null) {
                slot = (slot + 1) & MASK;
            }
            TABLE[slot] = e;
        }
    }

    private Lexicon() {
    }

    private static Entry entry(String word, long flag) {
        Entry e = BY_WORD.computeIfAbsent(word, Entry::new);
        e.flags |= flag;
        return e;
    }

    private static void all(Set<String> words, long flag) {
        for (String w : words) {
            entry(w, flag);
        }
    }

    /** The entry for an already lower-cased word, or null when no part of the engine knows it. */
    static Entry lookup(String word) {
        return BY_WORD.get(word);
    }

    /** Role bits of a word (0 when unknown). */
    static long flags(String word) {
        Entry e = BY_WORD.get(word);
        return e == null ? 0 : e.flags;
    }

    /**
     * The entry for {@code s[from, to)} lower-cased, or null when unknown. Returns null without deciding when the range
     * has a non-ASCII character; callers then look the {@code toLowerCase(Locale.ROOT)} string up instead, because
     * lower-casing such text can change its length or produce ASCII letters (the Kelvin sign becomes "k").
     */
    static Entry lookupAscii(String s, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            h = 31 * h + lower(c);
        }
        for (int slot = mix(h) & MASK; ; slot = (slot + 1) & MASK) {
            Entry e = TABLE[slot];
            if (e == null) {
                return null;
            }
            if (sameWord(e.word, s, from, to)) {
                return e;
            }
        }
    }

    /** True when every character of {@code s[from, to)} is ASCII. */
    static boolean isAscii(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameWord(String word, String s, int from, int to) {
        if (word.length() != to - from) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) != lower(s.charAt(from + i))) {
                return false;
            }
        }
        return true;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    private static int hash(String s, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + lower(s.charAt(i));
        }
        return mix(h);
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        return h ^ (h >>> 13);
    }
}
