package io.vigil.session.twilio;

import io.vigil.session.audio.AudioFormatException;
import io.vigil.session.audio.Base64Audio;

/**
 * A fast path for the one frame Twilio sends fifty times a second: reads a {@code media} frame of the plain shape
 * Twilio writes (one object, string or integer values, the {@code media} object nested one level, no escapes)
 * without building a JSON tree. Anything else, valid or not, is left to the full parser ({@link #read} returns
 * null), so what this accepts is exactly what the full parser accepts, with the same result.
 */
final class MediaFrameReader {

    private final String s;
    private int at;
    // fields of the frame
    private String event;
    private Object streamSid;     // String, or a Long when a number was sent
    private Object sequenceNumber;
    private boolean hasMedia;
    private Object track;
    private Object chunk;
    private Object timestamp;
    private Object payload;

    private MediaFrameReader(String frame) {
        this.s = frame;
    }

    /** The message, or null when the frame is not a plain {@code media} frame (the full parser then decides). */
    static TwilioMessage.Media read(String frame) {
        MediaFrameReader r = new MediaFrameReader(frame);
        try {
            if (!r.object(true) || r.skipSpace() != r.s.length()) {
                return null;
            }
            return r.message();
        } catch (RuntimeException e) {
            return null; // whatever puzzles the fast path is the full parser's to judge
        }
    }

    private TwilioMessage.Media message() {
        if (!"media".equals(event) || !hasMedia || !(payload instanceof String p)) {
            return null;
        }
        if (streamSid != null && !(streamSid instanceof String)
                || track != null && !(track instanceof String)) {
            return null; // the full parser's text conversions decide those
        }
        long seq = number(sequenceNumber);
        long ch = number(chunk);
        long ts = number(timestamp);
        if (seq == Long.MIN_VALUE || ch == Long.MIN_VALUE || ts == Long.MIN_VALUE) {
            return null;
        }
        byte[] audio;
        try {
            audio = Base64Audio.decode(p);
        } catch (AudioFormatException e) {
            return null; // refused by the full parser with its reason
        }
        return new TwilioMessage.Media((String) streamSid, seq, track == null ? "inbound" : (String) track, ch, ts,
                audio);
    }

    /** As TwilioCodec reads numbers: a number or a string of one, -1 when absent; MIN_VALUE: not for the fast path. */
    private static long number(Object v) {
        if (v == null) {
            return -1;
        }
        if (v instanceof Long l) {
            return l;
        }
        String t = (String) v;
        if (t.isEmpty() || t.length() > 18) {
            return Long.MIN_VALUE;
        }
        long n = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return Long.MIN_VALUE;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** Reads an object; {@code top}: the frame itself, else the {@code media} object. False: not plain. */
    private boolean object(boolean top) {
        skipSpace();
        if (!take('{')) {
            return false;
        }
        skipSpace();
        if (peek() == '}') {
            at++;
            return true;
        }
        while (true) {
            skipSpace();
            String key = string();
            if (key == null) {
                return false;
            }
            skipSpace();
            if (!take(':')) {
                return false;
            }
            skipSpace();
            if (top && key.equals("media")) {
                if (peek() != '{') {
                    return false;
                }
                // a repeated key replaces the earlier value, as in the full parser
                track = null;
                chunk = null;
                timestamp = null;
                payload = null;
                if (!object(false)) {
                    return false;
                }
                hasMedia = true;
            } else {
                Object value = scalar();
                if (value == null) {
                    return false;
                }
                if (top) {
                    switch (key) {
                        case "event" -> event = value instanceof String v ? v : null;
                        case "streamSid" -> streamSid = value;
                        case "sequenceNumber" -> sequenceNumber = value;
                        default -> { }
                    }
                    if (key.equals("event") && !(value instanceof String)) {
                        return false;
                    }
                } else {
                    switch (key) {
                        case "track" -> track = value;
                        case "chunk" -> chunk = value;
                        case "timestamp" -> timestamp = value;
                        case "payload" -> payload = value;
                        default -> { }
                    }
                }
            }
            skipSpace();
            if (take(',')) {
                continue;
            }
            return take('}');
        }
    }

    /** A string without escapes or control characters, or a plain integer; null for anything else. */
    private Object scalar() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        int start = at;
        if (c == '-') {
            at++;
        }
        int digits = at;
        while (at < s.length() && s.charAt(at) >= '0' && s.charAt(at) <= '9') {
            at++;
        }
        int n = at - digits;
        if (n == 0 || n > 18 || (n > 1 && s.charAt(digits) == '0')) {
            return null;
        }
        if (at < s.length() && (s.charAt(at) == '.' || s.charAt(at) == 'e' || s.charAt(at) == 'E')) {
            return null;
        }
        return Long.parseLong(s, start, at, 10);
    }

    private String string() {
        if (!take('"')) {
            return null;
        }
        int start = at;
        while (at < s.length()) {
            char c = s.charAt(at);
            if (c == '"') {
                return s.substring(start, at++);
            }
            if (c == '\\' || c < 0x20 || Character.isSurrogate(c)) {
                return null;
            }
            at++;
        }
        return null;
    }

    private int skipSpace() {
        while (at < s.length()) {
            char c = s.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                break;
            }
            at++;
        }
        return at;
    }

    private char peek() {
        return at < s.length() ? s.charAt(at) : '\0';
    }

    private boolean take(char c) {
        if (peek() == c) {
            at++;
            return true;
        }
        return false;
    }
}
