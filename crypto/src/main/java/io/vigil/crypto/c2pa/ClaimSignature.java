package io.vigil.crypto.c2pa;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.crypto.c2pa.C2paVerificationException.Failure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * The C2PA claim signature: a COSE_Sign1 (RFC 9052) over the claim's CBOR bytes, which are not repeated in it.
 *
 * <pre>
 * COSE_Sign1 = #6.18([
 *   protected:   bstr .cbor { 1: -7 (ES256), 33: [leaf DER, intermediate DER, ...] (x5chain, RFC 9360) },
 *   unprotected: { ? "sigTst2": { "tstTokens": [ { "val": TimeStampToken DER } ] }, "pad": bstr (zeros) },
 *   payload:     nil (detached: the claim),
 *   signature:   bstr (r || s, 64 bytes) ])
 * signed bytes      = CBOR ["Signature1", protected, h'', claim]
 * sigTst2 imprint   = SHA-256 of CBOR ["CounterSignature", protected, h'', bstr-encoded signature]
 * </pre>
 *
 * <p>The signature box is reserved before the claim is final (the claim's data hash must know where the
 * manifest store ends), so the COSE structure is padded with zero bytes to exactly the reserved size. When
 * the padding cannot hit the size with one {@code pad} entry (CBOR length headers grow in steps), an empty
 * {@code pad2} entry shifts it.
 */
final class ClaimSignature {

    /** What a verified signature proves: who signed, and when if a timestamp says so. */
    record Verified(List<X509Certificate> chain, Optional<Instant> timestamp) {
    }

    private static final int COSE_SIGN1_TAG = 18;
    private static final int ALG = 1;
    private static final int ES256 = -7;
    private static final int X5CHAIN = 33;
    private static final int TIMESTAMP_RESERVE = 8192;
    private static final int PAD_RESERVE = 32;

    private ClaimSignature() {
    }

    /** The signature box size to reserve for {@code signer}, with room for a timestamp token if one is wanted. */
    static int reservedSize(C2paSigner signer, boolean timestamped) throws C2paException {
        byte[] unpadded = sign1(protectedHeader(signer), new LinkedHashMap<>(), new byte[64]);
        return unpadded.length + PAD_RESERVE + (timestamped ? TIMESTAMP_RESERVE : 0);
    }

    /** Signs {@code claim} and pads the COSE_Sign1 to exactly {@code reservedSize} bytes. */
    static byte[] sign(byte[] claim, C2paSigner signer, Optional<TimestampAuthority> tsa, int reservedSize)
            throws C2paException {
        byte[] protectedHeader = protectedHeader(signer);
        byte[] signature = signer.signEs256(sigStructure(protectedHeader, claim));
        Map<Object, Object> unprotected = new LinkedHashMap<>();
        if (tsa.isPresent()) {
            byte[] token = tsa.get().timestamp(counterSignatureStructure(protectedHeader, signature));
            unprotected.put("sigTst2", Map.of("tstTokens", List.of(Map.of("val", token))));
        }
        return padded(protectedHeader, unprotected, signature, reservedSize);
    }

