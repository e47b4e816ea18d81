package io.vigil.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Times the ajax request PrimeFaces sends when a user jumps to a page of a console table (form {@code id:table}). */
final class FacesTablePaging {

    static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    private FacesTablePaging() {
    }

    /**
     * Opens {@code page} (e.g. {@code /calls.xhtml}) for its view state, then asks {@code samples} times (after a
     * fifth as many warm-up requests) for the 25 rows at {@code offset} of the table {@code form:table}; each answer
     * must contain {@code mustContain}.
     */
    static Percentiles deepPage(HttpClient http, String baseUrl, String page, String form, int offset, int samples,
                                String mustContain) throws IOException, InterruptedException {
        URI uri = URI.create(baseUrl + page);
        HttpResponse<String> opened = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = VIEW_STATE.matcher(opened.body());
        if (!m.find()) {
            throw new IllegalStateException("no view state on " + page);
        }
        String table = form + ":table";
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("jakarta.faces.partial.ajax", "true");
        fields.put("jakarta.faces.source", table);
        fields.put("jakarta.faces.partial.execute", table);
        fields.put("jakarta.faces.partial.render", table);
        fields.put(table, table);
        fields.put(table + "_pagination", "true");
        fields.put(table + "_first", Integer.toString(offset));
        fields.put(table + "_rows", "25");
        fields.put(table + "_skipChildren", "true");
        fields.put(table + "_encodeFeature", "true");
        fields.put(form, form);
        fields.put("jakarta.faces.ViewState", m.group(1));
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        long[] nanos = new long[samples];
        for (int i = -samples / 5; i < samples; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri)
                            .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                            .header("Faces-Request", "partial/ajax")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            long elapsed = System.nanoTime() - t0;
            if (r.statusCode() != 200 || !r.body().contains(mustContain)) {
                throw new IllegalStateException("deep page of " + page + " failed: HTTP " + r.statusCode() + " " + r.body());
            }
            if (i >= 0) {
                nanos[i] = elapsed;
            }
        }
        return new Percentiles(nanos);
    }
}
