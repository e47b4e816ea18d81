package io.vigil.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL goes away in the middle of a phone call: the test stack's own database server is stopped
 * ({@code pg_ctl stop}, with the data folder and options the launcher started it with, read from its
 * {@code postmaster.opts}) while a Twilio stream is live, and started again a few turns later. The call must go on
 * unharmed, its records must be journalled locally meanwhile, and once the database is back every record must be
 * stored: every caller turn, every agent answer, every frame counted, and the recordings.
 *
 * <p>The database is restarted in a {@code finally}, and the test waits until the application reads from it again,
 * so the tests after it find the stack as it was.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DatabaseOutageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_TICKS = 6_000;
    private static final List<String> CALLER = List.of("Yes, that's fine.", "What are your opening hours?",
            "Where is your nearest branch?", "That's all, bye.");

    @Test
    void aCallOutlivesADatabaseOutageAndLosesNothing() throws Exception {
        Postgres db = Postgres.ofTestStack();
        Instant began = Instant.now();
        long sentFrames;
        try (TwilioLine line = new TwilioLine(TwilioLine.wsUrl("/media/twilio"))) {
            line.connected();
            line.start("{\"agentProfile\":\"" + acmeProfile() + "\",\"token\":\"" + agentToken() + "\","
                    + "\"consent\":\"given\",\"callerScript\":\"" + String.join("|", CALLER) + "\"}");
            untilAgentFinished(line); // the greeting
            line.say(CALLER.get(0));
            untilAgentFinished(line);
            try {
                db.stop();
                assertFalse(db.answers(), "the database is down");
                line.say(CALLER.get(1));
                untilAgentFinished(line);
                line.say(CALLER.get(2));
                untilAgentFinished(line);
                for (int i = 0; i < MAX_TICKS && db.journalIsEmpty(); i++) {
                    line.tick(); // the call goes on while the worker journals what it could not store
                }
                assertFalse(db.journalIsEmpty(), "records were journalled locally while the database was away");
                assertFalse(line.closed(), "the call went on");
            } finally {
                db.start();
            }
            line.say(CALLER.get(3));
            untilAgentFinished(line);
            line.stop();
            sentFrames = line.sentMediaFrames;
        }

        JsonNode call = storedCall(began);
        for (int i = 0; i < 300 && !db.journalIsEmpty(); i++) {
            Thread.sleep(100);
        }
        assertTrue(db.journalIsEmpty(), "the journal was replayed");
        List<String> callerTurns = new ArrayList<>();
        int agentTurns = 0;
        for (JsonNode s : call.path("transcript")) {
            if (s.path("speaker").asText().equals("CALLER")) {
                callerTurns.add(s.path("text").asText());
            } else {
                agentTurns++;
            }
        }
        assertEquals(CALLER, callerTurns, "every caller turn was stored, in order");
        long answers = 0;
        List<String> types = new ArrayList<>();
        for (JsonNode e : call.path("events")) {
            types.add(e.path("type").asText());
            if (e.path("type").asText().equals("RESPONSE_DONE")) {
                answers++;
            }
        }
        assertEquals(1 + CALLER.size(), answers, "the greeting and one answer per turn: " + types);
        assertEquals(answers, agentTurns, "every answer's transcript was stored");
        for (String type : List.of("SESSION_STARTED", "CONSENT_GIVEN", "DISCLOSURE_DELIVERED", "SESSION_ENDED")) {
            assertEquals(1, types.stream().filter(type::equals).count(), type + " once in " + types);
        }
        assertEquals(sentFrames, call.path("metrics").path("framesIn").asLong(), "every caller frame was counted");
        assertEquals(3, TwilioMediaStreamIT.recordingsOf(call.path("id").asText()).size(),
                "the recordings were stored once the database was back");
    }

    /** The test stack's PostgreSQL, driven as the launcher drives it. */
    private record Postgres(Path data, Path log, Path journal, List<String> options, Path pgCtl, int port) {

        static Postgres ofTestStack() throws IOException {
            Path state = Path.of(System.getProperty("vigil.test.secrets")).getParent();
            Path data = state.resolve("pgdata");
            // postmaster.opts: the server binary and its arguments, each in double quotes
            String opts = Files.readString(data.resolve("postmaster.opts")).strip();
            List<String> words = new ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(opts);
            while (m.find()) {
                words.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
            Path bin = Path.of(words.get(0)).getParent();
            List<String> options = new ArrayList<>();
            int port = 5432;
            for (int i = 1; i < words.size(); i++) {
                if (words.get(i).equals("-D")) {
                    i++;
                    continue;
                }
                if (words.get(i).equals("-p")) {
                    port = Integer.parseInt(words.get(i + 1));
                }
                options.add(words.get(i));
            }
            return new Postgres(data, state.resolve("postgres.log"), state.resolve("journal"), options,
                    bin.resolve("pg_ctl"), port);
        }

        void stop() throws Exception {
            run(List.of(pgCtl.toString(), "-D", data.toString(), "-m", "fast", "-w", "-t", "60", "stop"));
        }

        void start() throws Exception {
            if (answers()) {
                return;
            }
            StringBuilder o = new StringBuilder();
            for (String option : options) {
                o.append(o.length() == 0 ? "" : " ").append('"').append(option).append('"');
            }
            run(List.of(pgCtl.toString(), "-D", data.toString(), "-l", log.toString(), "-w", "-t", "60", "-o",
                    o.toString(), "start"));
            assertTrue(answers(), "the database is back");
        }

        boolean answers() {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        boolean journalIsEmpty() throws IOException {
            if (!Files.isDirectory(journal)) {
                return true;
            }
            try (Stream<Path> files = Files.list(journal)) {
                return files.noneMatch(f -> {
                    try {
                        return Files.size(f) > 0;
                    } catch (IOException e) {
                        return false;
                    }
                });
            }
        }

        /** Runs a PostgreSQL tool as the launcher does: as the unprivileged database user when we are root. */
        private static void run(List<String> command) throws Exception {
            List<String> full = new ArrayList<>();
            if ("root".equals(System.getProperty("user.name"))) {
                full.addAll(List.of("runuser", "-u", "vigil-db", "--"));
            }
            full.addAll(command);
            Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(90, TimeUnit.SECONDS), "pg_ctl finished");
            assertEquals(0, p.exitValue(), String.join(" ", full) + ": " + output);
        }
    }

    private static void untilAgentFinished(TwilioLine line) throws Exception {
        long startFrames = line.receivedMediaFrames;
        for (int i = 0; i < MAX_TICKS && (line.speaking() || line.receivedMediaFrames == startFrames
                || line.idleTicks < 50); i++) {
            line.tick();
        }
    }

    private static String agentToken() {
        return TestStack.agentToken("acme-bank-agent", "VIGIL_AGENT_SECRET_ACME");
    }

    private static String acmeProfile() throws Exception {
        HttpResponse<String> r = TestStack.get("/api/v1/agent-profiles", agentToken());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).path("agentProfiles").get(0).path("id").asText();
    }

    /** The newest phone call started since {@code began}, once completed (after the journal's replay). */
    private static JsonNode storedCall(Instant began) throws Exception {
        String compliance = TestStack.userToken("acme-compliance");
        for (int attempt = 0; attempt < 600; attempt++) {
            HttpResponse<String> list = TestStack.get("/api/v1/calls?channel=PHONE&limit=5", compliance);
            if (list.statusCode() == 200) {
                for (JsonNode row : JSON.readTree(list.body()).path("calls")) {
                    if (!Instant.parse(row.path("startedAt").asText()).isBefore(began.minusSeconds(1))
                            && row.path("status").asText().equals("COMPLETED")) {
                        HttpResponse<String> one = TestStack.get("/api/v1/calls/" + row.path("id").asText(),
                                compliance);
                        assertEquals(200, one.statusCode(), one.body());
                        return JSON.readTree(one.body());
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no completed phone call since " + began);
    }
}
