package io.vigil.review.domain;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The two file formats of an annotation export.
 * <ul>
 *   <li>CSV (RFC 4180, UTF-8, CRLF, a header row): annotation_id, call_id, call_started_at, agent_profile,
 *       agent_version, upstream_model, category, category_label, severity, start_ms, end_ms, note, author,
 *       created_at, updated_at. A cell that a spreadsheet would run as a formula (starting with =, +, -, @, tab or
 *       carriage return) is prefixed with an apostrophe, since notes are free text.</li>
 *   <li>JSON: {@code {"annotations": [{...}]}} with the same fields in camelCase, times as ISO-8601 instants.</li>
 * </ul>
 */
public enum AnnotationExportFormat {
    CSV("text/csv; charset=UTF-8", "csv"),
    JSON("application/json", "json");

    static final List<String> CSV_HEADER = List.of("annotation_id", "call_id", "call_started_at", "agent_profile",
            "agent_version", "upstream_model", "category", "category_label", "severity", "start_ms", "end_ms", "note",
            "author", "created_at", "updated_at");

    private final String mediaType;
    private final String extension;

    AnnotationExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() { return mediaType; }
    public String extension() { return extension; }

    /** "csv" or "json", any case; anything else is refused with what to write instead. */
    public static AnnotationExportFormat parse(String value) {
        if (value != null) {
            for (AnnotationExportFormat f : values()) {
                if (f.extension.equals(value.strip().toLowerCase(Locale.ROOT))) {
                    return f;
                }
            }
        }
        throw new ReviewInputException("format must be csv or json");
    }

    public void write(List<ExportedAnnotation> rows, OutputStream out) {
        try {
            if (this == CSV) {
                writeCsv(rows, out);
            } else {
                writeJson(rows, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeCsv(List<ExportedAnnotation> rows, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        line(w, CSV_HEADER);
        for (ExportedAnnotation a : rows) {
            line(w, List.of(a.annotationId().toString(), a.callId().toString(), a.callStartedAt().toString(),
                    a.agentProfile(), Integer.toString(a.agentVersion()), a.upstreamModel(), a.category(),
                    a.categoryLabel(), a.severity(), Integer.toString(a.startMs()), Integer.toString(a.endMs()),
                    a.note() == null ? "" : a.note(), a.authorName(), a.createdAt().toString(),
                    a.updatedAt().toString()));
        }
        w.flush();
    }

    private static void line(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(csvCell(cells.get(i)));
        }
        w.write("\r\n");
    }

    static String csvCell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    private static void writeJson(List<ExportedAnnotation> rows, OutputStream out) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeArrayFieldStart("annotations");
            for (ExportedAnnotation a : rows) {
                g.writeStartObject();
                g.writeStringField("annotationId", a.annotationId().toString());
                g.writeStringField("callId", a.callId().toString());
                g.writeStringField("callStartedAt", a.callStartedAt().toString());
                g.writeStringField("agentProfile", a.agentProfile());
                g.writeNumberField("agentVersion", a.agentVersion());
                g.writeStringField("upstreamModel", a.upstreamModel());
                g.writeStringField("category", a.category());
                g.writeStringField("categoryLabel", a.categoryLabel());
                g.writeStringField("severity", a.severity());
                g.writeNumberField("startMs", a.startMs());
                g.writeNumberField("endMs", a.endMs());
                if (a.note() == null) {
                    g.writeNullField("note");
                } else {
                    g.writeStringField("note", a.note());
                }
                g.writeStringField("author", a.authorName());
                g.writeStringField("createdAt", a.createdAt().toString());
                g.writeStringField("updatedAt", a.updatedAt().toString());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
