package io.vigil.redaction;

import java.util.ArrayList;
import java.util.Arrays;
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
    private final List<Token> tokens;

    private NormalizedText(String original, String text, int[] origStart, int[] origEnd, List<Token> tokens) {
        this.original = original;
        this.text = text;
        this.origStart = origStart;
        this.origEnd = origEnd;
        this.tokens = tokens;
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
        return tokens.get(index);
    }

    public int size() {
        return tokens.size();
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
        int hi = tokens.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Token t = tokens.get(mid);
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
        private final String original;
        private final StringBuilder text;
        private int[] starts;
        private int[] ends;
        private final List<int[]> tokenBounds = new ArrayList<>();
        /** Set by a self-correction: the next character appended takes this original start instead of its own. */
        private int pendingOriginStart = -1;

        Builder(String original) {
            this.original = original;
            this.text = new StringBuilder(original.length() + 16);
            this.starts = new int[original.length() + 16];
            this.ends = new int[original.length() + 16];
        }

        boolean isEmpty() {
            return tokenBounds.isEmpty();
        }

        /** Starts a new token. */
        void newToken(CharSequence s, int oStart, int oEnd) {
            if (!tokenBounds.isEmpty()) {
                appendChar(' ', oStart, oStart);
            }
            int tokenStart = text.length();
            appendChars(s, oStart, oEnd);
            tokenBounds.add(new int[] {tokenStart, text.length(), 0});
        }

        /** Glues characters onto the last token (no separating space). */
        void extendToken(CharSequence s, int oStart, int oEnd) {
            if (tokenBounds.isEmpty()) {
                newToken(s, oStart, oEnd);
                return;
            }
            appendChars(s, oStart, oEnd);
            tokenBounds.get(tokenBounds.size() - 1)[1] = text.length();
        }

        /** Marks the last token as letters spelled one by one. */
        void markLastSpelled() {
            tokenBounds.get(tokenBounds.size() - 1)[2] = 1;
        }

        /** Last token's text, or "" when there is none. */
        String lastToken() {
            if (tokenBounds.isEmpty()) {
                return "";
            }
            int[] b = tokenBounds.get(tokenBounds.size() - 1);
            return text.substring(b[0], b[1]);
        }

        /**
         * Drops the last token (the abandoned part of a self-correction) and makes the next token start at the
         * dropped token's original start, so the corrected value's span also covers what was abandoned.
         */
        void dropLastTokenKeepingOrigin() {
            int[] b = tokenBounds.remove(tokenBounds.size() - 1);
            int dropStart = starts[b[0]];
            int cut = tokenBounds.isEmpty() ? 0 : b[0] - 1;
            text.setLength(cut);
            pendingOriginStart = pendingOriginStart >= 0 ? Math.min(pendingOriginStart, dropStart) : dropStart;
        }

        private void appendChars(CharSequence s, int oStart, int oEnd) {
            for (int i = 0; i < s.length(); i++) {
                appendChar(s.charAt(i), oStart, oEnd);
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
            List<Token> list = new ArrayList<>(tokenBounds.size());
            for (int[] b : tokenBounds) {
                String s = t.substring(b[0], b[1]);
                Kind kind = classify(s);
                list.add(new Token(b[0], b[1], kind == Kind.WORD && b[2] == 1 ? Kind.SPELLED : kind, s));
            }
            return new NormalizedText(original, t, Arrays.copyOf(starts, t.length()), Arrays.copyOf(ends, t.length()),
                    List.copyOf(list));
        }

        private static Kind classify(String s) {
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
