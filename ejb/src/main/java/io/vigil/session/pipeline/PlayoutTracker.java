package io.vigil.session.pipeline;

import java.util.HashMap;
import java.util.Map;

/**
 * How much of the agent's current item the caller has really heard.
 *
 * <p>A door plays audio in real time, in the order it was sent, so what has been played of an item is never more than
 * what was sent, nor more than the time since its playback began. A mark echo (Twilio) confirms a position exactly and
 * playback continues in real time from there. So: {@code played = min(sent, confirmed + (now - confirmedAt))}, where
 * {@code confirmed} starts at 0 when the item's playback begins (after any audio still queued before it). Marks of an
 * item that was stopped (Twilio echoes pending marks at once after a {@code clear}) are ignored.
 */
final class PlayoutTracker {

    private record MarkPosition(String itemId, long endMs) {
    }

    private final Map<String, MarkPosition> marks = new HashMap<>();
    private long markSeq;
    private String itemId;
    private long sentMs;
    private long confirmedMs;
    private long confirmedAt;
    private long queueEndAt;

    /** Records {@code duration} ms of audio sent to the door and returns the name of the mark that will confirm it. */
    String sent(String item, long duration, long now) {
        if (!item.equals(itemId)) {
            marks.clear(); // an earlier item's echoes would be ignored; a door without echoes must not grow this
            itemId = item;
            sentMs = 0;
            confirmedMs = 0;
            confirmedAt = Math.max(now, queueEndAt);
        }
        sentMs += duration;
        queueEndAt = Math.max(queueEndAt, now) + duration;
        String name = "vigil-" + (++markSeq);
        marks.put(name, new MarkPosition(item, sentMs));
        return name;
    }

    void markEchoed(String name, long now) {
        MarkPosition p = marks.remove(name);
        if (p != null && p.itemId().equals(itemId) && p.endMs() > confirmedMs) {
            confirmedMs = p.endMs();
            confirmedAt = now;
        }
    }

    String currentItem() {
        return itemId;
    }

    long sentMs() {
        return sentMs;
    }

    long playedMs(long now) {
        if (itemId == null) {
            return 0;
        }
        return Math.min(sentMs, confirmedMs + Math.max(0, now - confirmedAt));
    }

    /** Whether the caller is still hearing (or about to hear) the current item. */
    boolean playing(long now) {
        return itemId != null && playedMs(now) < sentMs;
    }

    /** Playback was cut: nothing is queued any more and late marks change nothing. */
    void stopped(long now) {
        marks.clear();
        itemId = null;
        queueEndAt = now;
    }
}
