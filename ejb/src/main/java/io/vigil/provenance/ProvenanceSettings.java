package io.vigil.provenance;

import io.vigil.crypto.c2pa.TimestampAuthority;
import io.vigil.platform.VigilConfig;
import java.net.URI;
import java.util.Optional;

/**
 * C2PA settings: {@code vigil.c2pa.tsa-url} (the launcher writes it from {@code VIGIL_C2PA_TSA_URL}), the RFC 3161
 * timestamp authority every signature is stamped at; none means signatures carry no timestamp.
 */
public record ProvenanceSettings(Optional<URI> timestampAuthorityUrl) {

    public static final String TSA_URL = "vigil.c2pa.tsa-url";

    public static ProvenanceSettings fromSystem() {
        Optional<String> url = VigilConfig.current().get(TSA_URL)
                .or(() -> Optional.ofNullable(System.getenv("VIGIL_C2PA_TSA_URL")).filter(s -> !s.isBlank()));
        return new ProvenanceSettings(url.map(u -> {
            URI uri = URI.create(u.trim());
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalStateException(TSA_URL + " must be an http or https URL, got '" + u + "'");
            }
            return uri;
        }));
    }

    public Optional<TimestampAuthority> timestampAuthority() {
        return timestampAuthorityUrl.map(TimestampAuthority::at);
    }
}
