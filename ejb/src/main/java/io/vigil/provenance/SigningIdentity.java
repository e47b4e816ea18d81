package io.vigil.provenance;

import io.vigil.crypto.keys.KeyReference;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who signs a tenant's C2PA manifests: one version of the tenant's signing key and the chain that certifies it
 * (leaf first, no root), issued by the demo CA ({@code DEMO}) or imported by the tenant ({@code IMPORTED}, with
 * the root it chains to if the bundle had one).
 */
public record SigningIdentity(KeyReference key, List<X509Certificate> chain, Source source,
                              Optional<X509Certificate> importedRoot) {

    public enum Source { DEMO, IMPORTED }

    public SigningIdentity {
        chain = List.copyOf(chain);
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }

    public String subject() {
        return leaf().getSubjectX500Principal().getName();
    }

    public String issuer() {
        return leaf().getIssuerX500Principal().getName();
    }

    public Instant notAfter() {
        return leaf().getNotAfter().toInstant();
    }
}
