package io.vigil.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An administrator imports the organisation's own C2PA signing chain on the Signing certificates page in Chromium:
 * a customer CA made here with Bouncy Castle (root, intermediate, a leaf certifying the tenant's signing key). The
 * page shows it active, and a file signed afterwards is Trusted on the "Verify a file" page with that signer. A
 * chain whose leaf certifies another key, or whose leaf has expired, is refused on the page with what is wrong, and
 * nothing changes. The tenant goes back to the chain it had (the demo CA's) at the end.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChainImportBrowserIT {

    private static final String ADMIN = "northwind-admin";
    private static final String PAGE = "/admin/provenance.xhtml";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Browser browser;
    private static CustomerCa ca;
    private static String demoSubject;

    @BeforeAll
    static void openTheSigningCertificatesPage() throws Exception {
        String identity = TestStack.get("/api/v1/c2pa/signing-key", TestStack.userToken(ADMIN)).body();
        // Only the demo chain can be restored afterwards (Vigil does not hand out an imported chain's PEM).
        assertTrue(identity.contains("\"chainSource\":\"DEMO\""), () -> "the tenant should start on the demo CA: " + identity);
        ca = new CustomerCa("Northwind Test CA " + UUID.randomUUID().toString().substring(0, 8));
        browser = new Browser();
        browser.open(PAGE, ADMIN);
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("public-key")));
        demoSubject = text("subject");
        assertEquals("Vigil demo CA", text("source"));
    }

    @AfterAll
    static void backToTheDemoChain() {
        try {
            // Idempotent: a test that failed half-way must not leave the tenant on the test CA.
            HttpResponse<String> reverted = HTTP.send(HttpRequest.newBuilder(URI.create(TestStack.baseUrl() + "/api/v1/c2pa/chain"))
                    .header("Authorization", "Bearer " + TestStack.userToken(ADMIN)).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, reverted.statusCode(), reverted::body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (browser != null) {
                browser.close();
            }
        }
    }

    @Test
    void anImportedChainIsActiveAndAFileSignedAfterwardsIsTrustedWithThatSigner() throws Exception {
        browser.open(PAGE, ADMIN);
        String signer = "Northwind voice agent " + UUID.randomUUID().toString().substring(0, 8);
        X509Certificate leaf = ca.leaf(signingKeyOnThePage(), signer, Instant.now().minus(Duration.ofHours(1)),
                Instant.now().plus(Duration.ofDays(30)));

        importOnThePage(pem(leaf, ca.intermediate, ca.root));

        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chain:msgs"), "Imported"));
        assertEquals("imported", text("source"));
        assertTrue(text("subject").contains(signer), () -> text("subject"));
        assertTrue(text("issuer").contains(ca.intermediateName), () -> text("issuer"));
        assertTrue(browser.driver.findElements(By.id("chain:revert")).size() == 1, "going back to the demo chain is offered");

        HttpResponse<byte[]> signed = HTTP.send(HttpRequest.newBuilder(URI.create(TestStack.baseUrl()
                        + "/api/v1/c2pa/sign?type=agent&title=chain-import-it"))
                .header("Authorization", "Bearer " + TestStack.userToken(ADMIN))
                .header("Content-Type", "audio/wav").POST(HttpRequest.BodyPublishers.ofByteArray(wav())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, signed.statusCode(), () -> new String(signed.body(), StandardCharsets.UTF_8));
        Path file = Files.write(Files.createTempDirectory("chain-import-it").resolve("signed.wav"), signed.body());
        browser.open("/provenance/verify.xhtml", ADMIN);
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[type=file]")));
        browser.driver.findElement(By.cssSelector("input[type=file]")).sendKeys(file.toAbsolutePath().toString());
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("state")));
        assertEquals("Trusted", text("state"), () -> browser.driver.findElement(By.id("result")).getText());
        assertTrue(text("signer").contains(signer), () -> text("signer"));
        assertTrue(text("issuer").contains(ca.intermediateName), () -> text("issuer"));

        browser.open(PAGE, ADMIN);
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("chain:revert"))).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chain:msgs"), "demo CA certifies"));
        assertEquals("Vigil demo CA", text("source"));
        assertEquals(demoSubject, text("subject"));
    }

    @Test
    void aChainForAnotherKeyOrWithAnExpiredLeafIsRefusedOnThePageAndChangesNothing() throws Exception {
        browser.open(PAGE, ADMIN);
        String subjectBefore = text("subject");
        String sourceBefore = text("source");
        PublicKey tenantKey = signingKeyOnThePage();

        importOnThePage(pem(ca.leaf(newKeyPair().getPublic(), "Somebody else", Instant.now().minus(Duration.ofHours(1)),
                Instant.now().plus(Duration.ofDays(30))), ca.intermediate, ca.root));
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chain:msgs"), "does not certify"));
        assertTrue(text("chain:msgs").contains("Not imported"), () -> text("chain:msgs"));
        assertEquals(subjectBefore, text("subject"));
        assertEquals(sourceBefore, text("source"));

        importOnThePage(pem(ca.leaf(tenantKey, "Expired signer", Instant.now().minus(Duration.ofDays(60)),
                Instant.now().minus(Duration.ofDays(1))), ca.intermediate, ca.root));
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chain:msgs"), "is not valid now"));
        assertTrue(text("chain:msgs").contains("Expired signer"), () -> text("chain:msgs"));
        assertEquals(subjectBefore, text("subject"));
        assertEquals(sourceBefore, text("source"));
        assertTrue(TestStack.get("/api/v1/c2pa/signing-key", TestStack.userToken(ADMIN)).body()
                .contains("\"chainSource\":\"DEMO\""), "the server still signs with the demo chain");
    }

    private static void importOnThePage(String pem) {
        // The PEM is set as the textarea's value at once; typing 3 KB key by key only slows the test down.
        var area = browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("chain:pem")));
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].value = arguments[1];", area, pem);
        browser.driver.findElement(By.id("chain:import")).click();
    }

    private static PublicKey signingKeyOnThePage() throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(text("public-key")))) {
            return new JcaPEMKeyConverter().getPublicKey((SubjectPublicKeyInfo) parser.readObject());
        }
    }

    private static String text(String id) {
        return browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id))).getText().trim();
    }

    private static String pem(X509Certificate... certificates) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            for (X509Certificate certificate : certificates) {
                writer.writeObject(certificate);
            }
        }
        return out.toString();
    }

    /** One second of 8 kHz 16-bit mono tone. */
    private static byte[] wav() {
        int samples = 8000;
        ByteBuffer file = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        file.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        file.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16);
        file.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            file.putShort((short) (3000 * Math.sin(2 * Math.PI * 440 * i / 8000.0)));
        }
        return file.array();
    }

    private static KeyPair newKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    /**
     * A customer's CA: a root and an intermediate (EC P-256), issuing signing certificates with the profile c2pa-rs
     * and Vigil's import accept (end entity, digitalSignature, EKU emailProtection + documentSigning, SKI and AKI).
     */
    private static final class CustomerCa {

        private static final KeyPurposeId DOCUMENT_SIGNING = KeyPurposeId.getInstance(new ASN1ObjectIdentifier("1.3.6.1.5.5.7.3.36"));

        final String intermediateName;
        final X509Certificate root;
        final X509Certificate intermediate;
        private final KeyPair intermediateKeys;
        private final JcaX509ExtensionUtils extensions;

        CustomerCa(String organisation) throws Exception {
            extensions = new JcaX509ExtensionUtils();
            KeyPair rootKeys = newKeyPair();
            intermediateKeys = newKeyPair();
            intermediateName = organisation + " Intermediate";
            Instant from = Instant.now().minus(Duration.ofDays(90));
            Instant until = Instant.now().plus(Duration.ofDays(365));
            X500Name rootName = new X500Name("CN=" + organisation + " Root,O=" + organisation);
            X509v3CertificateBuilder rootBuilder = builder(rootName, rootName, rootKeys.getPublic(), from, until)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(rootKeys.getPublic()));
            root = sign(rootBuilder, rootKeys);
            X509v3CertificateBuilder intermediateBuilder = builder(root,
                    new X500Name("CN=" + intermediateName + ",O=" + organisation), intermediateKeys.getPublic(), from, until)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(intermediateKeys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(root));
            intermediate = sign(intermediateBuilder, rootKeys);
        }

        X509Certificate leaf(PublicKey key, String commonName, Instant from, Instant until) throws Exception {
            X509v3CertificateBuilder leaf = builder(intermediate, new X500Name("CN=" + commonName + ",O=Northwind Health"), key, from, until)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_emailProtection, DOCUMENT_SIGNING}))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(key))
                    .addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(intermediate));
            return sign(leaf, intermediateKeys);
        }

        private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey key, Instant from,
                Instant until) {
            return new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, new SecureRandom()), Date.from(from),
                    Date.from(until), subject, key);
        }

        /** Issued by {@code issuer}: its subject is copied as it is encoded, so chains are built by exact match. */
        private static X509v3CertificateBuilder builder(X509Certificate issuer, X500Name subject, PublicKey key,
                Instant from, Instant until) throws IOException {
            return new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, new SecureRandom()), Date.from(from),
                    Date.from(until), new javax.security.auth.x500.X500Principal(subject.getEncoded()), key);
        }

        private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuer) throws Exception {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
        }
    }
}
