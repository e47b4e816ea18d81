package io.vigil.crypto.c2pa;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.RuntimeOperatorException;

/**
 * A demo certificate authority for C2PA signing: a root, an intermediate under it, and signing certificates
 * issued by the intermediate. All keys are EC P-256 and all signatures ECDSA with SHA-256.
 *
 * <p>The profile is the one c2pa-rs accepts for a claim signer. c2pa-rs rejects a self-signed CA as the
 * signer, a leaf without an authority key identifier or an extended key usage, the anyExtendedKeyUsage
 * purpose, keyCertSign on a leaf, and unknown critical extensions. So:
 * <ul>
 *   <li>root: basicConstraints CA (critical), keyUsage keyCertSign + cRLSign (critical), subject key id;</li>
 *   <li>intermediate: basicConstraints CA, pathLen 0 (critical), keyUsage keyCertSign + cRLSign (critical),
 *       subject and authority key ids;</li>
 *   <li>signer: basicConstraints end entity (critical), keyUsage digitalSignature (critical), extended key usage
 *       emailProtection + documentSigning (1.3.6.1.5.5.7.3.36), subject and authority key ids.</li>
 * </ul>
 * A verifier trusts what this CA signs only if it is given {@link #rootPem()} as a trust anchor (for the
 * console: {@code ./vigil c2pa trust-root}). This class persists nothing; the application keeps the certificates in
 * its database and the intermediate's key in a key provider ({@link #restore}). A production deployment brings its own
 * chain from a CA on the C2PA trust list and signs with {@link C2paSigner#of(io.vigil.crypto.keys.KeyProvider,
 * io.vigil.crypto.keys.KeyReference, List)}.
 */
public final class DemoPki {

