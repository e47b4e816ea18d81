package io.vigil.discovery.application;

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
 */
public final class ManifestTimestamps {

    private static final SecureRandom NONCES = new SecureRandom();
    private final URI url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15)).build();

    private ManifestTimestamps(URI url) {
        this.url = url;
    }

    public static Optional<ManifestTimestamps> configured(Optional<String> url) {
        return url.filter(u -> !u.isBlank()).map(u -> new ManifestTimestamps(URI.create(u.strip())));
    }

    public byte[] timestampToken(byte[] signatureValue) throws IOException {
        try {
            byte[] imprint = MessageDigest.getInstance("SHA-256").digest(signatureValue);
            TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
            generator.setCertReq(true);
            TimeStampRequest request = generator.generate(NISTObjectIdentifiers.id_sha256, imprint, new BigInteger(64, NONCES));
            HttpResponse<byte[]> reply = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
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
}
