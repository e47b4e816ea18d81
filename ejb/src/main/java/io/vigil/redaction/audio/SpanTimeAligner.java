package io.vigil.redaction.audio;

import io.vigil.redaction.DetectedEntity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Maps character spans of an utterance to time ranges of its recording. With word timings (from the ASR or the
 * speech model) a span covers its words exactly, plus padding; without them it assumes speech is spread evenly over
 * the utterance's characters, which is rough, so the padding should be larger. Ranges are clamped to the utterance
 * and merged where they touch.
 */
public final class SpanTimeAligner {

    /** One word's character span in the utterance text and its time in the recording. */
    public record WordTiming(int start, int end, long startMs, long endMs) {
    }

    private final long paddingMs;

    public SpanTimeAligner(long paddingMs) {
        if (paddingMs < 0) {
            throw new IllegalArgumentException("padding must be >= 0 ms");
        }
        this.paddingMs = paddingMs;
    }

    /**
     * @param textLength       length of the utterance text the spans index
     * @param utteranceStartMs where the utterance begins in the recording
     * @param utteranceEndMs   where it ends
     * @param words            word timings, or an empty list when the ASR gave none
     */
    public List<TimeRange> align(List<DetectedEntity> spans, int textLength, long utteranceStartMs,
                                 long utteranceEndMs, List<WordTiming> words) {
        List<TimeRange> ranges = new ArrayList<>(spans.size());
        for (DetectedEntity span : spans) {
            long[] t = words.isEmpty() ? proportional(span, textLength, utteranceStartMs, utteranceEndMs)
                    : fromWords(span, words, textLength, utteranceStartMs, utteranceEndMs);
            long start = Math.max(utteranceStartMs, t[0] - paddingMs);
            long end = Math.min(utteranceEndMs, t[1] + paddingMs);
            if (end > start) {
                ranges.add(new TimeRange(start, end));
            }
        }
        return merge(ranges);
    }

    private static long[] proportional(DetectedEntity span, int textLength, long startMs, long endMs) {
        double msPerChar = textLength == 0 ? 0 : (double) (endMs - startMs) / textLength;
        return new long[] {startMs + (long) Math.floor(span.start() * msPerChar),
                startMs + (long) Math.ceil(span.end() * msPerChar)};
    }

    private static long[] fromWords(DetectedEntity span, List<WordTiming> words, int textLength, long startMs,
                                    long endMs) {
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (WordTiming w : words) {
            if (w.start() < span.end() && span.start() < w.end()) {
                from = Math.min(from, w.startMs());
                to = Math.max(to, w.endMs());
            }
        }
        // A span the timings do not cover (a dropped word) falls back to the proportional guess, never to nothing.
        return from == Long.MAX_VALUE ? proportional(span, textLength, startMs, endMs) : new long[] {from, to};
    }

    static List<TimeRange> merge(List<TimeRange> ranges) {
        ranges.sort(Comparator.comparingLong(TimeRange::startMs));
        List<TimeRange> merged = new ArrayList<>(ranges.size());
        for (TimeRange r : ranges) {
            TimeRange last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r.startMs() <= last.endMs()) {
                merged.set(merged.size() - 1, new TimeRange(last.startMs(), Math.max(last.endMs(), r.endMs())));
            } else {
                merged.add(r);
            }
        }
        return merged;
    }
}
