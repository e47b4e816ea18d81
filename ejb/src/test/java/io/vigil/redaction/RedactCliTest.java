package io.vigil.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.redaction.cli.RedactCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedactCliTest {

    @Test
    void writesOnePredictionLinePerInputLine(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("in.jsonl");
        Path out = dir.resolve("out.jsonl");
        Files.write(in, List.of("{\"id\": \"a\", \"text\": \"my pin is one two three four\"}", "",
                "{\"id\": \"b\", \"text\": \"press one for sales\"}"));
        RedactCli.run(in, out);
        List<String> lines = Files.readAllLines(out);
        assertEquals(2, lines.size());
        ObjectMapper json = new ObjectMapper();
        JsonNode a = json.readTree(lines.get(0));
        assertEquals("a", a.path("id").asText());
        JsonNode pin = a.path("entities").get(0);
        assertEquals("PIN", pin.path("type").asText());
        assertEquals(10, pin.path("start").asInt());
        assertEquals(28, pin.path("end").asInt());
        assertEquals(0, json.readTree(lines.get(1)).path("entities").size());
    }
}