    /** A software signing identity of this CA: its key and certificate chain (leaf, intermediate). */
    public record Identity(PrivateKey privateKey, List<X509Certificate> chain) {
        public C2paSigner signer() {
            return C2paSigner.of(privateKey, chain);
        }
    }

    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration LEAF_VALIDITY = Duration.ofDays(825);
    private static final Duration BACKDATE = Duration.ofHours(1);
    private static final KeyPurposeId DOCUMENT_SIGNING = KeyPurposeId.getInstance(
            new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.3.6.1.5.5.7.3.36"));
    private static final SecureRandom RANDOM = new SecureRandom();

    private final X509Certificate root;
    private final X509Certificate intermediate;
    private final C2paSigner.DerSigningFunction intermediateSigner;

    private DemoPki(X509Certificate root, X509Certificate intermediate, C2paSigner.DerSigningFunction intermediateSigner) {
        this.root = root;
        this.intermediate = intermediate;
        this.intermediateSigner = intermediateSigner;
    }

    /** A fresh root and intermediate for {@code organisation} (e.g. {@code Vigil}), both keys in memory. */
    public static DemoPki create(String organisation) {
        try {
            KeyPair intermediateKeys = newKeyPair();
            return create(organisation, intermediateKeys.getPublic(), softwareSigner(intermediateKeys.getPrivate()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 and SHA256withECDSA are always available", e);
        }
    }

    /**
     * A fresh root certifying an intermediate whose key is held elsewhere (a key provider: it signs through
     * {@code intermediateSigner}, DER ECDSA). The root's private key exists only during this call: once it has
     * certified the intermediate it is dropped, so no second intermediate can ever be issued under this root.
     */
    public static DemoPki create(String organisation, PublicKey intermediateKey,
            C2paSigner.DerSigningFunction intermediateSigner) {
        try {
            KeyPair rootKeys = newKeyPair();
            X500Name rootName = name(organisation + " C2PA Demo Root CA");
            X509Certificate root = issue(rootName, rootKeys.getPublic(), rootName, softwareSigner(rootKeys.getPrivate()),
                    null, CA_VALIDITY, Profile.ROOT);
            X509Certificate intermediate = issue(name(organisation + " C2PA Demo Intermediate CA"), intermediateKey,
                    rootName, softwareSigner(rootKeys.getPrivate()), root, CA_VALIDITY, Profile.INTERMEDIATE);
            return new DemoPki(root, intermediate, intermediateSigner);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot certify the intermediate key: it must be an EC P-256 public key", e);
        }
    }

    /** The CA as stored: its root and intermediate certificates and the intermediate key's signing function. */
    public static DemoPki restore(X509Certificate root, X509Certificate intermediate,
            C2paSigner.DerSigningFunction intermediateSigner) {
        return new DemoPki(root, intermediate, intermediateSigner);
    }

    /** Issues a signing certificate for {@code publicKey} (e.g. a key held in an HSM); returns leaf, intermediate. */
    public List<X509Certificate> issueSigningChain(PublicKey publicKey, String commonName) {
        try {
            X509Certificate leaf = issue(name(commonName), publicKey, intermediateName(), intermediateSigner,
                    intermediate, LEAF_VALIDITY, Profile.SIGNER);
            return List.of(leaf, intermediate);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot certify this key: it must be an EC P-256 public key", e);
        }
    }

    /** A new software key with a signing chain, for demos and tests. */
    public Identity newSigningIdentity(String commonName) {
        try {
            KeyPair keys = newKeyPair();
            return new Identity(keys.getPrivate(), issueSigningChain(keys.getPublic(), commonName));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is always available", e);
        }
    }

    /**
     * Issues a time-stamping certificate (extended key usage timeStamping, critical, as RFC 3161 requires) for
     * a local timestamp authority; returns leaf, intermediate.
     */
    public List<X509Certificate> issueTimestampingChain(PublicKey publicKey, String commonName) {
        try {
            X509Certificate leaf = issue(name(commonName), publicKey, intermediateName(), intermediateSigner,
                    intermediate, LEAF_VALIDITY, Profile.TIMESTAMPING);
            return List.of(leaf, intermediate);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot certify this key: it must be an EC P-256 public key", e);
        }
    }

    public X509Certificate root() {
        return root;
    }

    public X509Certificate intermediate() {
        return intermediate;
    }

    private X500Name intermediateName() {
        return X500Name.getInstance(intermediate.getSubjectX500Principal().getEncoded());
    }

    /** The root certificate in PEM, to hand to verifiers as their trust anchor. */
    public String rootPem() {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            pem.writeObject(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private enum Profile { ROOT, INTERMEDIATE, SIGNER, TIMESTAMPING }

    private static X509Certificate issue(X500Name subject, PublicKey subjectKey, X500Name issuer,
            C2paSigner.DerSigningFunction issuerSigner, X509Certificate issuerCertificate, Duration validity,
            Profile profile) throws GeneralSecurityException {
        Instant now = Instant.now();
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, RANDOM),
                    Date.from(now.minus(BACKDATE)), Date.from(now.plus(validity)), subject, subjectKey)
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKey));
            if (issuerCertificate != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        extensions.createAuthorityKeyIdentifier(issuerCertificate));
            }
            switch (profile) {
                case ROOT -> builder
                        .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                case INTERMEDIATE -> builder
                        .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                case SIGNER -> builder
                        .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                        .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                                new KeyPurposeId[] {KeyPurposeId.id_kp_emailProtection, DOCUMENT_SIGNING}));
                case TIMESTAMPING -> builder
                        .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                        .addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
                default -> throw new IllegalArgumentException("Unknown profile " + profile);
            }
            return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner(issuerSigner)));
        } catch (CertIOException | RuntimeOperatorException e) {
            throw new GeneralSecurityException("Cannot issue the certificate for " + subject, e);
        }
    }

    private static C2paSigner.DerSigningFunction softwareSigner(PrivateKey key) {
        return data -> {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        };
    }

    /** Bouncy Castle's certificate builder signing through a DER ECDSA function (the key may sit in an HSM). */
    private static ContentSigner contentSigner(C2paSigner.DerSigningFunction function) {
        AlgorithmIdentifier algorithm = new DefaultSignatureAlgorithmIdentifierFinder().find("SHA256withECDSA");
        ByteArrayOutputStream tbs = new ByteArrayOutputStream();
        return new ContentSigner() {
            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return algorithm;
            }

            @Override
            public OutputStream getOutputStream() {
                return tbs;
            }

            @Override
            public byte[] getSignature() {
                try {
                    return function.sign(tbs.toByteArray());
                } catch (GeneralSecurityException e) {
                    throw new RuntimeOperatorException("The CA key refused to sign: " + e.getMessage(), e);
                }
            }
        };
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X500Name name(String commonName) {
        return new X500Name("CN=" + commonName.replace(",", "\\,") + ",O=Vigil Demo");
    }
}
