package io.vigil.bench;

import io.vigil.session.domain.CallListReader;
import io.vigil.session.domain.CallQuery;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Loads a tenant with a million calls and measures the calls list: the database query the console runs (count and
 * page, as the console does) and the page itself over HTTP, for the first page and a page 90% deep.
 * Run by {@code ./vigil bench calls}; prints a Markdown table for docs/benchmarks.md.
 */
public final class CallsPageBenchmark {

    private static final String TENANT_SLUG = "acme-bank";

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();

    private CallsPageBenchmark(String jdbcUrl, String user, String password, String baseUrl) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.baseUrl = baseUrl;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int calls = Integer.parseInt(opts.getOrDefault("calls", "1000000"));
        int samples = Integer.parseInt(opts.getOrDefault("samples", "200"));
        CallsPageBenchmark bench = new CallsPageBenchmark(opts.get("jdbc"), opts.getOrDefault("user", "vigil"),
                opts.getOrDefault("password", System.getenv("VIGIL_DB_PASSWORD")), opts.get("base-url"));
        bench.run(calls, samples);
    }

    private void run(int calls, int samples) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
            UUID tenant = tenantId(c);
            long existing = countCalls(c, tenant);
            if (existing < calls) {
                load(c, tenant, calls - existing);
            }
            long total = countCalls(c, tenant);
            System.out.printf("tenant %s holds %,d calls (%,d calls in all tenants)%n", TENANT_SLUG, total,
                    scalar(c, "SELECT count(*) FROM call_session"));
            int deep = (int) (total * 9 / 10) / 25 * 25;
            List<String> rows = new ArrayList<>();
            rows.add(sql(c, tenant, CallQuery.firstPage(25), samples).row("SQL count + first page"));
            rows.add(sql(c, tenant, CallQuery.firstPage(25).page(deep, 25), samples)
                    .row("SQL count + page at offset " + deep));
            rows.add(sql(c, tenant, CallQuery.firstPage(25).flagged(true), samples).row("SQL count + first page, flagged only"));
            rows.add(httpFirstPage(samples / 2).row("HTTP GET calls page (first page, full render)"));
            rows.add(httpDeepPage(deep, samples / 2).row("HTTP ajax page at offset " + deep));
            System.out.println();
            System.out.println(Percentiles.header());
            rows.forEach(System.out::println);
        }
    }

    private static UUID tenantId(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM tenant WHERE slug = ?")) {
            ps.setString(1, TENANT_SLUG);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("the demo tenant " + TENANT_SLUG + " is missing; start with demo data");
                }
                return (UUID) rs.getObject(1);
            }
        }
    }

    private static long countCalls(Connection c, UUID tenant) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM call_session WHERE tenant_id = ?")) {
            ps.setObject(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long scalar(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Synthetic calls over the past year, spread over the tenant's agents and channels, a few percent flagged. */
    static void load(Connection c, UUID tenant, long count) throws SQLException {
        System.out.printf("loading %,d calls...%n", count);
        String insert = "INSERT INTO call_session (id, tenant_id, agent_profile_id, channel, caller_ref_hash,"
                + " started_at, ended_at, duration_ms, status, consent_state, disclosure_state, retention_class, flag_count)"
                + " SELECT gen_random_uuid(), ?, (SELECT id FROM agent_profile WHERE tenant_id = ? ORDER BY id"
                + "   OFFSET (g % (SELECT count(*) FROM agent_profile WHERE tenant_id = ?)) LIMIT 1),"
                + " (ARRAY['PHONE','PHONE','PHONE','REALTIME_API','BROWSER'])[1 + g % 5],"
                + " md5(g::text) || md5((g * 7)::text),"
                + " now() - make_interval(secs => (g * 31.0) % 31536000),"
                + " now() - make_interval(secs => (g * 31.0) % 31536000) + make_interval(secs => 30 + g % 600),"
                + " (30 + g % 600) * 1000, 'COMPLETED', 'GIVEN', 'DELIVERED', 'standard',"
                + " CASE WHEN g % 23 = 0 THEN 1 ELSE 0 END"
                + " FROM generate_series(?::bigint, ?::bigint) AS g";
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(true);
        long chunk = 100_000;
        for (long start = 1; start <= count; start += chunk) {
            long end = Math.min(count, start + chunk - 1);
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                ps.setObject(1, tenant);
                ps.setObject(2, tenant);
                ps.setObject(3, tenant);
                ps.setLong(4, start);
                ps.setLong(5, end);
                ps.executeUpdate();
            }
            System.out.printf("  %,d / %,d%n", end, count);
        }
        try (Statement st = c.createStatement()) {
            // fresh statistics and a visibility map, as autovacuum would give a table that has settled
            st.execute("VACUUM ANALYZE call_session");
        }
        c.setAutoCommit(autoCommit);
    }

    /** Count and page exactly as the console's CallCatalog does, over JDBC. */
    private static Percentiles sql(Connection c, UUID tenant, CallQuery query, int samples) {
        CallListReader reader = new CallListReader((sql, parameters) -> rows(c, sql, parameters));
        long[] nanos = new long[samples];
        for (int i = -samples / 5; i < samples; i++) {
            long t0 = System.nanoTime();
            reader.count(tenant, query);
            int rows = reader.page(tenant, query).size();
            if (rows != query.limit()) {
                throw new IllegalStateException("expected a full page, got " + rows + " rows");
            }
            if (i >= 0) {
                nanos[i] = System.nanoTime() - t0;
            }
        }
        return new Percentiles(nanos);
    }

    /** The rows of {@code sql} with its parameters, as object arrays (the other page benchmarks use it too). */
    static List<Object[]> rows(Connection c, String sql, List<Object> parameters) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                ps.setObject(i + 1, parameters.get(i));
            }
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int k = 0; k < columns; k++) {
                        row[k] = rs.getObject(k + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Percentiles httpFirstPage(int samples) throws IOException, InterruptedException {
        long[] nanos = new long[samples];
        for (int i = -samples / 5; i < samples; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/calls.xhtml")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200 || !r.body().contains("1–25 of")) {
                throw new IllegalStateException("calls page failed: HTTP " + r.statusCode());
            }
            if (i >= 0) {
                nanos[i] = System.nanoTime() - t0;
            }
        }
        return new Percentiles(nanos);
    }

    /** The request PrimeFaces sends when a user jumps to a page of the calls table. */
    private Percentiles httpDeepPage(int offset, int samples) throws IOException, InterruptedException {
        return FacesTablePaging.deepPage(http, baseUrl, "/calls.xhtml", "calls", offset, samples, "call-link");
    }
}
