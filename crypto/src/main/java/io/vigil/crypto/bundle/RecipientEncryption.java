package io.vigil.crypto.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSEnvelopedDataStreamGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Encrypts a finished bundle for one recipient certificate as CMS EnvelopedData (RFC 5652), streamed: AES-256-CBC
 * content encryption, the content key for an RSA certificate by key transport (PKCS#1 v1.5, which every CMS tool reads) and for an EC certificate by ECDH key agreement (ephemeral-static, SHA-256 KDF,
 * AES-256 key wrap). The recipient opens it with {@code openssl cms -decrypt -binary -inform DER -in bundle.zip.p7m
 * -recip cert.pem -inkey key.pem -out bundle.zip}.
 */
public final class RecipientEncryption {

    private RecipientEncryption() {
    }

    /** Copies {@code bundle} into {@code out} encrypted for {@code recipient}; closes neither stream. */
    public static void encrypt(InputStream bundle, X509Certificate recipient, OutputStream out)
            throws IOException, GeneralSecurityException {
        CMSEnvelopedDataStreamGenerator generator = new CMSEnvelopedDataStreamGenerator();
        try {
            if (recipient.getPublicKey() instanceof RSAPublicKey) {
                generator.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(recipient));
            } else if (recipient.getPublicKey() instanceof ECPublicKey) {
                generator.addRecipientInfoGenerator(new JceKeyAgreeRecipientInfoGenerator(
                        CMSAlgorithm.ECDH_SHA256KDF, null, null, CMSAlgorithm.AES256_WRAP)
                        .setProvider(new BouncyCastleProvider())
                        .addRecipient(recipient));
            } else {
                throw new GeneralSecurityException("the recipient certificate holds a " + recipient.getPublicKey().getAlgorithm()
                        + " key; give an RSA or EC certificate");
            }
            try (OutputStream encrypted = generator.open(CMSObjectIdentifiers.data, out,
                    new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_CBC).build())) {
                bundle.transferTo(encrypted);
            }
        } catch (CMSException e) {
            throw new GeneralSecurityException("cannot encrypt the bundle for " + recipient.getSubjectX500Principal().getName()
                    + ": " + e.getMessage(), e);
        }
    }
}
