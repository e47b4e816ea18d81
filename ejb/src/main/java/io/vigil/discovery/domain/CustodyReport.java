package io.vigil.discovery.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.crypto.audit.AuditExport;
import io.vigil.crypto.audit.AuditFormatException;
import io.vigil.crypto.audit.ExportedEntry;
import io.vigil.crypto.audit.InclusionProof;
import io.vigil.crypto.audit.ProofVerifier;
import io.vigil.crypto.audit.SignedCheckpoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The chain-of-custody report (PDF): the request and who made it, the authorisations (the requester's role, the
 * justification for unredacted audio, the legal hold), the signed audit checkpoint, and every audit entry about the
 * exported calls in log order, each with the result of checking its inclusion proof against that checkpoint
 * (checked here, when the report is written; the verifier checks them again from AUDIT/). Pages are streamed to a
 * scratch file, so the report's size does not grow the heap.
 */
public final class CustodyReport {

    /** What the report says about the export besides the audit entries. */
    public record Header(String matter, String exportId, String tenant, String requestedBy, String requestedAt,
                         String requestJson, List<String> authorisations, Map<String, String> productionNumbers) {
    }

    private static final float MARGIN = 50;
    private static final float LEADING = 11;
    private static final int WIDTH = 110;

    private final PDDocument pdf;
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.COURIER);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.COURIER_BOLD);
    private PDPageContentStream page;
    private float y;

    private CustodyReport() {
        pdf = new PDDocument(MemoryUsageSetting.setupTempFileOnly().streamCache);
    }

    public static void write(Header header, String checkpointNote, BufferedReader entries, BufferedReader proofs,
                             OutputStream out) throws IOException {
        CustodyReport report = new CustodyReport();
        try {
            report.render(header, checkpointNote, entries, proofs);
            report.finishPage();
            report.pdf.save(out);
        } finally {
            report.pdf.close();
        }
    }

    private void render(Header h, String checkpointNote, BufferedReader entries, BufferedReader proofs) throws IOException {
        heading("Chain of custody: " + h.matter());
        text("Export " + h.exportId() + ", tenant " + h.tenant());
        text("Requested by " + h.requestedBy() + " at " + h.requestedAt());
        blank();
        heading("Request");
        text(h.requestJson());
        blank();
        heading("Authorisations");
        for (String authorisation : h.authorisations()) {
            text(authorisation);
        }
        blank();
        heading("Signed audit checkpoint");
        text(checkpointNote);
        SignedCheckpoint checkpoint;
        try {
            checkpoint = SignedCheckpoint.parse(checkpointNote);
        } catch (AuditFormatException e) {
            throw new IOException("the checkpoint of the export is not a signed note: " + e.getMessage(), e);
        }
        blank();
        heading("Audit entries of the produced calls (log order)");
        text("seq | time | document | action | actor | outcome | leaf hash | inclusion proof");
        ProofVerifier verifier = ProofVerifier.create();
        String line;
        int count = 0;
        int verified = 0;
        while ((line = entries.readLine()) != null) {
            String proofLine = proofs.readLine();
            ExportedEntry entry;
            try {
                entry = AuditExport.readLine(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (AuditFormatException e) {
                text("unreadable entry: " + e.getMessage());
                continue;
            }
            boolean ok = proofLine != null && verifier.verifyInclusion(proof(proofLine), entry.storedLeafHash(),
                    checkpoint.checkpoint().root());
            count++;
            verified += ok ? 1 : 0;
            var e = entry.entry();
            String document = h.productionNumbers().getOrDefault(e.objectId(), e.objectType() + " " + e.objectId());
            text(e.seq() + " | " + e.at() + " | " + document + " | " + e.action() + " | " + e.actor() + " | " + e.outcome()
                    + " | " + HexFormat.of().formatHex(entry.storedLeafHash()).substring(0, 16) + "... | "
                    + (ok ? "verified (" + proofLength(proofLine) + " hashes) against root of size " + checkpoint.checkpoint().size()
                    : "DOES NOT VERIFY"));
        }
        blank();
        text(count + " audit entries, " + verified + " with an inclusion proof that verifies against the signed checkpoint.");
    }

    private static InclusionProof proof(String line) throws IOException {
        JsonNode json = ExportJson.mapper().readTree(line);
        List<byte[]> path = new ArrayList<>();
        json.path("path").forEach(p -> path.add(Base64.getDecoder().decode(p.asText())));
        return new InclusionProof(json.path("seq").asLong(), json.path("tree_size").asLong(), path);
    }

    private static int proofLength(String line) throws IOException {
        return ExportJson.mapper().readTree(line).path("path").size();
    }

    private void heading(String text) throws IOException {
        write(text, bold, 10);
    }

    private void text(String text) throws IOException {
        for (String paragraph : text.split("\n")) {
            String rest = paragraph;
            do {
                String part = rest.length() > WIDTH ? rest.substring(0, WIDTH) : rest;
                rest = rest.substring(part.length());
                write(part, regular, 8);
            } while (!rest.isEmpty());
        }
    }

    private void blank() throws IOException {
        write("", regular, 8);
    }

    private void write(String text, PDType1Font font, float size) throws IOException {
        if (page == null || y < MARGIN) {
            finishPage();
            PDPage next = new PDPage(PDRectangle.A4);
            pdf.addPage(next);
            page = new PDPageContentStream(pdf, next);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(MARGIN, y);
        page.showText(printable(text));
        page.endText();
        y -= LEADING;
    }

    private void finishPage() throws IOException {
        if (page != null) {
            page.close();
            page = null;
        }
    }

    /** The standard fonts encode WinAnsi only: anything else is shown as '?'. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
        return out.toString();
    }
}
