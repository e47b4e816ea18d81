package io.vigil.discovery.domain;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.crypto.bundle.EntryDigest;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * {@code manifest.json}: what the bundle is and every file in it.
 *
 * <pre>
 * { "format": "vigil-ediscovery-bundle/1",
 *   "export": { ...who asked, when, the request as made... },
 *   "files": [ { "path": "NATIVES/VGL000001.wav", "size": 123, "sha256": "hex" }, ... ] }
 * </pre>
 *
 * Every file of the ZIP except the manifest and its signature is listed, in ZIP order. Written as a stream: the
 * file list never sits in memory.
 */
public final class BundleManifest implements AutoCloseable {

    public static final String FORMAT = "vigil-ediscovery-bundle/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonGenerator json;

    private BundleManifest(OutputStream out, Map<String, Object> export) throws IOException {
        json = new JsonFactory(JSON).createGenerator(out, JsonEncoding.UTF8);
        json.useDefaultPrettyPrinter();
        json.writeStartObject();
        json.writeStringField("format", FORMAT);
        json.writeFieldName("export");
        JSON.writeValue(json, export);
        json.writeArrayFieldStart("files");
    }

    /** Starts the manifest; {@code export} is written as given (use an ordered map for a stable layout). */
    public static BundleManifest to(OutputStream out, Map<String, Object> export) throws IOException {
        return new BundleManifest(out, export);
    }

    public void add(EntryDigest file) throws IOException {
        json.writeStartObject();
        json.writeStringField("path", file.path());
        json.writeNumberField("size", file.size());
        json.writeStringField("sha256", file.sha256());
        json.writeEndObject();
    }

    @Override
    public void close() throws IOException {
        json.writeEndArray();
        json.writeEndObject();
        json.writeRaw('\n');
        json.close();
    }
}
