package io.vigil.discovery.application;

import io.vigil.crypto.c2pa.TimestampAuthority;
import io.vigil.platform.VigilConfig;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

/**
 * An RFC 3161 timestamp authority for the manifest signature, configured by {@code vigil.tsa-url}; none configured
 * means no timestamp (the verifier says so). The reply is checked against the request (status, imprint, nonce).
 * The same authority stamps the C2PA signatures made for the export's natives ({@code sigTst2}).
 *
 * <p>An authority that is configured but cannot be reached fails the export, saying so: a production that the
 * configuration promises to timestamp is never shipped without one.
 */
public final class ManifestTimestamps {

    public static final String URL_SETTING = "vigil.tsa-url";

    private static final SecureRandom NONCES = new SecureRandom();
    private final URI url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15)).build();

    private ManifestTimestamps(URI url) {
        this.url = url;
    }

    /**
     * The authority configured now: the system property {@value #URL_SETTING} (looked up at every export, so it can
     * be set on a running server), else the settings file's.
     */
    public static Optional<ManifestTimestamps> configured() {
        return configured(Optional.ofNullable(System.getProperty(URL_SETTING)).filter(u -> !u.isBlank())
                .or(() -> VigilConfig.current().get(URL_SETTING)));
    }

    public static Optional<ManifestTimestamps> configured(Optional<String> url) {
        return url.filter(u -> !u.isBlank()).map(u -> {
            URI uri;
            try {
                uri = URI.create(u.strip());
            } catch (IllegalArgumentException e) {
                uri = null;
            }
            if (uri == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalStateException(URL_SETTING + " must be an http or https URL of an RFC 3161 timestamp"
                        + " authority, not '" + u + "'");
            }
            return new ManifestTimestamps(uri);
        });
    }

    public URI url() {
        return url;
    }

    /** The same authority for C2PA signatures. */
    public TimestampAuthority forC2pa() {
        return TimestampAuthority.at(url);
    }

    public byte[] timestampToken(byte[] signatureValue) throws IOException {
        try {
            byte[] imprint = MessageDigest.getInstance("SHA-256").digest(signatureValue);
            TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
            generator.setCertReq(true);
            TimeStampRequest request = generator.generate(NISTObjectIdentifiers.id_sha256, imprint, new BigInteger(64, NONCES));
            HttpResponse<byte[]> reply;
            try {
                reply = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/timestamp-query")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new IOException(unreachable(url, e), e);
            }
            if (reply.statusCode() != 200) {
                throw new IOException("the timestamp authority " + url + " answered HTTP " + reply.statusCode()
                        + "; check vigil.tsa-url");
            }
            TimeStampResponse response = new TimeStampResponse(reply.body());
            response.validate(request);
            if (response.getTimeStampToken() == null) {
                throw new IOException("the timestamp authority " + url + " refused: " + response.getStatusString());
            }
            return response.getTimeStampToken().getEncoded();
        } catch (TSPException e) {
            throw new IOException("the timestamp authority " + url + " sent an invalid reply: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the timestamp authority", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String unreachable(URI url, Exception e) {
        return "the timestamp authority " + url + " cannot be reached (" + (e.getMessage() == null
                ? e.getClass().getSimpleName() : e.getMessage()) + "); the export stops rather than ship without the"
                + " timestamp " + URL_SETTING + " promises: request it again when the authority is back, or unset "
                + URL_SETTING;
    }
}
