package io.vigil.dpia.pdf;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A small flowing-text layout over PDFBox for Vigil's reports: A4 pages, a title page, numbered headings, wrapped
 * paragraphs, two-column and multi-column tables that break across pages, and "page n of m" footers. Uses the
 * standard Helvetica fonts (no font files to ship), so text is reduced to what WinAnsi encodes ({@link #plain}).
 */
final class PdfLayout implements AutoCloseable {

    static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float BOTTOM = MARGIN + 24;

    private final PDDocument doc = new PDDocument();
    final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream out;
    private float y;
    private final String footer;

    PdfLayout(String title, String footer) {
        this.footer = plain(footer);
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(plain(title));
        info.setCreator("Vigil");
    }

    /** Text the standard fonts can show: typographic quotes and dashes simplified, anything else outside Latin-1 as '?'. */
    static String plain(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\u2018', '\u2019' -> b.append('\'');
                case '\u201c', '\u201d' -> b.append('"');
                case '\u2013', '\u2014', '\u2212' -> b.append('-');
                case '\u2192' -> b.append("->");
                case '\u2026' -> b.append("...");
                case '\u2022' -> b.append('-');
                case '\t' -> b.append("    ");
                case '\r' -> { }
                default -> b.append(c == '\n' || (c >= 0x20 && c < 0x7f) || (c >= 0xa0 && c <= 0xff) ? (char) c : '?');
            }
        });
        return b.toString();
    }

    void newPage() {
        closeStream();
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try {
            out = new PDPageContentStream(doc, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void need(float height) {
        if (out == null || y - height < BOTTOM) {
            newPage();
        }
    }

    void titlePage(String title, String subtitle, List<String[]> facts) {
        newPage();
        y -= 160;
        for (String line : wrap(plain(title), bold, 24, WIDTH)) {
            text(bold, 24, MARGIN, y, line);
            y -= 30;
        }
        y -= 6;
        for (String line : wrap(plain(subtitle), regular, 13, WIDTH)) {
            text(regular, 13, MARGIN, y, line);
            y -= 18;
        }
        y -= 30;
        table(new float[] {0.3f, 0.7f}, null, facts);
        newPage();
    }

    void heading(String text) {
        need(56);
        y -= 18;
        text(bold, 15, MARGIN, y, plain(text));
        y -= 8;
        fillRect(MARGIN, y, WIDTH, 1.2f, new Color(60, 90, 140));
        y -= 16;
    }

    void subheading(String text) {
        need(40);
        y -= 10;
        text(bold, 11.5f, MARGIN, y, plain(text));
        y -= 16;
    }

    void paragraph(String text) {
        paragraph(text, regular, 10);
    }

    void paragraph(String text, PDType1Font font, float size) {
        String value = plain(text);
        if (value.isBlank()) {
            value = "(not filled in)";
        }
        for (String line : wrap(value, font, size, WIDTH)) {
            need(size + 4);
            text(font, size, MARGIN, y, line);
            y -= size + 4;
        }
        y -= 6;
    }

    /** A table; {@code header} may be null. Column widths are fractions of the text width. */
    void table(float[] columns, String[] header, List<String[]> rows) {
        if (header != null) {
            row(columns, header, bold, new Color(225, 232, 243));
        }
        for (String[] r : rows) {
            row(columns, r, regular, null);
        }
        y -= 8;
    }

    private void row(float[] columns, String[] cells, PDType1Font font, Color fill) {
        float size = 9.5f;
        float pad = 4;
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 1;
        for (int i = 0; i < columns.length; i++) {
            List<String> w = wrap(plain(i < cells.length ? cells[i] : ""), font, size, columns[i] * WIDTH - 2 * pad);
            wrapped.add(w);
            lines = Math.max(lines, w.size());
        }
        float lineHeight = size + 3;
        float max = PDRectangle.A4.getHeight() - MARGIN - BOTTOM - 2 * pad;
        int perPage = (int) (max / lineHeight);
        // a cell longer than a page continues on the next, row by row of lines
        for (int from = 0; from < lines; from += perPage) {
            int count = Math.min(perPage, lines - from);
            float height = count * lineHeight + 2 * pad;
            need(height);
            float x = MARGIN;
            for (int i = 0; i < columns.length; i++) {
                float w = columns[i] * WIDTH;
                if (fill != null) {
                    fillRect(x, y - height, w, height, fill);
                }
                strokeRect(x, y - height, w, height);
                List<String> cell = wrapped.get(i);
                for (int l = 0; l < count && from + l < cell.size(); l++) {
                    text(font, size, x + pad, y - pad - size + 1 - l * lineHeight, cell.get(from + l));
                }
                x += w;
            }
            y -= height;
        }
    }

    /**
     * The CNIL risk map: a 4 x 4 grid, likelihood across and severity up, cells coloured by zone, each risk drawn as
     * a numbered marker in its cell.
     */
    void riskMap(List<int[]> points) {
        float cell = 52;
        float gridWidth = 4 * cell;
        need(4 * cell + 60);
        float left = MARGIN + 70;
        float top = y - 10;
        for (int severity = 4; severity >= 1; severity--) {
            for (int likelihood = 1; likelihood <= 4; likelihood++) {
                float x = left + (likelihood - 1) * cell;
                float yy = top - (5 - severity) * cell;
                String zone = io.vigil.dpia.domain.RiskMap.zone(severity, likelihood);
                Color c = zone.equals("high") ? new Color(240, 160, 160)
                        : zone.equals("medium") ? new Color(250, 215, 150) : new Color(180, 225, 180);
                fillRect(x, yy, cell, cell, c);
                strokeRect(x, yy, cell, cell);
            }
            text(regular, 9, left - 64, top - (5 - severity) * cell + cell / 2 - 3, "severity " + severity);
        }
        for (int likelihood = 1; likelihood <= 4; likelihood++) {
            text(regular, 8, left + (likelihood - 1) * cell + 6, top - 4 * cell - 14, "likelihood " + likelihood);
        }
        int[] perCell = new int[25];
        for (int[] p : points) {
            int slot = perCell[p[1] * 5 + p[2]]++;
            float x = left + (p[1] - 1) * cell + 10 + slot * 15;
            float yy = top - (5 - p[2]) * cell + cell / 2 - 4;
            fillRect(x - 3, yy - 4, 14, 14, new Color(40, 60, 110));
            text(bold, 10, x + 1, yy, Integer.toString(p[0]), Color.WHITE);
        }
        y = top - 4 * cell - 30;
        if (gridWidth > WIDTH) {
            throw new IllegalStateException("risk map wider than the page");
        }
    }

    byte[] finish() {
        closeStream();
        int total = doc.getNumberOfPages();
        try {
            for (int i = 0; i < total; i++) {
                PDPage page = doc.getPage(i);
                try (PDPageContentStream s = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                    String label = "Page " + (i + 1) + " of " + total;
                    s.beginText();
                    s.setFont(regular, 8.5f);
                    s.newLineAtOffset(MARGIN, MARGIN - 20);
                    s.showText(footer);
                    s.endText();
                    s.beginText();
                    s.newLineAtOffset(MARGIN + WIDTH - regular.getStringWidth(label) / 1000 * 8.5f, MARGIN - 20);
                    s.showText(label);
                    s.endText();
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            closeStream();
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closeStream() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out = null;
        }
    }

    private void text(PDType1Font font, float size, float x, float yy, String s) {
        text(font, size, x, yy, s, Color.BLACK);
    }

    private void text(PDType1Font font, float size, float x, float yy, String s, Color colour) {
        try {
            out.beginText();
            out.setNonStrokingColor(colour);
            out.setFont(font, size);
            out.newLineAtOffset(x, yy);
            out.showText(s);
            out.endText();
            out.setNonStrokingColor(Color.BLACK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void fillRect(float x, float yy, float w, float h, Color c) {
        try {
            out.setNonStrokingColor(c);
            out.addRect(x, yy, w, h);
            out.fill();
            out.setNonStrokingColor(Color.BLACK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void strokeRect(float x, float yy, float w, float h) {
        try {
            out.setStrokingColor(new Color(150, 150, 150));
            out.setLineWidth(0.5f);
            out.addRect(x, yy, w, h);
            out.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Greedy word wrap by measured width; explicit newlines start new lines; over-long words are cut. */
    static List<String> wrap(String text, PDType1Font font, float size, float width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                while (width(font, size, word) > width) {
                    int cut = word.length() - 1;
                    while (cut > 1 && width(font, size, word.substring(0, cut)) > width) {
                        cut--;
                    }
                    if (line.length() > 0) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    lines.add(word.substring(0, cut));
                    word = word.substring(cut);
                }
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (width(font, size, candidate) > width && line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                } else {
                    line.setLength(0);
                    line.append(candidate);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static float width(PDType1Font font, float size, String s) {
        try {
            return font.getStringWidth(s) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
