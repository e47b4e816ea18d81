package io.vigil.redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns phone-call ASR text into its written form while remembering where every character came from.
 *
 * <p>What it rewrites, and why each matters to recognition:
 * <ul>
 *   <li>number words, including "double"/"triple", "oh" for zero, teens and tens ("forty four ninety two" is 4492),
 *       hundreds and thousands ("two hundred" is 200, "nineteen eighty five" is 1985). Adjacent numbers are glued into
 *       one digit run because callers group digits arbitrarily;</li>
 *   <li>fillers ("uh", "um") inside a run are skipped so they do not split it;</li>
 *   <li>self-corrections ("four one one one uh sorry four one one one ...") drop the abandoned digits from the written
 *       form but extend the corrected value's span back over them, so both get redacted;</li>
 *   <li>letters spelled one by one, also "b as in boy", are joined ("s m i t h" is "smith"); letters next to digits
 *       join the digit run ("c one two three" is "c123");</li>
 *   <li>"dash", "slash", "dot", "underscore" glue their neighbours; "at" becomes "@" only when an e-mail domain
 *       ("... dot com") follows, because "at" is otherwise an ordinary word;</li>
 *   <li>ordinals next to a month ("march third", "the fifth of june") become "3rd", "5th".</li>
 * </ul>
 * Instances are immutable and thread-safe.
 */
public final class SpokenFormNormalizer {

