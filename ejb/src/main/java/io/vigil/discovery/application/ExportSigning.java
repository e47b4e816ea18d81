package io.vigil.discovery.application;

import io.vigil.crypto.bundle.ManifestSignature;
import io.vigil.crypto.c2pa.C2paReader;
import io.vigil.crypto.c2pa.C2paVerificationException;
import io.vigil.crypto.c2pa.TimestampAuthority;
import io.vigil.crypto.keys.KeyDomain;
import io.vigil.crypto.keys.KeyProvider;
import io.vigil.crypto.keys.KeyProviderException;
import io.vigil.crypto.keys.KeyReference;
import io.vigil.crypto.keys.KeyVersion;
import io.vigil.discovery.domain.BundleBuilder;
import io.vigil.discovery.domain.NativeSigner;
import io.vigil.keys.KeyRegistry;
import io.vigil.provenance.ProvenanceException;
import io.vigil.provenance.ProvenanceSigning;
import io.vigil.provenance.SigningChains;
import io.vigil.provenance.SigningIdentity;
import io.vigil.provenance.TrackKind;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Who signs a tenant's bundles: the tenant's {@code signing} key in its key provider (an HSM signs inside) with the
 * chain that certifies it ({@link SigningChains}: the demo CA's, or the tenant's own imported chain), the same
 * identity that signs its recordings' C2PA manifests ({@link ProvenanceSigning}). The chain and the roots a
 * verifier needs are fixed when the export is requested and stored with it, so a resumed export signs alike.
 */
@Stateless
public class ExportSigning {

    /** A chain (leaf first, without the root) and the roots the bundle's signatures chain to, as PEM. */
    public record Certificates(String chainPem, String rootPem) {
    }

    @EJB
    private KeyRegistry keys;

    @EJB
    private SigningChains chains;

    @EJB
    private ProvenanceSigning provenance;

    /** The tenant's current signing identity and its trust anchors, for a new export. */
    public Certificates issue(TenantId tenant, String tenantName) {
        try {
            SigningIdentity identity = chains.current(tenant);
            return new Certificates(pem(identity.chain()), pem(chains.trustAnchors(tenant)));
        } catch (ProvenanceException e) {
            throw new IllegalStateException("the tenant's signing key cannot sign exports: " + e.getMessage(), e);
        }
    }

    /**
     * C2PA natives. A recording already signed when it was stored keeps that manifest (it states what was recorded,
     * when, by whom); one without is signed now. A redacted copy names the signed original as its ingredient.
     * Signatures made now are stamped at {@code tsa}, the export's timestamp authority, when one is configured.
     */
    public NativeSigner nativeSigner(TenantId tenant, String rootsPem, Optional<ManifestTimestamps> tsa) {
        C2paReader reader = C2paReader.trusting(certificates(rootsPem));
        Optional<TimestampAuthority> stampAt = tsa.map(ManifestTimestamps::forC2pa);
        return new NativeSigner() {
            @Override
            public byte[] signOriginal(byte[] wav, String title) throws IOException {
                try {
                    reader.read(wav);
                    return wav;
                } catch (C2paVerificationException unsignedOrForeign) {
                    try {
                        return provenance.sign(tenant, wav, title, TrackKind.COMPOSITE, stampAt);
                    } catch (ProvenanceException e) {
                        throw new IOException("cannot C2PA-sign " + title + ": " + e.getMessage(), e);
                    }
                }
            }

            @Override
            public byte[] signRedacted(byte[] originalWav, byte[] redacted, String title, String description)
                    throws IOException {
                try {
                    return provenance.signRedactedCopy(tenant, signOriginal(originalWav, title + " (original)"), redacted,
                            title, description, stampAt);
                } catch (ProvenanceException e) {
                    throw new IOException("cannot C2PA-sign " + title + ": " + e.getMessage(), e);
                }
            }

            @Override
            public byte[] signTranscoded(byte[] originalWav, byte[] transcoded, String title, String description)
                    throws IOException {
                try {
                    return provenance.signTranscodedCopy(tenant, signOriginal(originalWav, title + " (original)"),
                            transcoded, title, description, stampAt);
                } catch (ProvenanceException e) {
                    throw new IOException("cannot C2PA-sign " + title + ": " + e.getMessage(), e);
                }
            }
        };
    }

    /** CMS signing of the manifest under {@code chainPem}, with an RFC 3161 timestamp when {@code tsa} is given. */
    public BundleBuilder.ManifestSigner manifestSigner(TenantId tenant, String chainPem, Optional<ManifestTimestamps> tsa) {
        KeyProvider provider = keys.provider(tenant);
        List<X509Certificate> chain = certificates(chainPem);
        KeyReference key = keyOf(tenant, provider, chain.get(0));
        return manifest -> {
            try {
                return ManifestSignature.sign(manifest, data -> provider.sign(key, data), chain,
                        tsa.map(t -> t::timestampToken));
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot sign manifest.json with the tenant's signing key: " + e.getMessage(), e);
            }
        };
    }

    /** The version of the tenant's signing key that {@code leaf} certifies (the key may have rotated since). */
    private static KeyReference keyOf(TenantId tenant, KeyProvider provider, X509Certificate leaf) {
        try {
            for (KeyVersion version : provider.versions(KeyRegistry.keyName(tenant, KeyDomain.SIGNING))) {
                KeyReference reference = version.reference();
                if (provider.publicKey(reference).equals(leaf.getPublicKey())) {
                    return reference;
                }
            }
        } catch (KeyProviderException e) {
            throw new IllegalStateException("the tenant's signing key cannot be read: " + e.getMessage(), e);
        }
        throw new IllegalStateException("none of the tenant's signing key versions matches the export's certificate"
                + " (the key version was destroyed); request the export again");
    }

    public static List<X509Certificate> certificates(String pem) {
        try {
            return CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(
                    pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII))).stream().map(c -> (X509Certificate) c).toList();
        } catch (CertificateException e) {
            throw new IllegalStateException("the stored certificate chain is not PEM: " + e.getMessage(), e);
        }
    }

    public static String pem(List<X509Certificate> chain) {
        StringBuilder pem = new StringBuilder();
        Base64.Encoder base64 = Base64.getMimeEncoder(64, new byte[] {'\n'});
        for (X509Certificate c : chain) {
            try {
                pem.append("-----BEGIN CERTIFICATE-----\n").append(base64.encodeToString(c.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
        return pem.toString();
    }
}
