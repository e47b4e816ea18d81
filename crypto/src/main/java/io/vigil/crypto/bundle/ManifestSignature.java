package io.vigil.crypto.bundle;

import io.vigil.crypto.c2pa.C2paSigner.DerSigningFunction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A detached CMS SignedData (RFC 5652) over a bundle's {@code manifest.json}, made with an EC P-256 key that may
 * live in an HSM (only a signing function is needed), carrying the signer's chain (leaf first, without the root).
 * Signed attributes: content type, message digest (SHA-256), signing time. With a {@link ManifestTimestamper}, the
 * signature value gets an RFC 3161 timestamp token as the unsigned attribute {@code id-aa-signatureTimeStampToken}
 * (RFC 3161 appendix A), the form {@code openssl cms} and review platforms recognise.
 *
 * <p>Check it with {@code openssl cms -verify -binary -inform DER -in manifest.json.p7s -content manifest.json
 * -CAfile root.pem -purpose any}, or {@link ManifestSignatureVerifier}.
 */
public final class ManifestSignature {

    /** Gets an RFC 3161 TimeStampToken (DER) over the SHA-256 of the given bytes. */
    @FunctionalInterface
    public interface ManifestTimestamper {
        byte[] timestampToken(byte[] signatureValue) throws IOException;
    }

    private ManifestSignature() {
    }

    /** The DER CMS SignedData over {@code manifest}, content detached. */
    public static byte[] sign(byte[] manifest, DerSigningFunction key, List<X509Certificate> chain,
                              Optional<ManifestTimestamper> timestamper) throws GeneralSecurityException, IOException {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("the signer's certificate chain is empty");
        }
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .build(new FunctionSigner(key), chain.get(0)));
            generator.addCertificates(new JcaCertStore(chain));
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(manifest), false);
            if (timestamper.isPresent()) {
                signed = withTimestamp(signed, timestamper.get());
            }
            return signed.getEncoded("DER");
        } catch (OperatorCreationException | CMSException e) {
            throw new GeneralSecurityException("cannot sign the manifest: " + e.getMessage(), e);
        } catch (SigningFailed e) {
            throw e.cause;
        }
    }

    private static CMSSignedData withTimestamp(CMSSignedData signed, ManifestTimestamper timestamper) throws IOException {
        SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
        byte[] token = timestamper.timestampToken(signer.getSignature());
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                new DERSet(org.bouncycastle.asn1.cms.ContentInfo.getInstance(token))));
        SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(attributes));
        return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped));
    }

    /** All certificates a verifier may need, as carried: leaf first. */
    static Collection<X509Certificate> chainOf(List<X509Certificate> chain) {
        return chain;
    }

    private static final class SigningFailed extends RuntimeException {
        private final GeneralSecurityException cause;

        SigningFailed(GeneralSecurityException cause) {
            super(cause);
            this.cause = cause;
        }
    }

    /** Bouncy Castle's signer interface over a DER ECDSA signing function (e.g. a key provider's). */
    private static final class FunctionSigner implements ContentSigner {
        private final DerSigningFunction function;
        private final ByteArrayOutputStream signed = new ByteArrayOutputStream();

        FunctionSigner(DerSigningFunction function) {
            this.function = function;
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return new DefaultSignatureAlgorithmIdentifierFinder().find("SHA256withECDSA");
        }

        @Override
        public OutputStream getOutputStream() {
            return signed;
        }

        @Override
        public byte[] getSignature() {
            try {
                return function.sign(signed.toByteArray());
            } catch (GeneralSecurityException e) {
                throw new SigningFailed(e);
            }
        }
    }
}
