package io.vigil.discovery.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.crypto.bundle.EntryDigest;
import io.vigil.crypto.testing.Mp3Frames;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A bundle built in plain Java, opened with standard tools, tampered with, and resumed after a crash. */
class BundleBuilderTest {

    @TempDir
    Path dir;

    @Test
    void aBundleVerifiesAndOpensWithStandardTools() throws Exception {
        BundleFixture fixture = new BundleFixture(3, AudioChoice.REDACTED);
        Path bundle = fixture.build(dir, (o, t) -> { });

        BundleVerifier.Report report = BundleVerifier.verify(bundle, List.of(BundleFixture.PKI.root()), Optional.empty());
        assertTrue(report.intact(), report.problems().toString());
        assertEquals(3, report.nativesChecked());
        assertEquals(3, report.auditEntries());

        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            zip.stream().forEach(e -> names.add(e.getName()));
        }
        assertEquals(List.of("NATIVES/VGL000001.wav", "TEXT/VGL000001.txt", "TEXT/VGL000001.vtt", "METADATA/VGL000001.json"),
                names.subList(0, 4));
        assertEquals(List.of(BundleLayout.CUSTODY, BundleLayout.MANIFEST, BundleLayout.SIGNATURE),
                names.subList(names.size() - 3, names.size()));

