package io.vigil.crypto.c2pa;

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
import java.util.Objects;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

/**
 * An RFC 3161 time-stamping authority reached over HTTP: POST of a {@code application/timestamp-query}
 * (SHA-256 message imprint, a random nonce, certReq = true), answered by a
 * {@code application/timestamp-reply}.
 *
 * <p>C2PA v2 timestamps ({@code sigTst2}) stamp the claim signature after signing, so a timestamp proves the
 * signature existed at that time even after the signing certificate expires. Only the TimeStampToken (a CMS
 * SignedData ContentInfo) is kept, not the whole response.
 */
public final class TimestampAuthority {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final SecureRandom NONCES = new SecureRandom();

    private final URI url;
    private final HttpClient http;

    private TimestampAuthority(URI url) {
        this.url = Objects.requireNonNull(url, "url");
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /** The authority at {@code url}, e.g. {@code http://timestamp.example/tsa}. */
    public static TimestampAuthority at(URI url) {
        return new TimestampAuthority(url);
    }

    public URI url() {
        return url;
    }

    /** A DER TimeStampToken over the SHA-256 of {@code data}, checked against the request before it is returned. */
    byte[] timestamp(byte[] data) throws C2paException {
        try {
            byte[] imprint = MessageDigest.getInstance("SHA-256").digest(data);
            TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
            generator.setCertReq(true);
            TimeStampRequest request = generator.generate(NISTObjectIdentifiers.id_sha256, imprint,
                    new BigInteger(64, NONCES));
            HttpResponse<byte[]> reply = http.send(HttpRequest.newBuilder(url).timeout(TIMEOUT)
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (reply.statusCode() != 200) {
                throw new C2paException("The timestamp authority " + url + " answered HTTP " + reply.statusCode()
                        + ": check the configured TSA URL");
            }
            TimeStampResponse response = new TimeStampResponse(reply.body());
            // Checks status, nonce, imprint and that the token's signer certificate is a TSA certificate.
            response.validate(request);
            if (response.getTimeStampToken() == null) {
                throw new C2paException("The timestamp authority " + url + " refused the request: "
                        + response.getStatusString());
            }
            return response.getTimeStampToken().getEncoded();
        } catch (IOException e) {
            throw new C2paException("The timestamp authority " + url + " could not be reached: " + e.getMessage()
                    + ". Check the TSA URL, or sign without a timestamp", e);
        } catch (TSPException e) {
            throw new C2paException("The timestamp authority " + url + " returned an invalid reply: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new C2paException("Interrupted while waiting for the timestamp authority " + url, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
