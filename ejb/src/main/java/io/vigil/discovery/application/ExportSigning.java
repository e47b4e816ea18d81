package io.vigil.discovery.application;

import io.vigil.crypto.bundle.ManifestSignature;
import io.vigil.crypto.c2pa.C2paException;
import io.vigil.crypto.c2pa.C2paSigner;
import io.vigil.crypto.c2pa.C2paWriter;
import io.vigil.crypto.c2pa.ClaimGenerator;
import io.vigil.crypto.c2pa.DemoPki;
import io.vigil.crypto.c2pa.DigitalSourceType;
import io.vigil.crypto.keys.KeyDomain;
import io.vigil.crypto.keys.KeyProvider;
import io.vigil.crypto.keys.KeyProviderException;
import io.vigil.crypto.keys.KeyReference;
import io.vigil.discovery.domain.BundleBuilder;
import io.vigil.discovery.domain.NativeSigner;
import io.vigil.keys.KeyRegistry;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who signs a tenant's bundles: the tenant's {@code signing} key in its key provider (it never leaves it; an HSM
 * signs inside), certified by a certificate chain issued when the export is requested and stored with it, so a
 * resumed export signs under the same chain. The chain comes from a per-tenant demo CA ({@link DemoPki}, EC P-256,
 * root → intermediate → leaf with the EKUs c2pa-rs accepts) held in memory; the root is written into every bundle.
 * The same key and chain sign the natives (C2PA) and the manifest (CMS).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ExportSigning {

    /** A chain (leaf first, without the root) and its root, as PEM. */
    public record Certificates(String chainPem, String rootPem) {
    }

    @EJB
    private KeyRegistry keys;

    private final Map<TenantId, DemoPki> authorities = new ConcurrentHashMap<>();

    /** Issues a certificate for the tenant's current signing key, for a new export. */
    public Certificates issue(TenantId tenant, String tenantName) {
        keys.ensureTenantKeys(tenant);
        DemoPki pki = authorities.computeIfAbsent(tenant, t -> DemoPki.create(tenantName));
        try {
            KeyProvider provider = keys.provider(tenant);
            KeyReference key = provider.currentVersion(KeyRegistry.keyName(tenant, KeyDomain.SIGNING));
            List<X509Certificate> chain = pki.issueSigningChain(provider.publicKey(key), tenantName + " eDiscovery exports");
            return new Certificates(pem(chain), pki.rootPem());
        } catch (KeyProviderException e) {
            throw new IllegalStateException("the tenant's signing key cannot be used: " + e.getMessage(), e);
        }
    }

    /** C2PA signing of natives with the tenant's signing key under {@code chainPem}. */
    public NativeSigner nativeSigner(TenantId tenant, String chainPem) {
        C2paWriter writer = C2paWriter.create(c2paSigner(tenant, chainPem), ClaimGenerator.vigil());
        return new NativeSigner() {
            @Override
            public byte[] signOriginal(byte[] wav, String title) throws IOException {
                try {
                    return writer.sign(wav, title, DigitalSourceType.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA);
                } catch (C2paException e) {
                    throw new IOException("cannot C2PA-sign " + title + ": " + e.getMessage(), e);
                }
            }

            @Override
            public byte[] signRedacted(byte[] originalWav, byte[] redactedWav, String title, String description)
                    throws IOException {
                try {
                    return writer.signRedactedExport(signOriginal(originalWav, title + " (original)"), redactedWav, title,
                            description);
                } catch (C2paException e) {
                    throw new IOException("cannot C2PA-sign " + title + ": " + e.getMessage(), e);
                }
            }
        };
    }

    /** CMS signing of the manifest, with an RFC 3161 timestamp when {@code tsa} is given. */
    public BundleBuilder.ManifestSigner manifestSigner(TenantId tenant, String chainPem, Optional<ManifestTimestamps> tsa) {
        KeyProvider provider = keys.provider(tenant);
        KeyReference key = signingKey(tenant);
        List<X509Certificate> chain = certificates(chainPem);
        return manifest -> {
            try {
                return ManifestSignature.sign(manifest, data -> provider.sign(key, data), chain,
                        tsa.map(t -> t::timestampToken));
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot sign manifest.json with the tenant's signing key: " + e.getMessage(), e);
            }
        };
    }

    private C2paSigner c2paSigner(TenantId tenant, String chainPem) {
        return C2paSigner.of(keys.provider(tenant), signingKey(tenant), certificates(chainPem));
    }

    private KeyReference signingKey(TenantId tenant) {
        try {
            return keys.provider(tenant).currentVersion(KeyRegistry.keyName(tenant, KeyDomain.SIGNING));
        } catch (KeyProviderException e) {
            throw new IllegalStateException("the tenant has no signing key: " + e.getMessage(), e);
        }
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
