package io.vigil.redaction.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.redaction.DetectedEntity;
import io.vigil.redaction.RedactionEngine;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Batch detection. {@code RedactCli --in input.jsonl --out predictions.jsonl}: reads lines
 * {@code {"id": "...", "text": "..."}} and writes {@code {"id": "...", "entities": [{"type", "start", "end",
 * "score"}]}} with character offsets into text, end exclusive. Exit code 2 on bad arguments or input.
 */
public final class RedactCli {

    private RedactCli() {
    }

    public static void main(String[] args) throws IOException {
        Path in = null;
        Path out = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--in" -> in = Path.of(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                default -> in = null;
            }
        }
        if (in == null || out == null || args.length != 4) {
            System.err.println("usage: RedactCli --in input.jsonl --out predictions.jsonl");
            System.exit(2);
            return;
        }
        run(in, out);
    }

    /** Processes one file; a malformed line stops the run with its line number. */
    public static void run(Path in, Path out) throws IOException {
        RedactionEngine engine = RedactionEngine.createDefault();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader r = Files.newBufferedReader(in, StandardCharsets.UTF_8);
             BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            int lineNo = 0;
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = json.readTree(line);
                } catch (IOException e) {
                    throw new IOException(in + " line " + lineNo + " is not JSON: " + e.getMessage(), e);
                }
                if (!node.path("text").isTextual()) {
                    throw new IOException(in + " line " + lineNo + " has no \"text\" string");
                }
                ObjectNode o = json.createObjectNode();
                o.set("id", node.path("id"));
                ArrayNode entities = o.putArray("entities");
                for (DetectedEntity e : engine.detect(node.path("text").asText())) {
                    entities.addObject().put("type", e.type().name()).put("start", e.start()).put("end", e.end())
                            .put("score", e.score());
                }
                w.write(json.writeValueAsString(o));
                w.newLine();
            }
        }
    }
}
