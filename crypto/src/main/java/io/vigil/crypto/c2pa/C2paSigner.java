package io.vigil.crypto.c2pa;

import io.vigil.crypto.keys.KeyProvider;
import io.vigil.crypto.keys.KeyReference;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.util.BigIntegers;

/**
 * Who signs a C2PA claim: an ES256 (ECDSA P-256 with SHA-256) signing function and the certificate chain of
 * its key, leaf first, up to but not including the root (the root is the verifier's trust anchor).
 *
 * <p>The key itself never has to be here: {@link #of(KeyProvider, KeyReference, List)} signs inside the
 * tenant's key provider (an HSM for {@code pkcs11}). The signing function returns a DER ECDSA signature, as
 * JCA and PKCS#11 do; COSE wants the raw {@code r || s} form (32 + 32 bytes), which {@link #signEs256}
 * converts to.
 */
public final class C2paSigner {

    /** Produces a DER-encoded SHA256withECDSA signature over {@code data}. */
    @FunctionalInterface
    public interface DerSigningFunction {
        byte[] sign(byte[] data) throws GeneralSecurityException;
    }

    private static final int COORDINATE_BYTES = 32;

    private final DerSigningFunction function;
    private final List<X509Certificate> chain;

    private C2paSigner(DerSigningFunction function, List<X509Certificate> chain) {
        this.function = Objects.requireNonNull(function, "function");
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("The certificate chain needs at least the signing certificate");
        }
        if (!(chain.get(0).getPublicKey() instanceof ECPublicKey ec)
                || ec.getParams().getCurve().getField().getFieldSize() != 256) {
            throw new IllegalArgumentException("The signing certificate must hold an EC P-256 key: C2PA signatures here are ES256");
        }
        this.chain = List.copyOf(chain);
    }

    /** Signs with any function returning DER ECDSA signatures, e.g. a remote signing service. */
    public static C2paSigner of(DerSigningFunction function, List<X509Certificate> chain) {
        return new C2paSigner(function, chain);
    }

    /** Signs with a JCA private key (software or any JCA provider). */
    public static C2paSigner of(PrivateKey key, List<X509Certificate> chain) {
        Objects.requireNonNull(key, "key");
        return new C2paSigner(data -> {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        }, chain);
    }

    /** Signs with a {@code signing}-domain key version held by a key provider; the key never leaves it. */
    public static C2paSigner of(KeyProvider provider, KeyReference signingKey, List<X509Certificate> chain) {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(signingKey, "signingKey");
        return new C2paSigner(data -> provider.sign(signingKey, data), chain);
    }

    /** The chain, leaf first. */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** An ES256 signature in COSE's raw form: {@code r} and {@code s}, each left-padded to 32 bytes. */
    byte[] signEs256(byte[] data) throws C2paException {
        byte[] der;
        try {
            der = function.sign(data);
        } catch (GeneralSecurityException e) {
            throw new C2paException("The signing key refused to sign the C2PA claim: " + e.getMessage(), e);
        }
        try {
            ASN1Sequence sequence = ASN1Sequence.getInstance(der);
            byte[] raw = new byte[2 * COORDINATE_BYTES];
            copyUnsigned(ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue(), raw, 0);
            copyUnsigned(ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue(), raw, COORDINATE_BYTES);
            return raw;
        } catch (RuntimeException e) {
            throw new C2paException("The signing function did not return a DER ECDSA P-256 signature", e);
        }
    }

    private static void copyUnsigned(BigInteger value, byte[] target, int offset) {
        // Throws if the value does not fit: then it was not a P-256 signature.
        byte[] fixed = BigIntegers.asUnsignedByteArray(COORDINATE_BYTES, value);
        System.arraycopy(fixed, 0, target, offset, COORDINATE_BYTES);
    }
}
