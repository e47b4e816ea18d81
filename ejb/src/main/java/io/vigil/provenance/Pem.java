package io.vigil.provenance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** PEM text of certificates and keys, and back; stored chains are PEM so an operator can read them in the database. */
final class Pem {

    private Pem() {
    }

    static String of(Object... objects) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            for (Object o : objects) {
                pem.writeObject(o);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    static String ofCertificates(List<X509Certificate> certificates) {
        return of(certificates.toArray());
    }

    static List<X509Certificate> certificates(String pem) {
        return parse(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    static X509Certificate certificate(byte[] der) {
        return parse(der).get(0);
    }

    private static List<X509Certificate> parse(byte[] bytes) {
        try {
            List<X509Certificate> certificates = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes))) {
                certificates.add((X509Certificate) c);
            }
            return certificates;
        } catch (CertificateException e) {
            throw new IllegalStateException("A stored certificate does not parse", e);
        }
    }
}