    /**
     * Verifies a COSE_Sign1 over {@code claim}: the ES256 signature against the leaf, each certificate
     * against the next, validity at the timestamp's time (or now), and the timestamp token if present.
     */
    static Verified verify(byte[] cose, byte[] claim) throws C2paVerificationException {
        if (cose.length == 0 || (cose[0] & 0xFF) != (0xC0 | COSE_SIGN1_TAG)) {
            throw new C2paVerificationException(Failure.MALFORMED, "The claim signature is not a tagged COSE_Sign1");
        }
        JsonNode sign1 = decode(cose);
        if (!sign1.isArray() || sign1.size() != 4 || !sign1.get(0).isBinary() || !sign1.get(3).isBinary()) {
            throw new C2paVerificationException(Failure.MALFORMED, "The COSE_Sign1 structure is not [protected, unprotected, payload, signature]");
        }
        byte[] protectedHeader = binary(sign1.get(0));
        byte[] signature = binary(sign1.get(3));
        JsonNode header = decode(protectedHeader);
        if (header.path(String.valueOf(ALG)).asInt() != ES256) {
            throw new C2paVerificationException(Failure.SIGNATURE_INVALID, "Only ES256 claim signatures are supported, found alg "
                    + header.path(String.valueOf(ALG)));
        }
        List<X509Certificate> chain = certificates(header.path(String.valueOf(X5CHAIN)));
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(chain.get(0).getPublicKey());
            verifier.update(sigStructure(protectedHeader, claim));
            if (signature.length != 64 || !verifier.verify(derSignature(signature))) {
                throw new C2paVerificationException(Failure.SIGNATURE_INVALID,
                        "The claim signature does not verify with the signing certificate: the claim was altered");
            }
        } catch (GeneralSecurityException | IOException e) {
            throw new C2paVerificationException(Failure.SIGNATURE_INVALID, "The claim signature cannot be checked: " + e.getMessage(), e);
        }
        Optional<Instant> timestamp = timestamp(sign1.get(1).path("sigTst2"), protectedHeader, signature);
        checkChain(chain, timestamp.orElse(Instant.now()));
        return new Verified(chain, timestamp);
    }

    private static byte[] protectedHeader(C2paSigner signer) throws C2paException {
        List<Object> x5chain = new ArrayList<>();
        try {
            for (X509Certificate certificate : signer.chain()) {
                x5chain.add(certificate.getEncoded());
            }
        } catch (CertificateEncodingException e) {
            throw new C2paException("A certificate of the signing chain cannot be encoded", e);
        }
        Map<Object, Object> header = new LinkedHashMap<>();
        header.put(ALG, ES256);
        // RFC 9360: one certificate is a bare byte string, several are an array.
        header.put(X5CHAIN, x5chain.size() == 1 ? x5chain.get(0) : x5chain);
        return Cbor.encode(header);
    }

    private static byte[] sigStructure(byte[] protectedHeader, byte[] claim) {
        return Cbor.encode(List.of("Signature1", protectedHeader, new byte[0], claim));
    }

    private static byte[] counterSignatureStructure(byte[] protectedHeader, byte[] signature) {
        return Cbor.encode(List.of("CounterSignature", protectedHeader, new byte[0], Cbor.encode(signature)));
    }

    private static byte[] sign1(byte[] protectedHeader, Map<Object, Object> unprotected, byte[] signature) {
        return Cbor.encode(new Cbor.Tagged(COSE_SIGN1_TAG, Arrays.asList(protectedHeader, unprotected, null, signature)));
    }

    private static byte[] padded(byte[] protectedHeader, Map<Object, Object> unprotected, byte[] signature, int size)
            throws C2paException {
        for (boolean shift : new boolean[] {false, true}) {
            Map<Object, Object> header = new LinkedHashMap<>(unprotected);
            if (shift) {
                header.put("pad2", new byte[0]);
            }
            header.put("pad", new byte[0]);
            int base = sign1(protectedHeader, header, signature).length;
            // The pad's own length header takes 0, 1, 2 or 4 more bytes than the empty pad's.
            for (int extraHeader : new int[] {0, 1, 2, 4}) {
                int padLength = size - base - extraHeader;
                if (padLength < 0) {
                    continue;
                }
                header.put("pad", new byte[padLength]);
                byte[] candidate = sign1(protectedHeader, header, signature);
                if (candidate.length == size) {
                    return candidate;
                }
            }
        }
        throw new C2paException("The claim signature (with its timestamp) does not fit the " + size
                + " bytes reserved for it");
    }

    private static Optional<Instant> timestamp(JsonNode sigTst2, byte[] protectedHeader, byte[] signature)
            throws C2paVerificationException {
        if (sigTst2.isMissingNode()) {
            return Optional.empty();
        }
        JsonNode tokens = sigTst2.path("tstTokens");
        if (!tokens.isArray() || tokens.size() != 1 || !tokens.get(0).path("val").isBinary()) {
            throw new C2paVerificationException(Failure.MALFORMED, "sigTst2 must hold exactly one timestamp token");
        }
        try {
            TimeStampToken token = new TimeStampToken(new CMSSignedData(binary(tokens.get(0).path("val"))));
            byte[] expected = MessageDigest.getInstance("SHA-256").digest(counterSignatureStructure(protectedHeader, signature));
            if (!MessageDigest.isEqual(expected, token.getTimeStampInfo().getMessageImprintDigest())) {
                throw new C2paVerificationException(Failure.SIGNATURE_INVALID, ValidationCodes.TIMESTAMP_MISMATCH,
                        "The timestamp token stamps a different signature", null);
            }
            @SuppressWarnings("unchecked")
            var matches = token.getCertificates().getMatches(token.getSID());
            if (matches.isEmpty()) {
                throw new C2paVerificationException(Failure.SIGNATURE_INVALID, "The timestamp token carries no TSA certificate");
            }
            X509CertificateHolder tsaCertificate = (X509CertificateHolder) matches.iterator().next();
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsaCertificate));
            return Optional.of(token.getTimeStampInfo().getGenTime().toInstant());
        } catch (TSPException | CMSException | IOException | OperatorCreationException | CertificateException e) {
            throw new C2paVerificationException(Failure.SIGNATURE_INVALID, ValidationCodes.TIMESTAMP_MISMATCH,
                    "The timestamp token does not verify: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static List<X509Certificate> certificates(JsonNode x5chain) throws C2paVerificationException {
        List<JsonNode> entries = new ArrayList<>();
        if (x5chain.isBinary()) {
            entries.add(x5chain);
        } else if (x5chain.isArray()) {
            x5chain.forEach(entries::add);
        }
        if (entries.isEmpty()) {
            throw new C2paVerificationException(Failure.SIGNATURE_INVALID, "The claim signature carries no certificate (x5chain)");
        }
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (JsonNode entry : entries) {
                chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(binary(entry))));
            }
        } catch (CertificateException | C2paVerificationException e) {
            throw new C2paVerificationException(Failure.SIGNATURE_INVALID, ValidationCodes.SIGNING_CREDENTIAL_INVALID,
                    "A certificate in x5chain does not parse", e);
        }
        return chain;
    }

    private static void checkChain(List<X509Certificate> chain, Instant at) throws C2paVerificationException {
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate certificate = chain.get(i);
            try {
                certificate.checkValidity(java.util.Date.from(at));
                if (i + 1 < chain.size()) {
                    certificate.verify(chain.get(i + 1).getPublicKey());
                }
            } catch (GeneralSecurityException e) {
                throw new C2paVerificationException(Failure.SIGNATURE_INVALID, ValidationCodes.SIGNING_CREDENTIAL_INVALID,
                        "Certificate '" + certificate.getSubjectX500Principal().getName()
                        + "' in the signing chain is not valid: " + e.getMessage(), e);
            }
        }
    }

    private static byte[] derSignature(byte[] raw) throws IOException {
        ASN1EncodableVector values = new ASN1EncodableVector();
        values.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 0, 32))));
        values.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 32, 64))));
        return new DERSequence(values).getEncoded();
    }

    private static JsonNode decode(byte[] cbor) throws C2paVerificationException {
        try {
            return Cbor.decode(cbor);
        } catch (IOException e) {
            throw new C2paVerificationException(Failure.MALFORMED, "The claim signature is not valid CBOR", e);
        }
    }

    private static byte[] binary(JsonNode node) throws C2paVerificationException {
        try {
            return node.binaryValue();
        } catch (IOException e) {
            throw new C2paVerificationException(Failure.MALFORMED, "Expected a CBOR byte string", e);
        }
    }
}
