package io.vigil.crypto.c2pa;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x509.Extension;

/**
 * Checks a customer's own certificate chain for C2PA signing before it replaces the demo chain: a PEM bundle of
 * the signing certificate, its intermediates and optionally the root. The chain must certify exactly the key that
 * will sign ({@code signingKey}, the tenant's signing key in its key provider) and meet the profile c2pa-rs
 * demands of a claim signer; otherwise every file signed with it would fail verification.
 *
 * <p>Checks, each refused with a message saying what to fix: at least one certificate, all parse; the leaf holds
 * {@code signingKey} (EC P-256); the leaf is not a CA, has keyUsage digitalSignature and no keyCertSign, an
 * extended key usage without anyExtendedKeyUsage, and an authority key identifier; every certificate is signed
 * by the next and valid now; every certificate above the leaf is a CA. A self-signed last certificate is taken
 * as the trust anchor and left out of the chain that goes into manifests (c2pa-rs trusts roots, it does not
 * read them from {@code x5chain}).
 */
public final class SigningChainImport {

    /** The checked chain (leaf first, without a root) and the root if the bundle had one. */
    public record Checked(List<X509Certificate> chain, Optional<X509Certificate> root) {
        public Checked {
            chain = List.copyOf(chain);
        }
    }

    private static final String ANY_EKU = "2.5.29.37.0";

    private SigningChainImport() {
    }

    /** Parses and checks {@code pem} (leaf first) against the key that will sign. */
    public static Checked check(String pem, PublicKey signingKey, java.time.Instant now) throws C2paException {
        List<X509Certificate> certificates = parse(pem);
        X509Certificate leaf = certificates.get(0);
        if (!Arrays.equals(leaf.getPublicKey().getEncoded(), signingKey.getEncoded())) {
            throw new C2paException("The first certificate (" + subject(leaf) + ") does not certify this tenant's signing key."
                    + " Have the CA certify the signing key's public key (GET /api/v1/c2pa/signing-key) and import that certificate first");
        }
        if (!(leaf.getPublicKey() instanceof ECPublicKey ec) || ec.getParams().getCurve().getField().getFieldSize() != 256) {
            throw new C2paException("The signing certificate must hold an EC P-256 key");
        }
        checkLeafProfile(leaf);
        for (int i = 0; i < certificates.size(); i++) {
            X509Certificate certificate = certificates.get(i);
            try {
                certificate.checkValidity(Date.from(now));
            } catch (CertificateException e) {
                throw new C2paException("Certificate " + subject(certificate) + " is not valid now (valid "
                        + certificate.getNotBefore().toInstant() + " to " + certificate.getNotAfter().toInstant() + ")", e);
            }
            X509Certificate issuer = i + 1 < certificates.size() ? certificates.get(i + 1) : certificate;
            if (i > 0 && certificate.getBasicConstraints() < 0) {
                throw new C2paException("Certificate " + subject(certificate) + " issues others but is not a CA");
            }
            if (i + 1 < certificates.size() || isSelfSigned(certificate)) {
                try {
                    certificate.verify(issuer.getPublicKey());
                } catch (GeneralSecurityException e) {
                    throw new C2paException("Certificate " + subject(certificate) + " is not signed by " + subject(issuer)
                            + ": put the certificates in order, signing certificate first, root last", e);
                }
            }
        }
        if (certificates.size() > 1 && isSelfSigned(leaf)) {
            throw new C2paException("The signing certificate is self-signed: c2pa-rs refuses self-signed signers");
        }
        X509Certificate last = certificates.get(certificates.size() - 1);
        if (certificates.size() > 1 && isSelfSigned(last)) {
            return new Checked(certificates.subList(0, certificates.size() - 1), Optional.of(last));
        }
        if (certificates.size() == 1) {
            throw new C2paException("Import the signing certificate together with the CA certificates that issued it"
                    + " (intermediates, and the root if verifiers should get it from Vigil)");
        }
        return new Checked(certificates, Optional.empty());
    }

    /** The certificates of a PEM bundle, in order; refused with a message if there are none or one does not parse. */
    public static List<X509Certificate> parse(String pem) throws C2paException {
        if (pem == null || !pem.contains("-----BEGIN CERTIFICATE-----")) {
            throw new C2paException("No certificate found: paste PEM text with -----BEGIN CERTIFICATE----- blocks");
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> certificates = new ArrayList<>();
            for (var c : factory.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
                certificates.add((X509Certificate) c);
            }
            if (certificates.isEmpty()) {
                throw new C2paException("No certificate found in the PEM text");
            }
            return certificates;
        } catch (CertificateException e) {
            throw new C2paException("A certificate in the PEM text does not parse: " + e.getMessage(), e);
        }
    }

    private static void checkLeafProfile(X509Certificate leaf) throws C2paException {
        if (leaf.getBasicConstraints() >= 0) {
            throw new C2paException("The signing certificate is a CA certificate; c2pa-rs wants an end-entity certificate");
        }
        boolean[] usage = leaf.getKeyUsage();
        if (usage == null || !usage[0]) {
            throw new C2paException("The signing certificate lacks keyUsage digitalSignature");
        }
        if (usage.length > 5 && usage[5]) {
            throw new C2paException("The signing certificate has keyUsage keyCertSign, which c2pa-rs refuses on a signer");
        }
        try {
            List<String> eku = leaf.getExtendedKeyUsage();
            if (eku == null || eku.isEmpty()) {
                throw new C2paException("The signing certificate has no extended key usage; c2pa-rs requires one"
                        + " (e.g. documentSigning 1.3.6.1.5.5.7.3.36 or emailProtection)");
            }
            if (eku.contains(ANY_EKU)) {
                throw new C2paException("The signing certificate has anyExtendedKeyUsage, which c2pa-rs refuses");
            }
        } catch (CertificateException e) {
            throw new C2paException("The signing certificate's extended key usage does not parse", e);
        }
        if (leaf.getExtensionValue(Extension.authorityKeyIdentifier.getId()) == null) {
            throw new C2paException("The signing certificate has no authority key identifier, which c2pa-rs requires");
        }
    }

    private static boolean isSelfSigned(X509Certificate certificate) {
        if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        try {
            certificate.verify(certificate.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String subject(X509Certificate certificate) {
        return "'" + certificate.getSubjectX500Principal().getName() + "'";
    }
}
