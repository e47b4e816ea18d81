package io.vigil.discovery.domain;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A Concordance DAT load file: UTF-8 with a byte-order mark, one header line of field names, one line per
 * document, every field wrapped in the text qualifier þ (U+00FE) and separated by ASCII 20 (U+0014), lines ending
 * in CR LF. Paths are relative to the bundle root with backslashes, as review platforms expect. A field value
 * never contains the qualifier, the separator or a line break (they are replaced by a space).
 *
 * <p>Fields: BEGBATES, ENDBATES (the same: one call is one document), CUSTODIAN, DATE (yyyy-MM-dd, UTC),
 * TIME (HH:mm:ss, UTC), DURATION (hh:mm:ss), AGENT, CHANNEL, NATIVEPATH, TEXTPATH, MD5HASH, SHA1HASH, SHA256HASH
 * (of the native, or of the text when there is no native), CONFIDENTIALITY.
 */
public final class ConcordanceDat implements AutoCloseable {

    public static final char QUALIFIER = '\u00fe';
    public static final char SEPARATOR = '\u0014';
    public static final List<String> FIELDS = List.of("BEGBATES", "ENDBATES", "CUSTODIAN", "DATE", "TIME", "DURATION",
            "AGENT", "CHANNEL", "NATIVEPATH", "TEXTPATH", "MD5HASH", "SHA1HASH", "SHA256HASH", "CONFIDENTIALITY");

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final OutputStream out;

    private ConcordanceDat(OutputStream out) throws IOException {
        this.out = out;
        out.write(BOM);
        line(FIELDS);
    }

    /** Starts a DAT file on {@code out}: writes the BOM and the header line. */
    public static ConcordanceDat to(OutputStream out) throws IOException {
        return new ConcordanceDat(out);
    }

    public void add(ExportDocument d) throws IOException {
        var hashed = d.nativeFile() != null ? d.nativeFile() : d.textFile();
        line(List.of(d.productionNumber(), d.productionNumber(), d.custodian(), DATE.format(d.startedAt()),
                TIME.format(d.startedAt()), TranscriptFiles.clock(d.durationMs(), false), d.agent(), d.channel(),
                windowsPath(d.nativeFile() == null ? "" : d.nativeFile().path()),
                windowsPath(d.textFile() == null ? "" : d.textFile().path()),
                hashed == null ? "" : hashed.md5(), hashed == null ? "" : hashed.sha1(),
                hashed == null ? "" : hashed.sha256(), d.confidentiality()));
    }

    private void line(List<String> values) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(SEPARATOR);
            }
            line.append(QUALIFIER).append(clean(values.get(i))).append(QUALIFIER);
        }
        line.append("\r\n");
        out.write(line.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String windowsPath(String path) {
        return path.isEmpty() ? "" : ".\\" + path.replace('/', '\\');
    }

    private static String clean(String value) {
        if (value == null) {
            return "";
        }
        return value.replace(QUALIFIER, ' ').replace(SEPARATOR, ' ').replace('\r', ' ').replace('\n', ' ');
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
