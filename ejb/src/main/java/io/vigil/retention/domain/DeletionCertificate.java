package io.vigil.retention.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The statement a sweep signs when it ends: which tenant, as of when, under which rules, and per data class how
 * many artifacts were expired (or, for a dry run, were due) with the digest of their identifier hashes. It is one
 * line of JSON with keys sorted at every level and no whitespace; the signature (SHA256withECDSA by the tenant's
 * signing key, DER) is over its UTF-8 bytes. The identifier hashes themselves are listed separately and check
 * against each class's {@code identifierDigest} ({@link IdentifierDigest}).
 */
public final class DeletionCertificate {

    public static final String FORMAT = "vigil-retention-certificate/1";

    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private DeletionCertificate() {
    }

    public static String render(UUID sweep, UUID tenant, String tenantSlug, SweepMode mode, Instant asOf,
                                Instant startedAt, Instant finishedAt, String startedBy, RetentionPolicies policies,
                                List<SweepClassResult> classes, String signingKey) {
        Map<String, Object> c = new TreeMap<>();
        c.put("format", FORMAT);
        c.put("sweep", sweep.toString());
        c.put("tenant", tenant.toString());
        c.put("tenantSlug", tenantSlug);
        c.put("mode", mode.name());
        c.put("asOf", asOf.toString());
        c.put("startedAt", startedAt.toString());
        c.put("finishedAt", finishedAt.toString());
        c.put("startedBy", startedBy);
        c.put("signingKey", signingKey);
        c.put("identifierHash", "SHA-256 of UTF-8 '<type>:<id>'; identifierDigest is their sum modulo 2^256, 64 hex digits");
        long total = 0;
        List<Object> results = new ArrayList<>();
        for (SweepClassResult r : classes) {
            Map<String, Object> m = new TreeMap<>();
            m.put("dataClass", r.dataClass().name());
            m.put("action", r.action().name());
            m.put("contributor", r.contributor());
            m.put("artifacts", r.artifacts());
            m.put("identifierDigest", r.identifierDigest());
            List<Object> rules = new ArrayList<>();
            for (RetentionPolicy p : policies.all()) {
                if (p.dataClass() == r.dataClass() && p.action() == r.action()) {
                    rules.add(new TreeMap<>(Map.of("retentionClass", p.retentionClass(), "jurisdiction", p.jurisdiction(),
                            "periodDays", p.periodDays())));
                }
            }
            m.put("policies", rules);
            results.add(m);
            total += r.artifacts();
        }
        c.put("classes", results);
        c.put("artifacts", total);
        try {
            return JSON.writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a certificate of strings and numbers always renders", e);
        }
    }
}
