package io.vigil.redaction;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The canonical, written form of a transcript ("four one one one" becomes "4111") together with a map from every
 * normalised character back to the original characters it came from.
 *
 * <p>Tokens are separated by exactly one space. A token produced from several spoken words (a digit run, a spelled
 * name, an e-mail address) maps each of its characters to the whole source word, so any normalised span maps back to
 * a span of whole original words via {@link #originalStart(int)} and {@link #originalEnd(int)}.
 */
public final class NormalizedText {

    /** What a token is made of; recognisers use this to skip tokens cheaply. */
    public enum Kind {
        /** An ordinary word, kept as spoken (lower case). */
        WORD,
        /** Digits, possibly with the separators - / . + that were spoken or written between them. */
        NUMBER,
        /** Letters and digits run together, e.g. a spelled passport or IBAN. */
        ALNUM,
        /** Letters spelled one by one and joined, e.g. "s m i t h". */
        SPELLED
    }

    /** One normalised token; {@code start}/{@code end} index the normalised text. */
    public record Token(int start, int end, Kind kind, String text) {

        public boolean isNumber() {
            return kind == Kind.NUMBER;
        }

        /** The digits only, without separators. */
        public String digits() {
            StringBuilder sb = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= '0' && c <= '9') {
                    sb.append(c);
                }
            }
            return sb.toString();
        }

        /** Letters and digits only, lower case. */
        public String alphanumerics() {
            StringBuilder sb = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isLetterOrDigit(c)) {
                    sb.append(c);
                }
            }
            return sb.toString();
        }
    }

    private final String original;
    private final String text;
    private final int[] origStart;
    private final int[] origEnd;
    private final Token[] tokenArray;
    private final List<Token> tokens;
    /** {@link Lexicon} entry of every token's text (null when unknown), so recognisers test roles without hashing. */
    private final Lexicon.Entry[] entries;

    private NormalizedText(String original, String text, int[] origStart, int[] origEnd, Token[] tokens,
                           Lexicon.Entry[] entries) {
        this.original = original;
        this.text = text;
        this.origStart = origStart;
        this.origEnd = origEnd;
        this.tokenArray = tokens;
        this.tokens = Collections.unmodifiableList(Arrays.asList(tokens));
        this.entries = entries;
    }

    public String original() {
        return original;
    }

    public String text() {
        return text;
    }

    public List<Token> tokens() {
        return tokens;
    }

    public Token token(int index) {
        return tokenArray[index];
    }

    public int size() {
        return tokenArray.length;
    }

    /** Lexicon role bits of token {@code index} (see {@link Lexicon}); 0 for a word the engine does not know. */
    long roles(int index) {
        Lexicon.Entry e = entries[index];
        return e == null ? 0 : e.flags;
    }

    /** Lexicon entry of token {@code index}, or null for a word the engine does not know. */
    Lexicon.Entry entry(int index) {
        return entries[index];
    }

    /** Original offset where the character at normalised offset {@code normalizedStart} begins. */
    public int originalStart(int normalizedStart) {
        return origStart[normalizedStart];
    }

    /** Original (exclusive) end offset of a normalised span ending (exclusive) at {@code normalizedEnd}. */
    public int originalEnd(int normalizedEnd) {
        return origEnd[normalizedEnd - 1];
    }

    /** Index of the token containing normalised offset {@code offset}, or -1 if it falls on a separator. */
    public int tokenAt(int offset) {
        int lo = 0;
        int hi = tokenArray.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Token t = tokenArray[mid];
            if (offset < t.start()) {
                hi = mid - 1;
            } else if (offset >= t.end()) {
                lo = mid + 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** Mutable builder used by the normaliser; appends tokens and remembers where each character came from. */
    static final class Builder {
        /** Marks a token whose lexicon entry is not known yet; {@link #build()} looks its text up. */
        static final Lexicon.Entry UNRESOLVED = new Lexicon.Entry("");

        private String original;
        private final StringBuilder text;
        private int[] starts;
        private int[] ends;
        private int count;
        private int[] tokenStart;
        private int[] tokenEnd;
        private boolean[] spelled;
        /** The token's text when it is exactly one word passed to {@link #newWord}; null once extended. */
        private String[] tokenWord;
        private Lexicon.Entry[] tokenEntry;
        /** Set by a self-correction: the next character appended takes this original start instead of its own. */
        private int pendingOriginStart = -1;

        Builder(String original, int expectedTokens) {
            this.original = original;
            this.text = new StringBuilder(original.length() + 16);
            this.starts = new int[original.length() + 16];
            this.ends = new int[original.length() + 16];
            int capacity = Math.max(4, expectedTokens);
            this.tokenStart = new int[capacity];
            this.tokenEnd = new int[capacity];
            this.spelled = new boolean[capacity];
            this.tokenWord = new String[capacity];
            this.tokenEntry = new Lexicon.Entry[capacity];
        }

        /**
         * Empties this builder for the next utterance, keeping its arrays; {@link #build()} copies what it hands out,
         * so a builder can be reused by one thread after the previous result was built.
         */
        Builder reset(String nextOriginal) {
            original = nextOriginal;
            text.setLength(0);
            count = 0;
            pendingOriginStart = -1;
            return this;
        }

        boolean isEmpty() {
            return count == 0;
        }

        /** Starts a new token. */
        void newToken(CharSequence s, int oStart, int oEnd) {
            addToken(s, null, UNRESOLVED, oStart, oEnd);
        }

        /** Starts a new token that is the word {@code s}; {@code known} is its lexicon entry or UNRESOLVED. */
        void newWord(String s, Lexicon.Entry known, int oStart, int oEnd) {
            addToken(s, s, known, oStart, oEnd);
        }

        private void addToken(CharSequence s, String word, Lexicon.Entry known, int oStart, int oEnd) {
            if (count > 0) {
                appendChar(' ', oStart, oStart);
            }
            int start = text.length();
            appendChars(s, oStart, oEnd);
            if (count == tokenStart.length) {
                int n = count * 2;
                tokenStart = Arrays.copyOf(tokenStart, n);
                tokenEnd = Arrays.copyOf(tokenEnd, n);
                spelled = Arrays.copyOf(spelled, n);
                tokenWord = Arrays.copyOf(tokenWord, n);
                tokenEntry = Arrays.copyOf(tokenEntry, n);
            }
            tokenStart[count] = start;
            tokenEnd[count] = text.length();
            spelled[count] = false;
            tokenWord[count] = word;
            tokenEntry[count] = known;
            count++;
        }

        /** Glues characters onto the last token (no separating space). */
        void extendToken(CharSequence s, int oStart, int oEnd) {
            if (count == 0) {
                newToken(s, oStart, oEnd);
                return;
            }
            appendChars(s, oStart, oEnd);
            tokenEnd[count - 1] = text.length();
            tokenWord[count - 1] = null;
            tokenEntry[count - 1] = UNRESOLVED;
        }

        /** Marks the last token as letters spelled one by one. */
        void markLastSpelled() {
            spelled[count - 1] = true;
        }

        /** Last token's text, or "" when there is none. */
        String lastToken() {
            if (count == 0) {
                return "";
            }
            return text.substring(tokenStart[count - 1], tokenEnd[count - 1]);
        }

        /**
         * Drops the last token (the abandoned part of a self-correction) and makes the next token start at the
         * dropped token's original start, so the corrected value's span also covers what was abandoned.
         */
        void dropLastTokenKeepingOrigin() {
            count--;
            int dropStart = starts[tokenStart[count]];
            int cut = count == 0 ? 0 : tokenStart[count] - 1;
            text.setLength(cut);
            pendingOriginStart = pendingOriginStart >= 0 ? Math.min(pendingOriginStart, dropStart) : dropStart;
        }

        private void appendChars(CharSequence s, int oStart, int oEnd) {
            int len = s.length();
            if (len == 0) {
                return;
            }
            if (pendingOriginStart >= 0) {
                for (int i = 0; i < len; i++) {
                    appendChar(s.charAt(i), oStart, oEnd);
                }
                return;
            }
            int n = text.length();
            if (n + len > starts.length) {
                int capacity = Math.max(n * 2 + 8, n + len);
                starts = Arrays.copyOf(starts, capacity);
                ends = Arrays.copyOf(ends, capacity);
            }
            text.append(s);
            for (int i = n; i < n + len; i++) {
                starts[i] = oStart;
                ends[i] = oEnd;
            }
        }

        private void appendChar(char c, int oStart, int oEnd) {
            int n = text.length();
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2 + 8);
                ends = Arrays.copyOf(ends, n * 2 + 8);
            }
            if (pendingOriginStart >= 0 && c != ' ') {
                oStart = Math.min(oStart, pendingOriginStart);
                pendingOriginStart = -1;
            }
            text.append(c);
            starts[n] = oStart;
            ends[n] = oEnd;
        }

        NormalizedText build() {
            String t = text.toString();
            Token[] list = new Token[count];
            Lexicon.Entry[] entries = new Lexicon.Entry[count];
            for (int k = 0; k < count; k++) {
                String s = tokenWord[k] != null ? tokenWord[k] : t.substring(tokenStart[k], tokenEnd[k]);
                Lexicon.Entry e = tokenEntry[k] == UNRESOLVED ? Lexicon.lookupAscii(t, tokenStart[k], tokenEnd[k])
                        : tokenEntry[k];
                entries[k] = e;
                Kind kind = e != null ? e.kind : classify(s);
                list[k] = new Token(tokenStart[k], tokenEnd[k], kind == Kind.WORD && spelled[k] ? Kind.SPELLED : kind,
                        s);
            }
            return new NormalizedText(original, t, Arrays.copyOf(starts, t.length()), Arrays.copyOf(ends, t.length()),
                    list, entries);
        }

        static Kind classify(String s) {
            boolean letters = false;
            boolean digits = false;
            boolean other = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c >= '0' && c <= '9') {
                    digits = true;
                } else if (Character.isLetter(c)) {
                    letters = true;
                } else if (c != '-' && c != '/' && c != '.' && c != '+') {
                    other = true;
                }
            }
            if (digits && !letters && !other) {
                return Kind.NUMBER;
            }
            if (digits && letters && !other) {
                return Kind.ALNUM;
            }
            return Kind.WORD;
        }
    }
}
