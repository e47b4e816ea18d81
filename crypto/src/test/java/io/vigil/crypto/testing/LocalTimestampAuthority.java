package io.vigil.crypto.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vigil.crypto.c2pa.DemoPki;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * An RFC 3161 timestamp authority on 127.0.0.1 for tests: Bouncy Castle's TSP generator behind the JDK's
 * HTTP server, with a time-stamping certificate from the given {@link DemoPki}. Counts the requests it served.
 * Shared by the crypto tests and the integration tests (the crypto module's test jar), which start it inside the
 * application server to stamp exports.
 */
public final class LocalTimestampAuthority implements AutoCloseable {

    private static final String POLICY = "1.3.6.1.4.1.55555.1.1";

    private final HttpServer server;
    private final TimeStampResponseGenerator generator;
    private final AtomicLong serial = new AtomicLong();
    private final AtomicLong served = new AtomicLong();
    private final List<X509Certificate> chain;

    private LocalTimestampAuthority(DemoPki pki) throws Exception {
        KeyPairGenerator keys = KeyPairGenerator.getInstance("EC");
        keys.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = keys.generateKeyPair();
        chain = pki.issueTimestampingChain(pair.getPublic(), "Vigil Test TSA");
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()), chain.get(0)),
                new JcaDigestCalculatorProviderBuilder().build().get(
                        new org.bouncycastle.asn1.x509.AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                new org.bouncycastle.asn1.ASN1ObjectIdentifier(POLICY));
        tokens.addCertificates(new JcaCertStore(chain));
        generator = new TimeStampResponseGenerator(tokens, Set.of(TSPAlgorithms.SHA256));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/tsa", this::answer);
        server.start();
    }

    public static LocalTimestampAuthority start(DemoPki pki) throws Exception {
        return new LocalTimestampAuthority(pki);
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
    }

    public long served() {
        return served.get();
    }

    /** The TSA's certificate and its intermediate (the root is the {@link DemoPki}'s). */
    public List<X509Certificate> chain() {
        return chain;
    }

    private void answer(HttpExchange exchange) throws IOException {
        try {
            TimeStampRequest request = new TimeStampRequest(exchange.getRequestBody().readAllBytes());
            TimeStampResponse response = generator.generate(request, BigInteger.valueOf(serial.incrementAndGet()), new Date());
            byte[] body = response.getEncoded();
            // Counted before the reply leaves, so a client that has its token always sees the count.
            served.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (Exception e) {
            exchange.sendResponseHeaders(500, -1);
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
