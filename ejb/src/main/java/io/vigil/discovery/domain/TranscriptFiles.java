package io.vigil.discovery.domain;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The two text renderings of a call: a plain-text transcript (review platforms index it; a header names the
 * document and call) and a WebVTT file (W3C WebVTT, cues with {@code <v Speaker>} voice spans) that players show
 * beside the native. Both UTF-8, LF line ends.
 */
public final class TranscriptFiles {

    private TranscriptFiles() {
    }

    public static byte[] plainText(String productionNumber, CallMaterial call) {
        StringBuilder text = new StringBuilder();
        text.append(productionNumber).append('\n')
                .append("Call ").append(call.callId()).append(", ").append(call.startedAt()).append(", ")
                .append(call.channel()).append(", agent ").append(call.agent()).append('\n').append('\n');
        for (CallMaterial.Line line : call.transcript()) {
            text.append('[').append(clock(line.startMs(), false)).append("] ").append(line.speaker()).append(": ")
                    .append(oneLine(line.text())).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] webVtt(CallMaterial call) {
        StringBuilder vtt = new StringBuilder("WEBVTT\n\n");
        List<CallMaterial.Line> lines = call.transcript();
        for (int i = 0; i < lines.size(); i++) {
            CallMaterial.Line line = lines.get(i);
            long end = Math.max(line.endMs(), line.startMs() + 1);
            vtt.append(i + 1).append('\n')
                    .append(clock(line.startMs(), true)).append(" --> ").append(clock(end, true)).append('\n')
                    .append("<v ").append(cueSafe(line.speaker())).append('>').append(cueSafe(oneLine(line.text())))
                    .append("\n\n");
        }
        return vtt.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code hh:mm:ss.mmm} (WebVTT) or {@code hh:mm:ss}. */
    static String clock(long ms, boolean millis) {
        long s = ms / 1000;
        String base = String.format("%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
        return millis ? base + String.format(".%03d", ms % 1000) : base;
    }

    private static String oneLine(String text) {
        return text.replace('\r', ' ').replace('\n', ' ');
    }

    /** A cue payload must not contain "-->" or raw markup characters. */
    private static String cueSafe(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