        assertEquals(0, run(dir, "unzip", "-t", bundle.toString()), "unzip -t");
        Path out = Files.createDirectories(dir.resolve("open"));
        assertEquals(0, run(out, "unzip", "-q", bundle.toString()));
        Files.writeString(dir.resolve("root.pem"), BundleFixture.PKI.rootPem());
        assertEquals(0, run(out, "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "manifest.json.p7s",
                "-content", "manifest.json", "-CAfile", dir.resolve("root.pem").toString(), "-purpose", "any",
                "-out", "/dev/null"), "openssl cms -verify");
    }

    @Test
    void theDatFileSplitsOnThornAndAscii20() throws Exception {
        BundleFixture fixture = new BundleFixture(2, AudioChoice.REDACTED);
        Path bundle = fixture.build(dir, (o, t) -> { });
        byte[] dat = entry(bundle, BundleLayout.DAT);
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(dat, 3), "UTF-8 BOM");
        String text = new String(dat, 3, dat.length - 3, StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.split("\r\n")) {
            List<String> fields = new ArrayList<>();
            for (String field : line.split("\u0014", -1)) {
                assertTrue(field.length() >= 2 && field.charAt(0) == 'þ' && field.charAt(field.length() - 1) == 'þ',
                        "every field is qualified with þ: " + field);
                fields.add(field.substring(1, field.length() - 1));
            }
            rows.add(fields);
        }
        assertEquals(ConcordanceDat.FIELDS, rows.get(0));
        assertEquals(3, rows.size());
        Map<String, String> first = new LinkedHashMap<>();
        for (int i = 0; i < rows.get(0).size(); i++) {
            first.put(rows.get(0).get(i), rows.get(1).get(i));
        }
        assertEquals("VGL000001", first.get("BEGBATES"));
        assertEquals("VGL000001", first.get("ENDBATES"));
        assertEquals(".\\NATIVES\\VGL000001.wav", first.get("NATIVEPATH"));
        assertEquals(".\\TEXT\\VGL000001.txt", first.get("TEXTPATH"));
        assertEquals("2026-11-20", first.get("DATE"));
        assertEquals("00:00:01", first.get("DURATION"));
        EntryDigest nativeDigest = io.vigil.crypto.bundle.DigestingOutputStream.of("n", entry(bundle, "NATIVES/VGL000001.wav"));
        assertEquals(nativeDigest.md5(), first.get("MD5HASH"));
        assertEquals(nativeDigest.sha1(), first.get("SHA1HASH"));
        assertEquals(nativeDigest.sha256(), first.get("SHA256HASH"));
        assertEquals("CONFIDENTIAL", first.get("CONFIDENTIALITY"));
    }

    @Test
    void theEdrmFileDescribesTheSameDocuments() throws Exception {
        BundleFixture fixture = new BundleFixture(2, AudioChoice.REDACTED);
        Path bundle = fixture.build(dir, (o, t) -> { });
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(entry(bundle, BundleLayout.EDRM)));
        Element root = xml.getDocumentElement();
        assertEquals("Root", root.getTagName());
        assertEquals("1", root.getAttribute("MajorVersion"));
        assertEquals("2", root.getAttribute("MinorVersion"));
        NodeList documents = xml.getElementsByTagName("Document");
        assertEquals(2, documents.getLength());
        Element second = (Element) documents.item(1);
        assertEquals("VGL000002", second.getAttribute("DocID"));
        Element nativeFile = (Element) second.getElementsByTagName("ExternalFile").item(0);
        assertEquals("NATIVES", nativeFile.getAttribute("FilePath"));
        assertEquals("VGL000002.wav", nativeFile.getAttribute("FileName"));
        assertEquals(io.vigil.crypto.bundle.DigestingOutputStream.of("n", entry(bundle, "NATIVES/VGL000002.wav")).md5(),
                nativeFile.getAttribute("Hash"));
    }

    @Test
    void flippingAByteInAnyFileNamesThatFile() throws Exception {
        BundleFixture fixture = new BundleFixture(2, AudioChoice.REDACTED);
        Path bundle = fixture.build(dir, (o, t) -> { });
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            zip.stream().forEach(e -> names.add(e.getName()));
        }
        for (String name : names) {
            Path tampered = dir.resolve("tampered.zip");
            rewrite(bundle, tampered, name);
            BundleVerifier.Report report = BundleVerifier.verify(tampered, List.of(BundleFixture.PKI.root()), Optional.empty());
            assertFalse(report.intact(), name + " was changed but the bundle verifies");
            String expected = name.equals(BundleLayout.MANIFEST) ? BundleLayout.SIGNATURE : name;
            assertTrue(report.problems().stream().anyMatch(p -> p.file().equals(expected)),
                    "changing " + name + " is reported against " + expected + ": " + report.problems());
        }
    }

    @Test
    void aCrashMidExportResumesToTheSameBundle() throws Exception {
        BundleFixture fixture = new BundleFixture(4, AudioChoice.REDACTED);
        class Crash extends RuntimeException {
        }
        assertThrows(Crash.class, () -> fixture.build(dir, (ordinal, total) -> {
            if (ordinal == 1) {
                throw new Crash();
            }
        }));
        assertEquals(2, fixture.progress.calls.size(), "the calls before the crash are recorded");
        BundleBuilder builder = fixture.builder(dir.resolve("staging"), (o, t) -> { });
        byte[] stagedBeforeCrash = Files.readAllBytes(builder.pack(0));
        // a half-written pack of the next call, as a crash in the middle of a write leaves it
        Files.write(builder.pack(2).resolveSibling("2.pack.part"), new byte[] {1, 2, 3});

        Path bundle = fixture.build(dir, (o, t) -> { });
        java.io.ByteArrayOutputStream shipped = new java.io.ByteArrayOutputStream();
        for (String name : List.of("NATIVES/VGL000001.wav", "TEXT/VGL000001.txt", "TEXT/VGL000001.vtt", "METADATA/VGL000001.json")) {
            shipped.write(entry(bundle, name));
        }
        assertArrayEquals(stagedBeforeCrash, shipped.toByteArray(), "signed natives are never re-made");
        assertTrue(BundleVerifier.verify(bundle, List.of(BundleFixture.PKI.root()), Optional.empty()).intact());

        byte[] first = Files.readAllBytes(bundle);
        fixture.builder(dir.resolve("staging"), (o, t) -> { }).assemble(bundle, fixture.otherPaths());
        assertArrayEquals(first, Files.readAllBytes(bundle), "assembling again gives the same bytes");
    }

    @Test
    void theNativesPassC2paRs() throws Exception {
        Path node = Path.of(System.getProperty("basedir", "."), "..", "crypto", "src", "test", "node");
        if (!Files.isDirectory(node.resolve("node_modules/@contentauth/c2pa-wasm"))) {
            assertEquals(0, run(node, "npm", "ci", "--no-audit", "--no-fund"), "npm ci of the C2PA verifier");
        }
        BundleFixture fixture = new BundleFixture(2, AudioChoice.REDACTED);
        assertC2paRsTrusts(fixture.build(dir, (o, t) -> { }), List.of("NATIVES/VGL000001.wav", "NATIVES/VGL000002.wav"));
    }

    @Test
    void mp3NativesAreNamedHashedAndPassC2paRs() throws Exception {
        for (AudioChoice audio : List.of(AudioChoice.REDACTED, AudioChoice.ORIGINAL)) {
            Path at = Files.createDirectories(dir.resolve(audio.name()));
            Path bundle = new BundleFixture(2, audio, NativeFormat.MP3).build(at, (o, t) -> { });

            BundleVerifier.Report report = BundleVerifier.verify(bundle, List.of(BundleFixture.PKI.root()), Optional.empty());
            assertTrue(report.intact(), report.problems().toString());
            assertEquals(2, report.nativesChecked());
            byte[] mp3 = entry(bundle, "NATIVES/VGL000001.mp3");
            // one second, plus the encoder's delay and padding and its header frame: about 0.2 s at 8 kHz
            assertEquals(1000, Mp3Frames.walk(mp3).durationMs(), 300, "the fixture's calls are one second long");
            String dat = new String(entry(bundle, BundleLayout.DAT), StandardCharsets.UTF_8);
            assertTrue(dat.contains(".\\NATIVES\\VGL000001.mp3") && dat.contains(io.vigil.crypto.bundle.DigestingOutputStream
                    .of("x", mp3).sha256()), dat);
            String edrm = new String(entry(bundle, BundleLayout.EDRM), StandardCharsets.UTF_8);
            assertTrue(edrm.contains("MimeType=\"audio/mpeg\"") && edrm.contains("VGL000001.mp3"), edrm);
            assertTrue(new String(entry(bundle, BundleLayout.MANIFEST), StandardCharsets.UTF_8)
                    .contains("\"NATIVES/VGL000002.mp3\""));

            Path tampered = at.resolve("tampered.zip");
            rewrite(bundle, tampered, "NATIVES/VGL000002.mp3");
            BundleVerifier.Report broken = BundleVerifier.verify(tampered, List.of(BundleFixture.PKI.root()), Optional.empty());
            assertFalse(broken.intact());
            assertTrue(broken.problems().stream().anyMatch(p -> p.file().equals("NATIVES/VGL000002.mp3")), broken.problems().toString());
            assertC2paRsTrusts(bundle, List.of("NATIVES/VGL000001.mp3"));
        }
    }

    private void assertC2paRsTrusts(Path bundle, List<String> natives) throws Exception {
        Path node = Path.of(System.getProperty("basedir", "."), "..", "crypto", "src", "test", "node");
        Path root = Files.writeString(dir.resolve("root.pem"), BundleFixture.PKI.rootPem());
        for (String name : natives) {
            Path wav = Files.write(dir.resolve(name.replace('/', '-')), entry(bundle, name));
            Process p = new ProcessBuilder("node", "verify.mjs", wav.toString(), root.toString()).directory(node.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String json = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(120, TimeUnit.SECONDS);
            var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("c2paRs");
            assertTrue(report.path("ok").asBoolean(), json);
            assertEquals("Trusted", report.path("validationState").asText(), json);
            report.path("statuses").forEach(s -> assertFalse(s.path("kind").asText().toLowerCase().contains("failure")
                    || s.path("kind").asText().equals("status"), json));
        }
    }

    private static byte[] entry(Path bundle, String name) throws IOException {
        try (ZipFile zip = new ZipFile(bundle.toFile()); InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return in.readAllBytes();
        }
    }

    /** Copies the ZIP with one byte of entry {@code victim} flipped. */
    private static void rewrite(Path from, Path to, String victim) throws IOException {
        try (ZipFile zip = new ZipFile(from.toFile()); OutputStream file = Files.newOutputStream(to);
             ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry e : zip.stream().toList()) {
                byte[] content;
                try (InputStream in = zip.getInputStream(e)) {
                    content = in.readAllBytes();
                }
                if (e.getName().equals(victim)) {
                    content[content.length / 2] ^= 0x01;
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
    }

    private static int run(Path workdir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(workdir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        if (p.exitValue() != 0) {
            System.err.println(String.join(" ", command) + ":\n" + output);
        }
        return p.exitValue();
    }
}
