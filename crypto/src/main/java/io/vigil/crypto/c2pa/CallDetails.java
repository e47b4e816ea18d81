package io.vigil.crypto.c2pa;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who called and when: the personal data a recording's manifest carries in its {@value #LABEL} assertion. A redacted
 * copy removes this assertion from the original's manifest ({@code c2pa.redacted}), so the copy can travel without
 * it while its history still verifies.
 *
 * @param callId    the call (session) id
 * @param tenant    the tenant the call belongs to
 * @param caller    the caller's reference (a phone number, a customer id), if known
 * @param startedAt when the call started
 */
public record CallDetails(String callId, String tenant, Optional<String> caller, Instant startedAt) {

    /** The assertion's label (reverse domain name, as C2PA asks of non-standard assertions). */
    public static final String LABEL = "io.vigil.call";

    public CallDetails {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(tenant, "tenant");
        caller = Objects.requireNonNull(caller, "caller");
        startedAt = startedAt.truncatedTo(ChronoUnit.SECONDS);
    }

    Map<Object, Object> toCbor() {
        Map<Object, Object> content = new LinkedHashMap<>();
        content.put("callId", callId);
        content.put("tenant", tenant);
        caller.ifPresent(c -> content.put("caller", c));
        content.put("startedAt", startedAt.toString());
        return content;
    }
}
