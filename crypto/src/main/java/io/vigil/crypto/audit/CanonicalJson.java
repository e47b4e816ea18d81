package io.vigil.crypto.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The canonical encoding of an {@link AuditEntry}: the exact bytes the leaf hash covers. It is JSON as RFC 8785
 * (JCS) would serialise it, restricted to strings, nulls, one integer and one nested object of strings:
 *
 * <pre>
 * {"action":S,"actor":S,"at":S,"details":{K:S,...},"object_id":S|null,"object_type":S|null,
 *  "outcome":S,"seq":N,"source":S|null,"tenant":S|null}
 * </pre>
 *
 * (one line, no whitespace anywhere), where
 * <ul>
 *   <li>members appear in exactly this order (sorted by key), all ten always present, absent values as {@code null};
 *   <li>{@code details} members are sorted by key in UTF-16 code unit order ({@link String#compareTo});
 *   <li>{@code at} is UTC with exactly six fractional digits: {@code 2026-11-26T09:15:02.123456Z};
 *   <li>{@code seq} is the leaf index as a decimal integer without sign or leading zeros;
 *   <li>{@code tenant} is the lower-case hyphenated UUID; {@code outcome} is {@code success}, {@code denied} or
 *       {@code failure};
 *   <li>strings escape {@code "} and {@code \} with a backslash, U+0008/09/0A/0C/0D as {@code \b \t \n \f \r},
 *       other characters below U+0020 as {@code \}{@code u00xx} (lower-case hex), and nothing else; the text is UTF-8.
 * </ul>
 */
final class CanonicalJson {

    private static final int AT_LENGTH = "2026-11-26T09:15:02.123456Z".length();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {
    }

    static byte[] encode(AuditEntry entry) {
        return append(new StringBuilder(256), entry).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Appends the canonical JSON text of {@code entry}. */
    static StringBuilder append(StringBuilder out, AuditEntry entry) {
        out.append("{\"action\":");
        string(out, entry.action());
        out.append(",\"actor\":");
        string(out, entry.actor());
        out.append(",\"at\":\"");
        appendAt(out, entry.at());
        out.append("\",\"details\":{");
        boolean first = true;
        for (Map.Entry<String, String> detail : entry.details().entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, detail.getKey());
            out.append(':');
            string(out, detail.getValue());
        }
        out.append("},\"object_id\":");
        nullable(out, entry.objectId());
        out.append(",\"object_type\":");
        nullable(out, entry.objectType());
        out.append(",\"outcome\":\"").append(entry.outcome().label());
        out.append("\",\"seq\":").append(entry.seq());
        out.append(",\"source\":");
        nullable(out, entry.source());
        out.append(",\"tenant\":");
        nullable(out, entry.tenantId() == null ? null : entry.tenantId().toString());
        return out.append('}');
    }

    /** {@code uuuu-MM-ddTHH:mm:ss.SSSSSSZ} in UTC, written by hand: the formatter was a third of the verifier's time. */
    private static void appendAt(StringBuilder out, Instant at) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(at.getEpochSecond(), at.getNano(), ZoneOffset.UTC);
        digits(out, utc.getYear(), 4).append('-');
        digits(out, utc.getMonthValue(), 2).append('-');
        digits(out, utc.getDayOfMonth(), 2).append('T');
        digits(out, utc.getHour(), 2).append(':');
        digits(out, utc.getMinute(), 2).append(':');
        digits(out, utc.getSecond(), 2).append('.');
        digits(out, utc.getNano() / 1000, 6).append('Z');
    }

    private static StringBuilder digits(StringBuilder out, int value, int width) {
        String text = Integer.toString(value);
        for (int pad = width - text.length(); pad > 0; pad--) {
            out.append('0');
        }
        return out.append(text);
    }

    /** Reads exactly the format {@link #appendAt} writes; anything else is refused. */
    static Instant parseAt(String text) {
        if (text.length() != AT_LENGTH || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != '.' || text.charAt(26) != 'Z') {
            throw new IllegalArgumentException("time '" + text + "' is not of the form 2026-11-26T09:15:02.123456Z");
        }
        return LocalDateTime.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10), number(text, 11, 13),
                number(text, 14, 16), number(text, 17, 19), number(text, 20, 26) * 1000).toInstant(ZoneOffset.UTC);
    }

    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("time '" + text + "' has a non-digit at position " + i);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static void nullable(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
        } else {
            string(out, value);
        }
    }

    static void string(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
