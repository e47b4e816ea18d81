package io.vigil.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.crypto.audit.CheckpointKey;
import io.vigil.crypto.audit.InclusionProof;
import io.vigil.crypto.audit.ProofVerifier;
import io.vigil.crypto.audit.SignedCheckpoint;
import io.vigil.crypto.audit.TreeHasher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The audit API against real tokens: actions leave entries, proofs check out, and only the right roles get in. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditApiIT {

    private static final Pattern FIRST_ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

    private static Map<String, String> export(String token) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(TestStack.baseUrl() + "/api/v1/audit/export"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static Optional<String> line(String jsonl, String... parts) {
        return jsonl.lines().filter(l -> List.of(parts).stream().allMatch(l::contains)).reduce((a, b) -> b);
    }

    private static String ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    /** A string member of a flat JSON object, unescaped (the client side has no JSON library). */
    private static String text(String json, String name) {
        int at = json.indexOf("\"" + name + "\":\"");
        assertTrue(at >= 0, name + " in " + json);
        StringBuilder value = new StringBuilder();
        for (int i = at + name.length() + 4; json.charAt(i) != '"'; i++) {
            char c = json.charAt(i);
            if (c == '\\') {
                char e = json.charAt(++i);
                switch (e) {
                    case 'n' -> value.append('\n');
                    case 'u' -> {
                        value.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> value.append(e);
                }
            } else {
                value.append(c);
            }
        }
        return value.toString();
    }

    private static long number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
        assertTrue(m.find(), name + " in " + json);
        return Long.parseLong(m.group(1));
    }

    @Test
    void viewingACallThroughTheApiLeavesAProvableEntry() throws Exception {
        String token = TestStack.userToken("acme-compliance");
        HttpResponse<String> list = TestStack.get("/api/v1/calls?limit=3", token);
        Matcher id = FIRST_ID.matcher(list.body());
        assertTrue(id.find(), list.body());
        String callId = id.group(1);
        assertEquals(200, TestStack.get("/api/v1/calls/" + callId, token).statusCode());

        Map<String, String> export = export(token);
        String entry = line(export.get("entries.jsonl"), "\"action\":\"call.view\"", "\"object_id\":\"" + callId + "\"",
                "\"outcome\":\"success\"", "\"via\":\"api\"").orElseThrow(() -> new AssertionError(
                "no call.view entry for " + callId + " in the tenant's export"));
        assertTrue(entry.contains("\"actor\":\"user:"), entry);
        assertTrue(entry.contains("\"actor_name\":\"acme-compliance\""), entry);
        assertTrue(export.get("checkpoint.txt").contains("\n\n\u2014 "), "a signed note");
        long seq = Long.parseLong(SEQ.matcher(entry).results().findFirst().orElseThrow().group(1));

        String checkpoint = ok(TestStack.get("/api/v1/audit/checkpoint", token));
        CheckpointKey key = CheckpointKey.fromPem(text(checkpoint, "publicKey"));
        SignedCheckpoint signed = SignedCheckpoint.parse(text(checkpoint, "note"));
        assertTrue(signed.verifiedBy(key));
        long size = number(checkpoint, "size");
        assertTrue(size > seq, "the checkpoint covers the entry");

        String proof = ok(TestStack.get("/api/v1/audit/proof/inclusion?seq=" + seq + "&size=" + size, token));
        String proofEntry = text(proof, "entry");
        String canonical = proofEntry.substring("{\"entry\":".length(), proofEntry.lastIndexOf(",\"leaf_hash\""));
        byte[] leaf = TreeHasher.create().leaf(canonical.getBytes(StandardCharsets.UTF_8));
        Matcher pathText = Pattern.compile("\"path\":\\[([^\\]]*)]").matcher(proof);
        assertTrue(pathText.find(), proof);
        List<byte[]> path = Pattern.compile("\"([^\"]+)\"").matcher(pathText.group(1)).results()
                .map(m -> Base64.getDecoder().decode(m.group(1))).toList();
        assertTrue(ProofVerifier.create().verifyInclusion(new InclusionProof(seq, size, path), leaf,
                signed.checkpoint().root()), "the entry is in the signed tree");

        String northwind = TestStack.userToken("northwind-compliance");
        assertEquals(404, TestStack.get("/api/v1/audit/proof/inclusion?seq=" + seq + "&size=" + size, northwind).statusCode(),
                "another tenant's entry is not shown");
        // northwind's own refused attempt at this call (ApiSecurityIT) is northwind's entry; acme's view is not
        assertTrue(line(export(northwind).get("entries.jsonl"), "\"seq\":" + seq + ",").isEmpty(),
                "nor exported to another tenant");
    }

    @Test
    void refusedApiCallsAreAudited() throws Exception {
        String agent = TestStack.agentToken("acme-bank-agent", "VIGIL_AGENT_SECRET_ACME");
        assertEquals(403, TestStack.get("/api/v1/calls?limit=1", agent).statusCode());
        String entries = export(TestStack.userToken("acme-admin")).get("entries.jsonl");
        assertTrue(line(entries, "\"action\":\"api.access\"", "\"actor\":\"client:acme-bank-agent\"", "\"status\":\"403\"",
                "\"outcome\":\"denied\"").isPresent(), "the refused call is in the tenant's log");
    }

    @Test
    void onlyAdministratorsAndComplianceOfficersReachTheAuditApi() {
        String path = "/api/v1/audit/proof/consistency?from=0&to=0";
        HttpResponse<String> anonymous = TestStack.get(path, null);
        assertEquals(401, anonymous.statusCode());
        assertEquals(401, TestStack.get("/api/v1/audit/checkpoint", "not-a-token").statusCode());
        for (String user : List.of("acme-supervisor", "acme-legal", "acme-security")) {
            assertEquals(403, TestStack.get(path, TestStack.userToken(user)).statusCode(), user);
            assertEquals(403, TestStack.get("/api/v1/audit/export", TestStack.userToken(user)).statusCode(), user);
        }
        assertEquals(403, TestStack.get(path, TestStack.agentToken("acme-bank-agent", "VIGIL_AGENT_SECRET_ACME")).statusCode());
        assertEquals(200, TestStack.get(path, TestStack.userToken("acme-admin")).statusCode());
        assertEquals(200, TestStack.get(path, TestStack.userToken("northwind-compliance")).statusCode());
        assertEquals(400, TestStack.get("/api/v1/audit/proof/consistency?from=2&to=1", TestStack.userToken("acme-admin"))
                .statusCode());
    }
}
