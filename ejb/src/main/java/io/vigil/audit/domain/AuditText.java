package io.vigil.audit.domain;

/**
 * Makes text that came from outside (a URL path, a header, a display name) storable in an entry: at most
 * {@value #MAX} characters, no NUL and no unpaired surrogates (an entry refuses both), null when empty.
 */
public final class AuditText {

    public static final int MAX = 300;

    private AuditText() {
    }

    public static String clean(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX));
        for (int i = 0; i < text.length() && out.length() < MAX; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (out.length() + 2 > MAX) {
                    break;
                }
                out.append(c).append(text.charAt(++i));
            } else if (c == 0 || Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