    static final Map<String, Integer> UNITS = Map.of("zero", 0, "one", 1, "two", 2, "three", 3, "four", 4,
            "five", 5, "six", 6, "seven", 7, "eight", 8, "nine", 9);
    static final Map<String, Integer> TEENS = Map.of("ten", 10, "eleven", 11, "twelve", 12, "thirteen", 13,
            "fourteen", 14, "fifteen", 15, "sixteen", 16, "seventeen", 17, "eighteen", 18, "nineteen", 19);
    static final Map<String, Integer> TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40, "fourty", 40,
            "fifty", 50, "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);
    static final Map<String, Integer> ORDINALS = Map.ofEntries(Map.entry("first", 1), Map.entry("second", 2),
            Map.entry("third", 3), Map.entry("fourth", 4), Map.entry("fifth", 5), Map.entry("sixth", 6),
            Map.entry("seventh", 7), Map.entry("eighth", 8), Map.entry("ninth", 9), Map.entry("tenth", 10),
            Map.entry("eleventh", 11), Map.entry("twelfth", 12), Map.entry("thirteenth", 13),
            Map.entry("fourteenth", 14), Map.entry("fifteenth", 15), Map.entry("sixteenth", 16),
            Map.entry("seventeenth", 17), Map.entry("eighteenth", 18), Map.entry("nineteenth", 19),
            Map.entry("twentieth", 20), Map.entry("thirtieth", 30));
    static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("january", 1), Map.entry("february", 2),
            Map.entry("march", 3), Map.entry("april", 4), Map.entry("may", 5), Map.entry("june", 6),
            Map.entry("july", 7), Map.entry("august", 8), Map.entry("september", 9), Map.entry("october", 10),
            Map.entry("november", 11), Map.entry("december", 12), Map.entry("jan", 1), Map.entry("feb", 2),
            Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("oct", 10), Map.entry("nov", 11),
            Map.entry("dec", 12));
    static final Set<String> FILLERS = Set.copyOf(java.util.List.of("uh", "um", "uhm", "umm", "er", "erm", "ah", "hmm", "mm", "uhh",
            "ehm", "eh"));
    static final Set<String> CORRECTION_FIRST = Set.copyOf(java.util.List.of("sorry", "wait", "actually", "correction", "no", "i",
            "scratch", "let", "oops", "hold", "i'm", "that's", "nope"));
    static final Set<String> CORRECTION_VOCAB = Set.copyOf(java.util.List.of("sorry", "wait", "actually", "correction", "no", "i",
            "mean", "scratch", "that", "let", "me", "start", "again", "over", "oops", "my", "bad", "hold", "on",
            "i'm", "that's", "wrong", "not", "right", "repeat", "nope", "it's", "its", "the", "from", "top"));
    static final Set<String> CORRECTION_STRONG = Set.copyOf(java.util.List.of("sorry", "wait", "mean", "actually", "correction",
            "scratch", "oops", "no", "wrong", "again", "over", "nope", "repeat"));
    static final Map<String, String> CONNECTORS = Map.of("dash", "-", "hyphen", "-", "slash", "/", "dot", ".",
            "underscore", "_");
    /** Words that never sit on either side of a spoken connector; stops "the dash cam" becoming "the-cam". */
    static final Set<String> CONNECTOR_STOP = Set.copyOf(java.util.List.of("and", "or", "the", "is", "a", "i", "so", "but", "then",
            "that", "it", "my", "to", "of", "in", "on", "was", "it's", "your", "this"));
    static final Set<String> TLDS = Set.copyOf(java.util.List.of("com", "net", "org", "edu", "gov", "io", "co", "us", "uk", "ca",
            "info", "biz", "me", "de", "fr", "au", "mil", "ai", "app", "dev"));
    /** After "nine oh", these mean "oh" is an exclamation, not a zero. */
    static final Set<String> OH_BREAKERS = Set.of("wait", "sorry", "no", "god", "yes", "man", "dear", "boy",
            "really", "wow", "my", "i", "well", "nice");
    /** Words that typically follow a spelled code; an "a" before them is still a letter ("... 1 a a yeah"). */
    static final Set<String> CODE_CLOSERS = Set.of("yeah", "yes", "okay", "ok", "thanks", "thank", "got",
            "is", "that's", "and", "right", "please", "correct", "sorry");
    /** Words that follow the pronoun "i"; an "i" before them is not a spelled letter. */
    static final Set<String> PRONOUN_FOLLOWERS = Set.of("think", "guess", "mean", "have", "had", "was", "am",
            "need", "want", "said", "will", "can", "just", "don't", "didn't", "believe", "hope", "know", "got",
            "would", "should", "could", "did", "do", "see", "called", "live", "wanted", "forgot", "remember", "only");
    private static final Set<String> NUMBER_SUFFIXES = Set.of("st", "nd", "rd", "th", "s", "am", "pm", "k", "m");
    /** Spelled abbreviations that name what follows ("d o b 0 3 ..."); a digit after them starts a new token. */
    private static final Set<String> SPELLED_CUES = Set.of("dob", "ssn", "cvv", "cvc", "pin", "dl", "mrn", "iban",
            "id", "zip", "acct", "dob:", "po");

    /** One whitespace-separated word of the original, lower-cased, with edge punctuation removed. */
    record Word(int start, int end, String text) {
    }

    /**
     * The words of one utterance as parallel arrays, each with its {@link Lexicon} entry (null for a word no part of the
     * engine knows). Known words share the lexicon's string, so splitting costs no allocation for them.
     */
    static final class Words {
        int size;
        int[] start;
        int[] end;
        String[] text;
        Lexicon.Entry[] entry;

        Words(int capacity) {
            start = new int[capacity];
            end = new int[capacity];
            text = new String[capacity];
            entry = new Lexicon.Entry[capacity];
        }

        Words clear() {
            size = 0;
            return this;
        }

        void add(int s, int e, String t, Lexicon.Entry known) {
            if (size == start.length) {
                int n = size * 2 + 4;
                start = java.util.Arrays.copyOf(start, n);
                end = java.util.Arrays.copyOf(end, n);
                text = java.util.Arrays.copyOf(text, n);
                entry = java.util.Arrays.copyOf(entry, n);
            }
            start[size] = s;
            end[size] = e;
            text[size] = t;
            entry[size] = known;
            size++;
        }
    }

    public NormalizedText normalize(String original) {
        if (original.length() > SCRATCH_LIMIT) {
            Words words = split(original, new Words(original.length() / 4 + 4));
            return new Walker(words, new NormalizedText.Builder(original, words.size)).run();
        }
        Scratch scratch = SCRATCH.get();
        Words words = split(original, scratch.words.clear());
        return new Walker(words, scratch.builder.reset(original)).run();
    }

    /** Longest utterance whose working arrays are kept per thread; longer ones get fresh arrays, freed after use. */
    private static final int SCRATCH_LIMIT = 4096;
    /** Working arrays reused by one thread from call to call; saves allocating and zeroing them per utterance. */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static final class Scratch {
        final Words words = new Words(64);
        final NormalizedText.Builder builder = new NormalizedText.Builder("", 64);
    }

    /** The words of {@code s} as records; for callers outside the hot path. */
    static List<Word> lex(String s) {
        Words words = split(s);
        List<Word> list = new ArrayList<>(words.size);
        for (int k = 0; k < words.size; k++) {
            list.add(new Word(words.start[k], words.end[k], words.text[k]));
        }
        return list;
    }

    static Words split(String s) {
        return split(s, new Words(s.length() / 4 + 4));
    }

    /** Appends the words of {@code s} to {@code words}. */
    static Words split(String s, Words words) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            while (i < n && isWhitespace(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isWhitespace(s.charAt(i))) {
                i++;
            }
            int end = i;
            while (start < end && isEdgePunctuation(s.charAt(start))) {
                start++;
            }
            while (end > start && isEdgePunctuation(s.charAt(end - 1))) {
                end--;
            }
            if (start < end) {
                addWord(words, s, start, end);
            }
        }
        return words;
    }

    private static void addWord(Words words, String s, int start, int end) {
        Lexicon.Entry known = Lexicon.lookupAscii(s, start, end);
        if (known != null && known.word.indexOf('-') < 0) {
            words.add(start, end, known.word, known);
            return;
        }
        // An ASCII word the lexicon does not know stays unknown after lower-casing, unless rewritten below.
        boolean unknown = known == null && Lexicon.isAscii(s, start, end);
        String text = s.substring(start, end).toLowerCase(java.util.Locale.ROOT);
        if (text.equals("a.m") || text.equals("p.m")) {
            text = text.charAt(0) + "m";
            unknown = false;
        }
        int dash = text.indexOf('-');
        if (dash > 0 && isSpokenNumberWord(text.substring(0, dash))) {
            // ASR writes "forty-four"; the parts are separate number words.
            int partStart = start;
            for (String part : text.split("-")) {
                if (!part.isEmpty()) {
                    words.add(partStart, partStart + part.length(), part, Lexicon.lookup(part));
                }
                partStart += part.length() + 1;
            }
            return;
        }
        words.add(start, end, text, unknown ? null : Lexicon.lookup(text));
    }

    /** {@link Character#isWhitespace(char)} with the common ASCII cases answered inline. */
    private static boolean isWhitespace(char c) {
        if (c > ' ') {
            return c >= 0x80 && Character.isWhitespace(c);
        }
        return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
    }

    private static boolean isEdgePunctuation(char c) {
        return c == ',' || c == '.' || c == '?' || c == '!' || c == ';' || c == ':' || c == '"' || c == '('
                || c == ')' || c == '[' || c == ']' || c == '{' || c == '}' || c == '<' || c == '>' || c == '\''
                || c == '`' || c == '…';
    }

    private static boolean isSpokenNumberWord(String t) {
        return UNITS.containsKey(t) || TEENS.containsKey(t) || TENS.containsKey(t) || ORDINALS.containsKey(t);
    }

    static boolean isWrittenNumber(String t) {
        int n = t.length();
        if (n == 0) {
            return false;
        }
        char first = t.charAt(0);
        if (!(first >= '0' && first <= '9') && !(first == '+' && n > 1 && Character.isDigit(t.charAt(1)))) {
            return false;
        }
        if (!Character.isDigit(t.charAt(n - 1))) {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = t.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '-' && c != '/' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /** Written codes mixing letters and digits ("gb82", "4b", "a1234567"), but not ordinals like "4th". */
    static boolean isWrittenCode(String t) {
        boolean digit = false;
        boolean letter = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c >= 'a' && c <= 'z') {
                letter = true;
            } else {
                return false;
            }
        }
        if (!digit || !letter) {
            return false;
        }
        // Ordinals, plurals and times ("4th", "90s", "3pm", "5k") are words, not codes: digits then a known suffix.
        int firstLetter = 0;
        while (Character.isDigit(t.charAt(firstLetter))) {
            firstLetter++;
        }
        return firstLetter == 0 || !NUMBER_SUFFIXES.contains(t.substring(firstLetter));
    }

    /** The per-call state of one normalisation; never shared between threads. */
    private static final class Walker {
        private final Words w;
        private final int n;
        private final NormalizedText.Builder b;
        private int i;
        /** The last token is a run of digits/letters that further digits or letters extend. */
        private boolean inRun;
        private boolean runHasLetters;
        private boolean runHasDigits;
        /** A connector was just glued on; the next token joins the last one. */
        private boolean glue;

        Walker(Words words, NormalizedText.Builder builder) {
            this.w = words;
            this.n = words.size;
            this.b = builder;
        }

        NormalizedText run() {
            while (i < n) {
                step();
            }
            return b.build();
        }

        private String text(int k) {
            return k >= 0 && k < n ? w.text[k] : "";
        }

        /** Lexicon role bits of word k; 0 outside the utterance, like the "" that {@link #text} gives there. */
        private long flags(int k) {
            if (k < 0 || k >= n) {
                return 0;
            }
            Lexicon.Entry e = w.entry[k];
            return e == null ? 0 : e.flags;
        }

        private boolean is(int k, long role) {
            return (flags(k) & role) != 0;
        }

        private int nextNonFiller(int k) {
            while (k < n && is(k, Lexicon.FILLER)) {
                k++;
            }
            return k;
        }

        private void step() {
            String t = w.text[i];
            long f = flags(i);
            int curStart = w.start[i];
            int curEnd = w.end[i];
            if ((f & Lexicon.FILLER) != 0) {
                i++;
                return;
            }
            if (inRun && (f & Lexicon.CORRECTION_FIRST) != 0) {
                int after = correctionEnd(i);
                if (after > 0 && isAtomStart(after)) {
                    b.dropLastTokenKeepingOrigin();
                    inRun = false;
                    glue = false;
                    i = after;
                    return;
                }
            }
            if ((f & Lexicon.CONNECTOR) != 0 && connectorApplies(i)) {
                b.extendToken(w.entry[i].connector, curStart, curEnd);
                glue = true;
                i++;
                return;
            }
            int domainEnd = t.equals("at") ? emailDomainEnd(i) : -1;
            if (domainEnd > 0) {
                b.extendToken("@", curStart, curEnd);
                i++;
                // Domain words up to the first "dot" belong together ("acme corp dot com" is acme-corp's domain).
                while (i < domainEnd) {
                    b.extendToken(text(i), w.start[i], w.end[i]);
                    i++;
                }
                glue = false;
                inRun = false;
                return;
            }
            if (t.equals("plus") && isNumberStart(nextNonFiller(i + 1))) {
                b.newToken("+", curStart, curEnd);
                inRun = true;
                runHasDigits = true;
                runHasLetters = false;
                glue = false;
                i++;
                return;
            }
            if ((t.equals("p") || t.equals("a")) && text(i + 1).equals("m") && inRun && runHasDigits
                    && !runHasLetters) {
                // "three thirty p m": a time suffix, not letters of a code.
                emitWord(t + "m", NormalizedText.Builder.UNRESOLVED, curStart, w.end[i + 1]);
                i += 2;
                return;
            }
            if (isNumberStart(i)) {
                StringBuilder sb = new StringBuilder(8);
                boolean[] ordinal = new boolean[1];
                int next = parseNumber(i, sb, ordinal);
                if (ordinal[0]) {
                    emitWord(sb.toString(), NormalizedText.Builder.UNRESOLVED, curStart, w.end[next - 1]);
                } else {
                    emitAtom(sb, curStart, w.end[next - 1], false);
                }
                i = next;
                return;
            }
            if (w.entry[i] == null || (f & Lexicon.WRITTEN_NUMBER_OR_CODE) != 0) {
                // Known words were classified once, when the lexicon was built.
                if (isWrittenNumber(t)) {
                    emitAtom(t, curStart, curEnd, false);
                    i++;
                    return;
                }
                if (isWrittenCode(t)) {
                    emitAtom(t, curStart, curEnd, true);
                    i++;
                    return;
                }
            }
            if (isLetterAtom(i)) {
                int end = curEnd;
                int next = i + 1;
                if (text(i + 1).equals("as") && text(i + 2).equals("in") && i + 3 < n) {
                    end = w.end[i + 3];
                    next = i + 4;
                }
                emitAtom(t, curStart, end, true);
                i = next;
                return;
            }
            if ((f & Lexicon.ORDINAL) != 0 && ordinalIsDate(i)) {
                int ordinal = w.entry[i].ordinal;
                emitWord(ordinal + suffix(ordinal), NormalizedText.Builder.UNRESOLVED, curStart, curEnd);
                i++;
                return;
            }
            emitWord(t, w.entry[i], curStart, curEnd);
            i++;
        }

        private void emitAtom(CharSequence s, int oStart, int oEnd, boolean letters) {
            if (inRun && !letters && !runHasDigits && SPELLED_CUES.contains(b.lastToken())) {
                inRun = false;
            }
            if (inRun || glue) {
                b.extendToken(s, oStart, oEnd);
            } else {
                b.newToken(s, oStart, oEnd);
                runHasLetters = false;
                runHasDigits = false;
                if (letters) {
                    b.markLastSpelled();
                }
            }
            runHasLetters |= letters;
            runHasDigits |= !letters;
            inRun = true;
            glue = false;
        }

        /** Emits a word; {@code known} is its lexicon entry when already looked up, else {@code UNRESOLVED}. */
        private void emitWord(String s, Lexicon.Entry known, int oStart, int oEnd) {
            if (glue) {
                b.extendToken(s, oStart, oEnd);
            } else {
                b.newWord(s, known, oStart, oEnd);
            }
            inRun = false;
            glue = false;
        }

        /** End (exclusive) of a correction phrase starting at k, or -1 when the words there are not one. */
        private int correctionEnd(int k) {
            int j = k;
            boolean strong = false;
            while (j < n && j - k < 8) {
                long f = flags(j);
                if ((f & Lexicon.CORRECTION_VOCAB) != 0) {
                    strong |= (f & Lexicon.CORRECTION_STRONG) != 0;
                } else if ((f & Lexicon.FILLER) == 0) {
                    break;
                }
                j++;
            }
            return strong ? j : -1;
        }

        private boolean isAtomStart(int k) {
            if (k >= n) {
                return false;
            }
            String t = text(k);
            return isNumberStart(k) || isWrittenNumber(t) || isWrittenCode(t)
                    || (t.length() == 1 && t.charAt(0) >= 'a' && t.charAt(0) <= 'z' && !t.equals("i")
                    && !t.equals("a"));
        }

        private boolean connectorApplies(int k) {
            if (b.isEmpty() || is(k - 1, Lexicon.CONNECTOR_STOP | Lexicon.FILLER)) {
                return false;
            }
            int next = k + 1;
            if (next >= n) {
                return false;
            }
            return !is(next, Lexicon.CONNECTOR_STOP | Lexicon.FILLER | Lexicon.CONNECTOR);
        }

        /**
         * "at" is an e-mail "@" only when a domain follows: one to three words, "dot", a top-level domain. Returns the
         * index of the word after the domain name (the "dot"), or -1 when this "at" is an ordinary word.
         */
        private int emailDomainEnd(int k) {
            String next = text(k + 1);
            if (b.isEmpty() || is(k - 1, Lexicon.CONNECTOR_STOP) || is(k + 1, Lexicon.CONNECTOR_STOP)) {
                return -1;
            }
            if (next.indexOf('.') > 0 && TLDS.contains(next.substring(next.lastIndexOf('.') + 1))) {
                return k + 2;
            }
            for (int j = k + 2; j <= k + 4 && j + 1 < n; j++) {
                String t = text(j);
                if (t.equals("dot")) {
                    return is(j + 1, Lexicon.TLD) ? j : -1;
                }
                if (t.equals("at") || is(j, Lexicon.CONNECTOR_STOP | Lexicon.FILLER)) {
                    return -1;
                }
            }
            return -1;
        }

        private boolean isNumberStart(int k) {
            if (k >= n) {
                return false;
            }
            if (is(k, Lexicon.NUMBER_WORD)) {
                return true;
            }
            String t = text(k);
            if (t.equals("double") || t.equals("triple")) {
                return digitValue(k + 1) >= 0;
            }
            if (t.equals("oh") || t.equals("o")) {
                return isNumericOh(k);
            }
            return false;
        }

        private boolean isNumericOh(int k) {
            int next = nextNonFiller(k + 1);
            String nt = text(next);
            long nf = flags(next);
            boolean letterO = text(k).equals("o");
            if ((nf & Lexicon.NUMBER_WORD) != 0 || nt.equals("oh") || nt.equals("double") || nt.equals("triple")
                    || isWrittenNumber(nt)) {
                return !letterO || !runHasLetters || !inRun;
            }
            if (!inRun || (nf & Lexicon.OH_BREAKER) != 0) {
                return false;
            }
            if (letterO) {
                // "o" inside spelled letters ("j o h n") is the letter; after digits it is a zero.
                return runHasDigits && !runHasLetters;
            }
            // "oh" inside a code ("8 h n 3 m k oh h d") or before a connector ("s 8 1 oh dash 0 6") is a zero.
            return runHasDigits || (nf & Lexicon.CONNECTOR) != 0
                    || (nt.length() == 1 && Character.isLetter(nt.charAt(0)));
        }

        /** Value of the unit, teen or tens word at k, which the caller has checked is one. */
        private int number(int k) {
            return w.entry[k].number;
        }

        /** Value 0-9 of a single digit word at k ("oh" included), or -1. */
        private int digitValue(int k) {
            if (is(k, Lexicon.UNIT)) {
                return number(k);
            }
            String t = text(k);
            return t.equals("oh") || t.equals("o") ? 0 : -1;
        }

        private int parseNumber(int k, StringBuilder out, boolean[] ordinal) {
            String t = text(k);
            if (t.equals("double") || t.equals("triple")) {
                int d = digitValue(k + 1);
                for (int r = t.equals("double") ? 2 : 3; r > 0; r--) {
                    out.append(d);
                }
                return k + 2;
            }
            int value;
            if (t.equals("oh") || t.equals("o")) {
                out.append('0');
                return k + 1;
            } else if (is(k, Lexicon.UNIT | Lexicon.TEEN)) {
                value = number(k);
            } else {
                value = number(k);
                if (is(k + 1, Lexicon.UNIT) && number(k + 1) > 0) {
                    value += number(k + 1);
                    k++;
                } else if (is(k + 1, Lexicon.ORDINAL) && w.entry[k + 1].ordinal < 10) {
                    int v = value + w.entry[k + 1].ordinal;
                    out.append(v).append(suffix(v));
                    ordinal[0] = true;
                    return k + 2;
                }
            }
            int j = k + 1;
            if (value < 20 && text(j).equals("hundred")) {
                int[] r = hundreds(value, j + 1);
                value = r[0];
                j = r[1];
            }
            if (text(j).equals("thousand")) {
                int[] r = thousands(value, j + 1);
                value = r[0];
                j = r[1];
            }
            out.append(value);
            return j;
        }

        /** {value, next index} for "N hundred [and] [tens units]" where N was already read. */
        private int[] hundreds(int n, int j) {
            int value = n * 100;
            boolean and = text(j).equals("and");
            int k = and ? j + 1 : j;
            if (!and && is(k, Lexicon.UNIT) && isNumberStart(k + 1)) {
                // "eight hundred five five five" is a toll-free prefix read digit by digit, not 805.
                return new int[] {value, j};
            }
            int[] rest = belowHundred(k);
            return rest == null ? new int[] {value, j} : new int[] {value + rest[0], rest[1]};
        }

        private int[] thousands(int n, int j) {
            int value = n * 1000;
            int k = text(j).equals("and") ? j + 1 : j;
            if (is(k, Lexicon.UNIT) && number(k) > 0 && text(k + 1).equals("hundred")) {
                int[] h = hundreds(number(k), k + 2);
                return new int[] {value + h[0], h[1]};
            }
            int[] rest = belowHundred(k);
            return rest == null ? new int[] {value, j} : new int[] {value + rest[0], rest[1]};
        }

        private int[] belowHundred(int k) {
            if (is(k, Lexicon.TENS)) {
                int v = number(k);
                return is(k + 1, Lexicon.UNIT) && number(k + 1) > 0 ? new int[] {v + number(k + 1), k + 2}
                        : new int[] {v, k + 1};
            }
            if (is(k, Lexicon.TEEN)) {
                return new int[] {number(k), k + 1};
            }
            return is(k, Lexicon.UNIT) && number(k) > 0 ? new int[] {number(k), k + 1} : null;
        }

        private boolean isLetterAtom(int k) {
            String t = text(k);
            if (t.length() != 1) {
                return false;
            }
            char c = t.charAt(0);
            if (c < 'a' || c > 'z') {
                return false;
            }
            if (text(k + 1).equals("as") && text(k + 2).equals("in")) {
                return true;
            }
            if (c == 'a' || c == 'i') {
                String next = text(k + 1);
                boolean nextIsLetter = next.length() == 1 && Character.isLetter(next.charAt(0))
                        && !next.equals("a") && !next.equals("i");
                // "a"/"i" are words far more often than letters, so they only count as letters inside spelling:
                // always in letters-only runs ("g a r c i a"), in codes only when no clause follows ("... 0 6 i think").
                if (nextIsLetter) {
                    return true;
                }
                if (!inRun || !runHasLetters) {
                    return false;
                }
                if (!runHasDigits || isAtomStart(k + 1) || next.equals("a") || next.equals("i") || next.isEmpty()) {
                    return true;
                }
                return c == 'a' ? is(k + 1, Lexicon.CODE_CLOSER) : !is(k + 1, Lexicon.PRONOUN_FOLLOWER);
            }
            return true;
        }

        private boolean ordinalIsDate(int k) {
            if (is(k - 1, Lexicon.MONTH)) {
                return true;
            }
            if (text(k - 1).equals("the") && is(k - 2, Lexicon.MONTH)) {
                return true;
            }
            return text(k + 1).equals("of") && is(k + 2, Lexicon.MONTH);
        }

        private static String suffix(int n) {
            int mod100 = n % 100;
            if (mod100 >= 11 && mod100 <= 13) {
                return "th";
            }
            return switch (n % 10) {
                case 1 -> "st";
                case 2 -> "nd";
                case 3 -> "rd";
                default -> "th";
            };
        }
    }
}
