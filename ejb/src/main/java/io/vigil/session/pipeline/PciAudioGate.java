package io.vigil.session.pipeline;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Keeps card numbers out of the caller's recording (PCI pause and resume).
 *
 * <p>The caller's audio reaches the recorder through a short delay line ({@value #HOLDBACK_MS} ms), because the
 * model's voice activity detection reports a turn only after it began (its onset includes prefix padding). From the
 * turn's onset on, audio is held until the turn's transcript has been judged ({@link CardTalk}). A turn that carries
 * card data is written as <b>silence of the same length</b>: nothing is dropped, so the caller track stays aligned
 * with the agent track and the call's clock. Any other turn is written as it was.
 *
 * <p>Fails closed: a turn whose transcript never comes (held beyond {@value #MAX_HELD_MS} ms of audio, or still open
 * when the call ends) is written as silence too. Positions are milliseconds of the caller's audio stream. Not
 * thread-safe; the session calls it under its own lock.
 */
final class PciAudioGate {

    static final long HOLDBACK_MS = 1_000;
    static final long MAX_HELD_MS = 120_000;

    /** A stretch of caller audio written as silence, with why ({@code PCI}, or {@code PCI_UNVERIFIED}). */
    record Pause(long fromMs, long toMs, String reason) {
    }

    private record Frame(long atMs, long endMs, byte[] pcm) {
    }

    private static final class Turn {
        final long startMs;
        long endMs = Long.MAX_VALUE;
        boolean judged;
        boolean masked;

        Turn(long startMs) {
            this.startMs = startMs;
        }
    }

    private final AudioSink recorder;
    private final ArrayDeque<Frame> line = new ArrayDeque<>();
    private final List<Turn> turns = new ArrayList<>();
    private long lineEndMs;

    PciAudioGate(AudioSink recorder) {
        this.recorder = recorder;
    }

    /** A frame of caller audio at {@code atMs} of the caller stream; writes what is no longer needed in hand. */
    List<Pause> caller(long atMs, long durationMs, byte[] pcm) throws IOException {
        line.add(new Frame(atMs, atMs + durationMs, pcm));
        lineEndMs = atMs + durationMs;
        List<Pause> pauses = new ArrayList<>();
        Turn oldest = oldestUnjudged();
        if (oldest != null && lineEndMs - oldest.startMs > MAX_HELD_MS) {
            pauses.add(judge(oldest, true, "PCI_UNVERIFIED"));
        }
        release(false);
        return pauses;
    }

    /** The caller began a turn; its audio from {@code audioStartMs} waits for the turn's transcript. */
    void turnStarted(long audioStartMs) {
        turns.add(new Turn(Math.max(0, audioStartMs)));
    }

    /** The caller's turn ended at {@code audioEndMs} of the stream. */
    void turnStopped(long audioEndMs) {
        for (int i = turns.size() - 1; i >= 0; i--) {
            Turn t = turns.get(i);
            if (t.endMs == Long.MAX_VALUE) {
                t.endMs = Math.max(t.startMs, audioEndMs);
                return;
            }
        }
    }

    /** The oldest turn's transcript was judged; returns the pause when it carried card data. */
    Pause judged(boolean carriesCard) throws IOException {
        Turn t = oldestUnjudged();
        if (t == null) {
            return null;
        }
        Pause pause = judge(t, carriesCard, "PCI");
        release(false);
        return pause;
    }

    /** The call ended: writes everything in hand, open turns as silence. */
    List<Pause> flush() throws IOException {
        List<Pause> pauses = new ArrayList<>();
        for (Turn t : turns) {
            if (!t.judged) {
                if (t.endMs == Long.MAX_VALUE) {
                    t.endMs = Math.max(t.startMs, lineEndMs);
                }
                pauses.add(judge(t, true, "PCI_UNVERIFIED"));
            }
        }
        release(true);
        return pauses;
    }

    private Pause judge(Turn t, boolean mask, String reason) {
        t.judged = true;
        t.masked = mask;
        return mask ? new Pause(t.startMs, t.endMs, reason) : null;
    }

    private Turn oldestUnjudged() {
        for (Turn t : turns) {
            if (!t.judged) {
                return t;
            }
        }
        return null;
    }

    private void release(boolean all) throws IOException {
        while (!line.isEmpty()) {
            Frame f = line.peek();
            Turn waiting = oldestUnjudged();
            boolean held = !all && (lineEndMs - f.endMs < HOLDBACK_MS || (waiting != null && f.endMs > waiting.startMs));
            if (held) {
                return;
            }
            line.poll();
            recorder.write(AudioSink.Track.CALLER, f.atMs, masked(f) ? new byte[f.pcm.length] : f.pcm);
            forgetTurnsBefore(f.endMs);
        }
    }

    private boolean masked(Frame f) {
        for (Turn t : turns) {
            if (t.masked && f.endMs > t.startMs && f.atMs < t.endMs) {
                return true;
            }
        }
        return false;
    }

    private void forgetTurnsBefore(long ms) {
        for (Iterator<Turn> it = turns.iterator(); it.hasNext(); ) {
            Turn t = it.next();
            if (t.judged && t.endMs != Long.MAX_VALUE && t.endMs <= ms) {
                it.remove();
            } else {
                return;
            }
        }
    }
}
