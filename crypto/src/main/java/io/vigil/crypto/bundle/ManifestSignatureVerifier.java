package io.vigil.crypto.bundle;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Selector;

/**
 * Checks a {@link ManifestSignature}: the CMS signature over the manifest bytes, that the signer's chain as carried
 * verifies link by link (and ends at a trust anchor, when the caller gives any), and the RFC 3161 timestamp token,
 * when there is one: its own signature by the TSA certificate it carries, and that it stamps exactly this signature
 * value.
 */
public final class ManifestSignatureVerifier {

    /** The verdict: who signed, the timestamp's time if any, and every problem (empty when valid). */
    public record Result(String signer, Optional<Instant> timestamp, List<String> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private ManifestSignatureVerifier() {
    }

    public static Result verify(byte[] manifest, byte[] signature, Collection<X509Certificate> trustAnchors) {
        List<String> problems = new ArrayList<>();
        String who = "unknown";
        Optional<Instant> time = Optional.empty();
        try {
            CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(manifest), signature);
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            List<X509Certificate> carried = new ArrayList<>();
            for (X509CertificateHolder holder : signed.getCertificates().getMatches(null)) {
                carried.add(converter.getCertificate(holder));
            }
            if (signed.getSignerInfos().size() != 1) {
                problems.add("the signature holds " + signed.getSignerInfos().size() + " signers, expected one");
                return new Result(who, time, problems);
            }
            SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            Selector<X509CertificateHolder> sid = (Selector<X509CertificateHolder>) (Selector<?>) signer.getSID();
            Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(sid);
            if (matches.isEmpty()) {
                problems.add("the signer's certificate is not in the signature");
                return new Result(who, time, problems);
            }
            X509Certificate leaf = converter.getCertificate(matches.iterator().next());
            who = leaf.getSubjectX500Principal().getName();
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(leaf))) {
                problems.add("the signature does not match manifest.json: the manifest was changed after signing");
            }
            checkChain(leaf, carried, trustAnchors, problems);
            time = timestamp(signer, problems);
        } catch (CMSException e) {
            problems.add("the signature is not valid CMS or does not match manifest.json: " + e.getMessage());
        } catch (CertificateException | OperatorCreationException e) {
            problems.add("the signer's certificate cannot be read: " + e.getMessage());
        }
        return new Result(who, time, problems);
    }

    private static void checkChain(X509Certificate leaf, List<X509Certificate> carried, Collection<X509Certificate> anchors,
                                   List<String> problems) {
        X509Certificate current = leaf;
        for (int depth = 0; depth < 8; depth++) {
            X509Certificate child = current;
            Optional<X509Certificate> anchor = anchors.stream()
                    .filter(a -> a.getSubjectX500Principal().equals(child.getIssuerX500Principal())).findFirst();
            if (anchor.isPresent()) {
                if (!signedBy(current, anchor.get())) {
                    problems.add("the certificate " + current.getSubjectX500Principal().getName() + " is not signed by the trusted root");
                }
                return;
            }
            Optional<X509Certificate> issuer = carried.stream().filter(c -> !c.equals(child))
                    .filter(c -> c.getSubjectX500Principal().equals(child.getIssuerX500Principal())).findFirst();
            if (issuer.isEmpty()) {
                if (!anchors.isEmpty()) {
                    problems.add("the signer's chain does not end at a trusted root (issuer "
                            + current.getIssuerX500Principal().getName() + " is neither carried nor trusted)");
                }
                return;
            }
            if (!signedBy(current, issuer.get())) {
                problems.add("the certificate " + current.getSubjectX500Principal().getName() + " is not signed by its issuer");
                return;
            }
            current = issuer.get();
        }
        problems.add("the signer's chain is longer than 8 certificates");
    }

    private static boolean signedBy(X509Certificate cert, X509Certificate issuer) {
        try {
            cert.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static Optional<Instant> timestamp(SignerInformation signer, List<String> problems) {
        AttributeTable unsigned = signer.getUnsignedAttributes();
        Attribute attribute = unsigned == null ? null : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (attribute == null) {
            return Optional.empty();
        }
        try {
            TimeStampToken token = new TimeStampToken(new CMSSignedData(attribute.getAttrValues().getObjectAt(0)
                    .toASN1Primitive().getEncoded()));
            byte[] expected = MessageDigest.getInstance("SHA-256").digest(signer.getSignature());
            if (!MessageDigest.isEqual(expected, token.getTimeStampInfo().getMessageImprintDigest())) {
                problems.add("the timestamp does not stamp this signature");
            }
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> tsa = token.getCertificates().getMatches(
                    (Selector<X509CertificateHolder>) (Selector<?>) token.getSID());
            if (tsa.isEmpty()) {
                problems.add("the timestamp token does not carry its TSA certificate");
            } else {
                token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa.iterator().next()));
            }
            return Optional.of(token.getTimeStampInfo().getGenTime().toInstant());
        } catch (IOException | TSPException | CMSException | OperatorCreationException | CertificateException
                 | java.security.NoSuchAlgorithmException e) {
            problems.add("the timestamp token is invalid: " + e.getMessage());
            return Optional.empty();
        }
    }
}
