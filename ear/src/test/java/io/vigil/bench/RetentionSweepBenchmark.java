package io.vigil.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expires a million calls with the retention sweep of the running application and measures it, with the live path
 * measured beside it. Loads the calls (ended three years ago, each with a transcript line and an event) into the
 * tenant {@code northwind-health}, sets its rules so all of it is due (transcripts deleted, calls deleted), then
 * asks the API for a dry run and an apply as the tenant's administrator and times both to the end. Meanwhile a
 * second connection does what the media door does for every call (insert the LIVE row, then complete it), and its
 * latency is compared with the same work on an idle database. Run by {@code ./vigil bench retention}; prints a
 * Markdown table for docs/benchmarks.md.
 */
public final class RetentionSweepBenchmark {

    private static final String TENANT_SLUG = "northwind-health";
    private static final Pattern STATE = Pattern.compile("\"state\":\"([A-Z_]+)\"");
    private static final Pattern ID = Pattern.compile("^\\{\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern ARTIFACTS = Pattern.compile("\"artifacts\":(\\d+),\"certified\"");

    private final Map<String, String> opts;
    private final HttpClient http = HttpClient.newHttpClient();

    private RetentionSweepBenchmark(Map<String, String> opts) {
        this.opts = opts;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new RetentionSweepBenchmark(opts).run(Long.parseLong(opts.getOrDefault("calls", "1000000")));
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(opts.get("jdbc"), opts.getOrDefault("user", "vigil"),
                opts.getOrDefault("password", System.getenv("VIGIL_DB_PASSWORD")));
    }

    private void run(long calls) throws Exception {
        UUID tenant;
        try (Connection c = connect()) {
            tenant = uuid(c, "SELECT id FROM tenant WHERE slug = '" + TENANT_SLUG + "'");
            long due = scalar(c, "SELECT count(*) FROM call_session WHERE tenant_id = '" + tenant + "' AND ended_at < now() - interval '1000 days'");
            if (due < calls) {
                load(c, tenant, calls - due);
            }
            rules(c, tenant);
            System.out.printf("tenant %s: %,d calls due (%,d calls in all tenants)%n", TENANT_SLUG,
                    scalar(c, "SELECT count(*) FROM call_session WHERE tenant_id = '" + tenant + "' AND ended_at < now() - interval '1000 days'"),
                    scalar(c, "SELECT count(*) FROM call_session"));
        }
        String token = token();
        Percentiles idle = livePath(400, null);
        Instant asOf = Instant.now();
        long dryStart = System.nanoTime();
        String dry = sweep(token, "DRY_RUN", asOf);
        double drySeconds = (System.nanoTime() - dryStart) / 1e9;

        AtomicBoolean sweeping = new AtomicBoolean(true);
        List<Percentiles> during = new ArrayList<>();
        Thread live = new Thread(() -> {
            try {
                during.add(livePath(Integer.MAX_VALUE, sweeping));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long applyStart = System.nanoTime();
        live.start();
        String apply = sweep(token, "APPLY", asOf);
        double applySeconds = (System.nanoTime() - applyStart) / 1e9;
        sweeping.set(false);
        live.join();

        long dryArtifacts = artifacts(dry);
        long applied = artifacts(apply);
        System.out.println();
        System.out.println("| sweep | artifacts | calls expired | time (s) | artifacts/s |");
        System.out.println("|---|---|---|---|---|");
        System.out.printf("| dry run (lists what would go) | %,d | %,d | %.1f | %,.0f |%n", dryArtifacts, calls, drySeconds, dryArtifacts / drySeconds);
        System.out.printf("| apply (transcripts deleted, calls deleted) | %,d | %,d | %.1f | %,.0f |%n", applied, calls, applySeconds, applied / applySeconds);
        System.out.println();
        System.out.println(Percentiles.header());
        System.out.println(idle.row("live call row insert + complete, idle"));
        System.out.println(during.get(0).row("the same, during the apply"));
        System.out.println();
        System.out.println(dryArtifacts == applied ? "dry run and apply agree: " + applied + " artifacts"
                : "DISAGREEMENT: dry run " + dryArtifacts + ", apply " + applied);
    }

    /** Calls ended three years ago, each with a transcript line and an event, in batches of 100,000. */
    private static void load(Connection c, UUID tenant, long count) throws SQLException {
        System.out.printf("loading %,d calls to expire...%n", count);
        c.setAutoCommit(true);
        long chunk = 100_000;
        long t0 = System.nanoTime();
        for (long start = 1; start <= count; start += chunk) {
            long end = Math.min(count, start + chunk - 1);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMP TABLE IF NOT EXISTS bench_ids (id uuid, g bigint)");
                s.execute("TRUNCATE bench_ids");
                s.execute("INSERT INTO bench_ids SELECT gen_random_uuid(), g FROM generate_series(" + start + ", " + end + ") g");
                s.execute("INSERT INTO call_session (id, tenant_id, agent_profile_id, channel, caller_ref_hash, started_at,"
                        + " ended_at, duration_ms, status, consent_state, disclosure_state, retention_class, flag_count)"
                        + " SELECT b.id, '" + tenant + "', (SELECT id FROM agent_profile WHERE tenant_id = '" + tenant + "' LIMIT 1),"
                        + " 'PHONE', md5(b.g::text) || md5((b.g * 7)::text),"
                        + " now() - interval '1100 days' - make_interval(secs => b.g % 86400),"
                        + " now() - interval '1100 days' - make_interval(secs => b.g % 86400) + interval '60 seconds',"
                        + " 60000, 'COMPLETED', 'GIVEN', 'DELIVERED', 'standard', 0 FROM bench_ids b");
                s.execute("INSERT INTO transcript_segment (tenant_id, session_id, seq, speaker, start_ms, end_ms, text)"
                        + " SELECT '" + tenant + "', b.id, 0, 'CALLER', 0, 900, 'I would like to check my balance' FROM bench_ids b");
                s.execute("INSERT INTO session_event (tenant_id, session_id, type, at_ms, payload)"
                        + " SELECT '" + tenant + "', b.id, 'RESPONSE_DONE', 900, '{\"firstAudioMs\": 420}'::jsonb FROM bench_ids b");
            }
            System.out.printf("  %,d calls (%.0f s)%n", end, (System.nanoTime() - t0) / 1e9);
        }
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE call_session");
            s.execute("ANALYZE transcript_segment");
            s.execute("ANALYZE session_event");
        }
    }

    /** Everything of the tenant's standard calls is due after 1000 days; the calls themselves are deleted. */
    private static void rules(Connection c, UUID tenant) throws SQLException {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM retention_policy WHERE tenant_id = '" + tenant + "'");
            String[][] rules = {{"RAW_CALLER_AUDIO", "CRYPTO_SHRED"}, {"RAW_AGENT_AUDIO", "CRYPTO_SHRED"},
                {"REDACTED_AUDIO", "CRYPTO_SHRED"}, {"ORIGINAL_TRANSCRIPT", "CRYPTO_SHRED"}, {"REDACTED_TRANSCRIPT", "DELETE"},
                {"ANNOTATIONS", "DELETE"}, {"EXPORTS", "DELETE"}, {"SESSION_METADATA", "DELETE"}};
            for (String[] r : rules) {
                s.execute("INSERT INTO retention_policy (tenant_id, retention_class, data_class, jurisdiction, period_days,"
                        + " action, updated_by) VALUES ('" + tenant + "', 'standard', '" + r[0] + "', '*', 1000, '" + r[1]
                        + "', 'system:benchmark')");
            }
        }
    }

