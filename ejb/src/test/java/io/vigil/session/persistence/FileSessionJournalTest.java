package io.vigil.session.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.session.domain.FlagReason;
import io.vigil.session.domain.SessionEventType;
import io.vigil.session.domain.Severity;
import io.vigil.session.domain.Speaker;
import io.vigil.session.pipeline.SessionRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSessionJournalTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID SESSION = UUID.randomUUID();
    private static final List<SessionRecord> RECORDS = List.of(
            new SessionRecord.Event(TENANT, SESSION, SessionEventType.BARGE_IN, 1200, "{\"playedMs\":900}"),
            new SessionRecord.Segment(TENANT, SESSION, 3, Speaker.CALLER, 100, 900, "My card is [CREDIT_CARD]\nok"),
            new SessionRecord.RaisedFlag(TENANT, SESSION, FlagReason.MISSING_CONSENT, Severity.LOW, "refused", 40));

    @TempDir
    Path dir;

    @Test
    void everyKindOfRecordSurvivesTheJournalExactly() {
        for (SessionRecord r : RECORDS) {
            assertEquals(r, SessionRecordJson.read(SessionRecordJson.write(r)));
        }
    }

    @Test
    void aTornLastLineIsSkippedAndTheRestIsReplayed() throws Exception {
        FileSessionJournal journal = new FileSessionJournal(dir);
        journal.appendAll(RECORDS);
        Files.writeString(dir.resolve("journal.log"), "{\"kind\":\"ev", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        assertEquals(RECORDS, new Replay().of(journal));
        assertTrue(journal.isEmpty(), "a replayed file is removed");
    }

    @Test
    void aReplayTheDatabaseRefusesKeepsTheJournalForTheNextRound() {
        FileSessionJournal journal = new FileSessionJournal(dir);
        journal.appendAll(RECORDS);
        Replay down = new Replay() {
            @Override
            public void flush() {
                throw new IllegalStateException("connection refused");
            }
        };
        assertThrows(IllegalStateException.class, () -> journal.replayInto(down));
        journal.append(RECORDS.get(0)); // appends go on while the database is away
        assertFalse(journal.isEmpty());
        assertEquals(4, new Replay().of(journal).size(), "nothing lost, nothing doubled");
    }

    @Test
    void callerReferencesAreKeyedPerTenant() {
        CallerHash hash = CallerHash.create("0123456789abcdef0123");
        String a = hash.of(TENANT, "+15551234567");
        assertEquals(64, a.length());
        assertEquals(a, hash.of(TENANT, "+15551234567"));
        assertNotEquals(a, hash.of(UUID.randomUUID(), "+15551234567"));
        assertNotEquals(a, CallerHash.create("another-key-of-twenty").of(TENANT, "+15551234567"));
        assertThrows(IllegalStateException.class, () -> CallerHash.create("short"));
    }

    /** Replays into a sink that keeps what it was given, as the database would. */
    private static class Replay implements BatchSink {
        private final List<SessionRecord> pending = new ArrayList<>();
        private final List<SessionRecord> stored = new ArrayList<>();

        List<SessionRecord> of(FileSessionJournal journal) {
            journal.replayInto(this);
            return stored;
        }

        @Override public void event(SessionRecord.Event e) { pending.add(e); }
        @Override public void transcript(SessionRecord.Segment s) { pending.add(s); }
        @Override public void flag(SessionRecord.RaisedFlag f) { pending.add(f); }

        @Override
        public void flush() {
            stored.addAll(pending);
            pending.clear();
        }

        @Override
        public List<SessionRecord> discardPending() {
            List<SessionRecord> left = List.copyOf(pending);
            pending.clear();
            return left;
        }
    }
}
