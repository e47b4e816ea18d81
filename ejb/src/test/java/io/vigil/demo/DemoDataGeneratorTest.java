package io.vigil.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.session.domain.SessionEventType;
import io.vigil.session.domain.Speaker;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoDataGeneratorTest {

    private static final Instant END = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void sameSeedGivesTheSameData() {
        assertEquals(new DemoDataGenerator(7, END).generate(50), new DemoDataGenerator(7, END).generate(50));
    }

    @Test
    void twoTenantsWithCallsOnlyOfTheirOwnAgents() {
        DemoData data = new DemoDataGenerator(7, END).generate(120);
        assertEquals(2, data.tenants().size());
        assertEquals(240, data.calls().size());
        for (DemoData.Call call : data.calls()) {
            DemoData.Agent agent = data.agents().stream().filter(a -> a.id().equals(call.agentId())).findFirst()
                    .orElseThrow();
            assertEquals(call.tenantId(), agent.tenantId());
        }
        Set<Object> ids = new HashSet<>();
        data.calls().forEach(c -> assertTrue(ids.add(c.id()), "call ids are unique"));
    }

    @Test
    void callsAreRealisticAndVaried() {
        DemoData data = new DemoDataGenerator(7, END).generate(120);
        long flagged = data.calls().stream().filter(c -> !c.flags().isEmpty()).count();
        long bargeIns = data.calls().stream()
                .filter(c -> c.events().stream().anyMatch(e -> e.type() == SessionEventType.BARGE_IN)).count();
        long withCardNumber = data.calls().stream()
                .filter(c -> c.turns().stream().anyMatch(t -> t.text().contains("card number is"))).count();
        assertTrue(flagged > 10 && flagged < 200, "some but not all calls are flagged: " + flagged);
        assertTrue(bargeIns > 10, "barge-ins: " + bargeIns);
        assertTrue(withCardNumber > 5, "calls with spoken card numbers: " + withCardNumber);
        for (DemoData.Call call : data.calls()) {
            assertEquals(Speaker.AGENT, call.turns().get(0).speaker(), "disclosure first");
            assertTrue(call.endedAt().isAfter(call.startedAt()));
            assertTrue(!call.startedAt().isAfter(END));
            for (int i = 1; i < call.turns().size(); i++) {
                assertTrue(call.turns().get(i).startMs() >= call.turns().get(i - 1).endMs(), "turns do not overlap");
            }
        }
    }
}
