package io.vigil.demo;

import io.vigil.session.domain.Channel;
import io.vigil.session.domain.ConsentState;
import io.vigil.session.domain.FlagReason;
import io.vigil.session.domain.SessionEventType;
import io.vigil.session.domain.SessionStatus;
import io.vigil.session.domain.Severity;
import io.vigil.session.domain.Speaker;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The demo data set as plain values, independent of how it is stored. */
public record DemoData(List<Tenant> tenants, List<Agent> agents, List<Call> calls) {

    public record Tenant(UUID id, String slug, String name) { }

    public record Agent(UUID id, UUID tenantId, String name, String model, String promptHash, String toolHash,
                        int version) { }

    public record Call(UUID id, UUID tenantId, UUID agentId, Channel channel, String callerRefHash,
                       Instant startedAt, Instant endedAt, SessionStatus status, ConsentState consent,
                       List<Turn> turns, List<Event> events, List<RaisedFlag> flags) { }

    public record Turn(Speaker speaker, int startMs, int endMs, String text) { }

    public record Event(SessionEventType type, int atMs, String payloadJson) { }

    public record RaisedFlag(UUID id, FlagReason reason, Severity severity, String evidence, int atMs) { }
}