    /** What the media door does for each call: the LIVE row (with the legal-hold trigger), then its completion. */
    private Percentiles livePath(int samples, AtomicBoolean until) throws SQLException {
        List<Long> nanos = new ArrayList<>();
        try (Connection c = connect()) {
            c.setAutoCommit(true);
            UUID tenant = uuid(c, "SELECT id FROM tenant WHERE slug = 'acme-bank'");
            UUID agent = uuid(c, "SELECT id FROM agent_profile WHERE tenant_id = '" + tenant + "' LIMIT 1");
            for (int i = 0; i < samples && (until == null || until.get()); i++) {
                UUID call = UUID.randomUUID();
                long t0 = System.nanoTime();
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO call_session (id, tenant_id, agent_profile_id,"
                        + " channel, caller_ref_hash, started_at, status, consent_state, disclosure_state, retention_class,"
                        + " flag_count) VALUES (?, ?, ?, 'PHONE', ?, ?, 'LIVE', 'PENDING', 'PENDING', 'standard', 0)")) {
                    insert.setObject(1, call);
                    insert.setObject(2, tenant);
                    insert.setObject(3, agent);
                    insert.setString(4, "e".repeat(64));
                    insert.setTimestamp(5, Timestamp.from(Instant.now()));
                    insert.executeUpdate();
                }
                try (PreparedStatement complete = c.prepareStatement("UPDATE call_session SET ended_at = now(),"
                        + " duration_ms = 1000, status = 'COMPLETED' WHERE id = ? AND tenant_id = ?")) {
                    complete.setObject(1, call);
                    complete.setObject(2, tenant);
                    complete.executeUpdate();
                }
                nanos.add(System.nanoTime() - t0);
                try (PreparedStatement cleanup = c.prepareStatement("DELETE FROM call_session WHERE id = ?")) {
                    cleanup.setObject(1, call);
                    cleanup.executeUpdate();
                }
                if (until != null) {
                    Thread.sleep(50);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Percentiles(nanos.stream().mapToLong(Long::longValue).toArray());
    }

    private String token() throws Exception {
        String form = "grant_type=password&client_id=vigil-console&scope=openid&username=northwind-admin"
                + "&client_secret=" + URLEncoder.encode(System.getenv("VIGIL_BENCH_CLIENT_SECRET"), StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(System.getenv("VIGIL_BENCH_DEMO_PASSWORD"), StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(opts.get("issuer") + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("cannot sign in as northwind-admin: " + r.body());
        }
        return m.group(1);
    }

    /** Starts a sweep over the API and waits for its end; the token is refreshed if it expires meanwhile. */
    private String sweep(String token, String mode, Instant asOf) throws Exception {
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(opts.get("base-url") + "/api/v1/retention/sweeps"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"mode\":\"" + mode + "\",\"asOf\":\"" + asOf + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher id = ID.matcher(started.body());
        if (started.statusCode() != 202 || !id.find()) {
            throw new IllegalStateException("the sweep did not start: " + started.statusCode() + " " + started.body());
        }
        String body = started.body();
        String bearer = token;
        while (state(body).equals("RUNNING")) {
            Thread.sleep(1000);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(opts.get("base-url") + "/api/v1/retention/sweeps/"
                    + id.group(1))).header("Authorization", "Bearer " + bearer).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 401) {
                bearer = token();
                continue;
            }
            body = r.body();
        }
        if (!state(body).equals("COMPLETED")) {
            throw new IllegalStateException("the sweep ended " + body);
        }
        return body;
    }

    private static String state(String body) {
        Matcher m = STATE.matcher(body);
        return m.find() ? m.group(1) : "?";
    }

    private static long artifacts(String body) {
        Matcher m = ARTIFACTS.matcher(body);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static UUID uuid(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            if (!r.next()) {
                throw new IllegalStateException("nothing for " + sql + ": start the bench stack with its demo data");
            }
            return r.getObject(1, UUID.class);
        }
    }

    private static long scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
