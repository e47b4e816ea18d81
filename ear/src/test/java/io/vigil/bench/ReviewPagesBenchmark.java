package io.vigil.bench;

import io.vigil.review.domain.FlagQueueQuery;
import io.vigil.review.domain.FlagQueueReader;
import io.vigil.session.domain.FlagReason;
import io.vigil.session.domain.Severity;
import java.io.IOException;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The review pages at scale: a tenant with a million calls and a hundred thousand open flags (loaded once), then
 * the flag queue (its SQL with and without filters, the page over HTTP, first and deep) and the call page of
 * flagged calls, as a compliance officer signed in through the identity provider. Times are round trips on the
 * same machine, so they bound the server's time. Run by {@code ./vigil bench review}; prints a Markdown table.
 */
public final class ReviewPagesBenchmark {

    private static final String TENANT_SLUG = "acme-bank";
    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>");
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new LoopbackCookies())
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    /**
     * Cookies per host, Secure ones included: the identity provider marks its login cookies Secure, which browsers
     * send to localhost over plain HTTP and the JDK's CookieManager does not.
     */
    static final class LoopbackCookies extends java.net.CookieHandler {
        private final Map<String, Map<String, String>> byHost = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) {
            Map<String, String> cookies = byHost.getOrDefault(uri.getHost() + ":" + uri.getPort(), Map.of());
            return cookies.isEmpty() ? Map.of() : Map.of("Cookie", List.of(cookies.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "))));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) {
            Map<String, String> cookies = byHost.computeIfAbsent(uri.getHost() + ":" + uri.getPort(),
                    h -> new java.util.concurrent.ConcurrentHashMap<>());
            headers.forEach((name, values) -> {
                if ("set-cookie".equalsIgnoreCase(name)) {
                    for (String v : values) {
                        String pair = v.split(";", 2)[0];
                        int eq = pair.indexOf('=');
                        if (eq > 0) {
                            String value = pair.substring(eq + 1);
                            if (value.isEmpty() || v.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                                cookies.remove(pair.substring(0, eq).strip());
                            } else {
                                cookies.put(pair.substring(0, eq).strip(), value);
                            }
                        }
                    }
                }
            });
        }
    }

    private ReviewPagesBenchmark(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int calls = Integer.parseInt(opts.getOrDefault("calls", "1000000"));
        int flags = Integer.parseInt(opts.getOrDefault("flags", "100000"));
        int samples = Integer.parseInt(opts.getOrDefault("samples", "200"));
        ReviewPagesBenchmark bench = new ReviewPagesBenchmark(opts.get("base-url"));
        try (Connection c = DriverManager.getConnection(opts.get("jdbc"), opts.getOrDefault("user", "vigil"),
                opts.getOrDefault("password", System.getenv("VIGIL_DB_PASSWORD")))) {
            bench.run(c, calls, flags, samples, opts.getOrDefault("username", "acme-compliance"),
                    System.getenv("VIGIL_DEMO_PASSWORD"));
        }
    }

    private void run(Connection c, int calls, int flags, int samples, String username, String password)
            throws Exception {
        UUID tenant = (UUID) single(c, "SELECT id FROM tenant WHERE slug = ?", TENANT_SLUG);
        long existing = ((Number) single(c, "SELECT count(*) FROM call_session WHERE tenant_id = ?", tenant)).longValue();
        if (existing < calls) {
            CallsPageBenchmark.load(c, tenant, calls - existing);
        }
        long open = openFlags(c, tenant);
        if (open < flags) {
            loadFlags(c, tenant, flags - open);
            open = openFlags(c, tenant);
        }
        System.out.printf("tenant %s: %,d calls, %,d open flags%n", TENANT_SLUG,
                ((Number) single(c, "SELECT count(*) FROM call_session WHERE tenant_id = ?", tenant)).longValue(), open);
        UUID agent = (UUID) single(c, "SELECT id FROM agent_profile WHERE tenant_id = ? ORDER BY name, version LIMIT 1",
                tenant);
        int deep = (int) (open * 9 / 10) / 25 * 25;

        List<String> rows = new ArrayList<>();
        rows.add(sql(c, tenant, FlagQueueQuery.openWork(25), samples).row("SQL queue: count + first page"));
        rows.add(sql(c, tenant, FlagQueueQuery.openWork(25).page(deep, 25), samples)
                .row("SQL queue: count + page at offset " + deep));
        rows.add(sql(c, tenant, FlagQueueQuery.openWork(25).severity(Severity.HIGH), samples)
                .row("SQL queue: severity HIGH"));
        rows.add(sql(c, tenant, FlagQueueQuery.openWork(25).reason(FlagReason.PROMPT_INJECTION), samples)
                .row("SQL queue: reason filter"));
        rows.add(sql(c, tenant, FlagQueueQuery.openWork(25).agent(agent), samples).row("SQL queue: agent filter"));
        rows.add(sql(c, tenant, FlagQueueQuery.openWork(25).unassigned(), samples).row("SQL queue: unassigned"));
        rows.add(sql(c, tenant, FlagQueueQuery.openWork(25).overdue(true), samples).row("SQL queue: overdue only"));

        signIn(username, password);
        rows.add(httpGet("/review/queue.xhtml", samples / 2, "vigil-badge").row("HTTP GET queue page (full render)"));
        rows.add(queueAjaxPage(deep, samples / 2).row("HTTP ajax queue page at offset " + deep));
        List<String> callPages = flaggedCallPages(c, tenant, 50);
        rows.add(httpGetEach(callPages, samples / 2, "id=\"review\"").row("HTTP GET call page of a flagged call"));
        System.out.println();
        System.out.println(Percentiles.header());
        rows.forEach(System.out::println);
    }

    private static long openFlags(Connection c, UUID tenant) throws SQLException {
        return ((Number) single(c, "SELECT count(*) FROM flag WHERE tenant_id = ?"
                + " AND state IN ('OPEN', 'IN_REVIEW', 'PENDING_APPROVAL')", tenant)).longValue();
    }

    /** Open flags on unflagged synthetic calls: every reason and severity, due times from severity, a tenth overdue. */
    private static void loadFlags(Connection c, UUID tenant, long count) throws SQLException {
        System.out.printf("loading %,d open flags...%n", count);
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(true);
        try (PreparedStatement ps = c.prepareStatement("WITH picked AS (SELECT id, started_at, row_number() OVER () AS n"
                + " FROM call_session WHERE tenant_id = ? AND flag_count = 0 LIMIT ?),"
                + " raised AS (INSERT INTO flag (id, tenant_id, session_id, reason, severity, state, evidence, at_ms,"
                + " raised_at, due_at) SELECT gen_random_uuid(), ?, p.id,"
                + " (ARRAY['RISKY_INTENT','PROMPT_INJECTION','MISSING_CONSENT','MISSING_DISCLOSURE','AGENT_SPOKE_PII',"
                + "'HIGH_RISK_TOOL_CALL','ABNORMAL_LATENCY','RECORDING_FAILURE'])[1 + p.n % 8],"
                + " s.sev, 'OPEN', 'synthetic evidence ' || p.n, (p.n % 30) * 1000,"
                + " now() - make_interval(hours => (p.n % 400)::int),"
                + " now() - make_interval(hours => (p.n % 400)::int) + s.window"
                + " FROM picked p CROSS JOIN LATERAL (SELECT (ARRAY['LOW','MEDIUM','HIGH','CRITICAL'])[1 + p.n % 4] AS sev,"
                + " (ARRAY[interval '7 days', interval '3 days', interval '24 hours', interval '4 hours'])[1 + p.n % 4]"
                + " AS window) s RETURNING session_id)"
                + " UPDATE call_session SET flag_count = flag_count + 1 WHERE id IN (SELECT session_id FROM raised)")) {
            ps.setObject(1, tenant);
            ps.setLong(2, count);
            ps.setObject(3, tenant);
            ps.executeUpdate();
        }
        try (Statement st = c.createStatement()) {
            st.execute("VACUUM ANALYZE flag");
            st.execute("VACUUM ANALYZE call_session");
        }
        c.setAutoCommit(autoCommit);
    }

    private static Percentiles sql(Connection c, UUID tenant, FlagQueueQuery query, int samples) {
        FlagQueueReader reader = new FlagQueueReader((sql, parameters) -> rows(c, sql, parameters));
        long[] nanos = new long[samples];
        for (int i = -samples / 5; i < samples; i++) {
            long t0 = System.nanoTime();
            Instant now = Instant.now();
            reader.count(tenant, query, now);
            if (reader.page(tenant, query, now).isEmpty()) {
                throw new IllegalStateException("an empty queue page for " + query);
            }
            if (i >= 0) {
                nanos[i] = System.nanoTime() - t0;
            }
        }
        return new Percentiles(nanos);
    }

    /** Call pages as the queue opens them, for demo calls (transcripts, events, recordings) and synthetic ones. */
    private List<String> flaggedCallPages(Connection c, UUID tenant, int count) throws SQLException {
        List<String> pages = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("(SELECT f.session_id, f.id, f.at_ms FROM flag f"
                + " WHERE f.tenant_id = ? AND EXISTS (SELECT 1 FROM transcript_segment s WHERE s.session_id = f.session_id)"
                + " ORDER BY f.raised_at DESC LIMIT ?) UNION ALL (SELECT f.session_id, f.id, f.at_ms FROM flag f"
                + " WHERE f.tenant_id = ? AND f.evidence LIKE 'synthetic%' ORDER BY f.due_at LIMIT ?)")) {
            ps.setObject(1, tenant);
            ps.setInt(2, count / 2);
            ps.setObject(3, tenant);
            ps.setInt(4, count - count / 2);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pages.add("/call.xhtml?id=" + rs.getObject(1) + "&flag=" + rs.getObject(2) + "&t=" + rs.getInt(3));
                }
            }
        }
        return pages;
    }

    /** Signs in at the identity provider's login form, as the browser does; the session cookie stays in the client. */
    private void signIn(String username, String password) throws IOException, InterruptedException {
        if (password == null) {
            throw new IllegalStateException("set VIGIL_DEMO_PASSWORD to the demo users' password");
        }
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/review/queue.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher form = LOGIN_FORM.matcher(page.body());
        if (!form.find()) {
            return;
        }
        Matcher action = ACTION.matcher(form.group());
        if (!action.find()) {
            throw new IllegalStateException("the login form has no action");
        }
        String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 200 || !signedIn.uri().toString().startsWith(baseUrl)) {
            throw new IllegalStateException("sign-in as " + username + " failed: HTTP " + signedIn.statusCode() + " at "
                    + signedIn.uri());
        }
    }

    private Percentiles httpGet(String path, int samples, String mustContain) throws IOException, InterruptedException {
        return httpGetEach(List.of(path), samples, mustContain);
    }

    private Percentiles httpGetEach(List<String> paths, int samples, String mustContain)
            throws IOException, InterruptedException {
        long[] nanos = new long[samples];
        for (int i = -samples / 5; i < samples; i++) {
            String path = paths.get(Math.floorMod(i, paths.size()));
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            long elapsed = System.nanoTime() - t0;
            if (r.statusCode() != 200 || !r.body().contains(mustContain)) {
                throw new IllegalStateException(path + " failed: HTTP " + r.statusCode() + " at " + r.uri());
            }
            if (i >= 0) {
                nanos[i] = elapsed;
            }
        }
        return new Percentiles(nanos);
    }

    /** The request PrimeFaces sends when a reviewer jumps to a page of the queue. */
    private Percentiles queueAjaxPage(int offset, int samples) throws IOException, InterruptedException {
        return FacesTablePaging.deepPage(http, baseUrl, "/review/queue.xhtml", "queue", offset, samples, "call-link");
    }

    private static Object single(Connection c, String sql, Object parameter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("nothing for " + sql + " (start with demo data)");
                }
                return rs.getObject(1);
            }
        }
    }

    private static List<Object[]> rows(Connection c, String sql, List<Object> parameters) {
        return CallsPageBenchmark.rows(c, sql, parameters);
    }
}
