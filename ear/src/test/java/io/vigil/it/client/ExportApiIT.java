package io.vigil.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The exports API with real tokens: legal only, bad input explained, another tenant's export is 404, download. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ExportApiIT {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern CALL_ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    private static String firstCalls(String token, int n) {
        HttpResponse<String> calls = TestStack.get("/api/v1/calls?limit=" + n, token);
        assertEquals(200, calls.statusCode(), calls.body());
        List<String> ids = new ArrayList<>();
        Matcher m = CALL_ID.matcher(calls.body());
        while (m.find() && ids.size() < n) {
            ids.add("\"" + m.group(1) + "\"");
        }
        return String.join(",", ids);
    }

    @Test
    void legalRequestsFollowsAndDownloadsItsExport() throws Exception {
        String legal = TestStack.userToken("acme-legal");
        String body = "{\"matter\":\"API matter\",\"callIds\":[" + firstCalls(legal, 2) + "],\"audio\":\"NONE\","
                + "\"contents\":[\"TRANSCRIPT\",\"FLAGS\"],\"prefix\":\"API\",\"start\":100}";
        HttpResponse<String> created = TestStack.postJson("/api/v1/exports", legal, body);
        assertEquals(202, created.statusCode(), created.body());
        Matcher id = ID.matcher(created.body());
        assertTrue(id.find());
        String exportId = id.group(1);

        // the export is built in the background: follow it as the console's progress bar does
        String state = "";
        for (int i = 0; i < 600 && !state.contains("\"state\":\"DONE\"") && !state.contains("FAILED"); i++) {
            Thread.sleep(200);
            state = TestStack.get("/api/v1/exports/" + exportId, legal).body();
        }
        assertTrue(state.contains("\"state\":\"DONE\""), state);

        HttpResponse<byte[]> bundle = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(TestStack.baseUrl() + "/api/v1/exports/" + exportId + "/bundle"))
                .header("Authorization", "Bearer " + legal).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, bundle.statusCode());
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bundle.body()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertTrue(names.contains("TEXT/API000100.txt") && names.contains("TEXT/API000101.vtt"), names.toString());
        assertTrue(names.contains("DATA/loadfile.dat") && names.contains("manifest.json.p7s"), names.toString());

        String otherTenant = TestStack.userToken("northwind-legal");
        assertEquals(404, TestStack.get("/api/v1/exports/" + exportId, otherTenant).statusCode());
        assertEquals(404, TestStack.get("/api/v1/exports/" + exportId + "/bundle", otherTenant).statusCode());
    }

    @Test
    void onlyLegalAndOnlyValidRequests() {
        String officer = TestStack.userToken("acme-compliance");
        assertEquals(403, TestStack.postJson("/api/v1/exports", officer, "{\"matter\":\"x\"}").statusCode());
        String legal = TestStack.userToken("acme-legal");
        HttpResponse<String> empty = TestStack.postJson("/api/v1/exports", legal, "{\"matter\":\"x\"}");
        assertEquals(400, empty.statusCode());
        assertTrue(empty.body().contains("Choose the calls"), empty.body());
        HttpResponse<String> original = TestStack.postJson("/api/v1/exports", legal,
                "{\"matter\":\"x\",\"from\":\"2020-01-01T00:00:00Z\",\"audio\":\"ORIGINAL\"}");
        assertEquals(400, original.statusCode());
        assertTrue(original.body().contains("justification"), original.body());
        HttpResponse<String> flac = TestStack.postJson("/api/v1/exports", legal,
                "{\"matter\":\"x\",\"from\":\"2020-01-01T00:00:00Z\",\"format\":\"FLAC\"}");
        assertEquals(400, flac.statusCode());
        assertTrue(flac.body().contains("MP3"), flac.body());
    }
}
