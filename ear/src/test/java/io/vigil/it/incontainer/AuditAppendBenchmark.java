package io.vigil.it.incontainer;

import io.vigil.audit.AuditTrail;
import io.vigil.audit.domain.AuditActor;
import io.vigil.audit.domain.AuditEvent;
import io.vigil.crypto.audit.AuditOutcome;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Measures appends per second through {@link AuditTrail} on the test stack's PostgreSQL, with proofs available:
 * the clock stops when the sequencer has given every recorded entry its leaf and tree nodes. A harness, not a test: it asserts nothing and runs only
 * when named, in the container:
 *
 * <pre>
 * ./vigil test -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=AuditAppendBenchmark
 * </pre>
 *
 * It prints a Markdown table for docs/benchmarks.md.
 */
@ExtendWith(ArquillianExtension.class)
class AuditAppendBenchmark {

    @EJB
    private AuditTrail trail;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    private ManagedThreadFactory threads;

    private static AuditEvent event(int i) {
        return new AuditEvent(UUID.fromString("00000000-0000-0000-0000-00000000be01"),
                AuditActor.user("bench-" + (i % 50), "Bench User " + (i % 50)), "call.view", "call_session",
                UUID.randomUUID().toString(), "192.0.2." + (i % 250), AuditOutcome.SUCCESS, Map.of("via", "api"));
    }

    /** Appends {@code total} events from {@code threads} threads, {@code batch} per transaction; appends per second. */
    private double run(int threads, int batch, int total) throws Exception {
        int perThread = total / threads;
        ExecutorService executor = Executors.newFixedThreadPool(threads, this.threads);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(executor.submit(() -> {
                for (int done = 0; done < perThread; done += batch) {
                    if (batch == 1) {
                        trail.record(event(done));
                    } else {
                        List<AuditEvent> events = new ArrayList<>(batch);
                        for (int i = 0; i < batch; i++) {
                            events.add(event(done + i));
                        }
                        trail.recordAll(events);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        executor.shutdown();
        trail.flush(); // the clock stops when every entry has its place in the log, i.e. its proofs are available
        return perThread * threads / ((System.nanoTime() - start) / 1e9);
    }

    @Test
    void appendsPerSecond() throws Exception {
        run(8, 1, 8_000);
        long before = trail.size();
        StringBuilder table = new StringBuilder("\n| threads | entries per transaction | appends/s |\n|---:|---:|---:|\n");
        int[][] cases = {{1, 1, 3_000}, {8, 1, 16_000}, {16, 1, 32_000}, {32, 1, 32_000}, {1, 10, 20_000}, {8, 10, 40_000}};
        for (int[] c : cases) {
            double best = 0;
            for (int round = 0; round < 3; round++) {
                best = Math.max(best, run(c[0], c[1], c[2]));
            }
            table.append("| ").append(c[0]).append(" | ").append(c[1]).append(" | ")
                    .append(String.format("%,.0f", best)).append(" |\n");
        }
        long appended = trail.size() - before;
        long start = System.nanoTime();
        trail.checkpointNow();
        table.append("\ncheckpoint after ").append(appended).append(" entries (log size ").append(trail.size())
                .append("): ").append(String.format("%.1f ms", (System.nanoTime() - start) / 1e6)).append('\n');
        System.out.println(table);
    }
}
