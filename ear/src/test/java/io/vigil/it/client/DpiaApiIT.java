package io.vigil.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The DPIA and records-of-processing API with real tokens: the PDFs render and carry the facts pre-filled from the
 * demo tenant's configuration (its agents' models, retention periods, keys, redaction); only compliance, legal and
 * admin get in; another tenant's DPIA is a 404.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DpiaApiIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern FIRST_ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    private static HttpResponse<byte[]> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestStack.baseUrl() + "/api/v1/" + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String pdfText(HttpResponse<byte[]> response) throws IOException {
        assertEquals(200, response.statusCode(), new String(response.body()));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"));
        try (PDDocument doc = Loader.loadPDF(response.body())) {
            assertTrue(doc.getNumberOfPages() >= 3, "a title page and sections");
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    private static String acmeDpiaId(String token) throws IOException, InterruptedException {
        HttpResponse<byte[]> list = get("dpia", token);
        assertEquals(200, list.statusCode());
        Matcher m = FIRST_ID.matcher(new String(list.body()));
        assertTrue(m.find(), "the demo tenant has a DPIA: " + new String(list.body()));
        return m.group(1);
    }

    @Test
    void theRecordsOfProcessingPdfCarriesThePrefilledFacts() throws Exception {
        String text = pdfText(get("records-of-processing/pdf", TestStack.userToken("acme-legal")));
        for (String expected : List.of("Records of processing activities", "Acme Bank",
                "AI voice agent for card and account support", "dpo@acme-bank.example",
                // from the live configuration: the demo agents' models, retention, keys, redaction
                "gpt-realtime", "the embedded agent inside Vigil", "raw caller audio", "90 days", "crypto-shred",
                "audio", "bcfks", "CREDIT_CARD", "Page 1 of")) {
            assertTrue(text.contains(expected), "missing '" + expected + "' in: " + text);
        }
        assertTrue(!text.contains("Northwind"), "only the caller's tenant");
    }

    @Test
    void aDpiaPdfRendersWithItsSectionsAndFacts() throws Exception {
        String token = TestStack.userToken("acme-compliance");
        String text = pdfText(get("dpia/" + acmeDpiaId(token) + "/pdf", token));
        for (String expected : List.of("Data protection impact assessment", "Acme Bank", "1. Context",
                "2. Fundamental principles", "3. Risks", "Risk map", "4. Validation", "Configuration facts",
                "Upstream model of agent", "Retention of raw caller audio", "Key provider of the audio key")) {
            assertTrue(text.contains(expected), "missing '" + expected + "' in: " + text);
        }
    }

    @Test
    void onlyComplianceLegalAndAdminGetInAndOnlyToTheirTenant() throws Exception {
        String acmeDpia = acmeDpiaId(TestStack.userToken("acme-admin"));
        String supervisor = TestStack.userToken("acme-supervisor");
        assertEquals(403, get("dpia", supervisor).statusCode());
        assertEquals(403, get("records-of-processing/pdf", supervisor).statusCode());
        assertEquals(401, get("dpia/" + acmeDpia + "/pdf", null).statusCode());

        String northwind = TestStack.userToken("northwind-compliance");
        assertEquals(404, get("dpia/" + acmeDpia + "/pdf", northwind).statusCode());
        assertEquals(404, get("dpia/" + acmeDpia, northwind).statusCode());
        assertEquals(404, get("dpia/not-a-uuid/pdf", northwind).statusCode());
        assertEquals(200, get("dpia/" + acmeDpia, TestStack.userToken("acme-legal")).statusCode());
    }
}
