package io.vigil.crypto.c2pa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;

/** A customer's chain is accepted only if it certifies the tenant's signing key with a profile c2pa-rs accepts. */
class SigningChainImportTest {

    private final DemoPki customerCa = DemoPki.create("Customer");
    private final KeyPair signingKey = ecKeyPair();

    @Test
    void aChainWithItsRootIsAcceptedAndTheRootBecomesTheAnchor() throws Exception {
        List<X509Certificate> chain = customerCa.issueSigningChain(signingKey.getPublic(), "Acme signer");

        SigningChainImport.Checked checked = SigningChainImport.check(pem(chain.get(0), chain.get(1), customerCa.root()),
                signingKey.getPublic(), Instant.now());

        assertEquals(chain, checked.chain());
        assertEquals(customerCa.root(), checked.root().orElseThrow());
    }

    @Test
    void aChainForAnotherKeyIsRefused() {
        List<X509Certificate> chain = customerCa.issueSigningChain(ecKeyPair().getPublic(), "Someone else");

        C2paException e = assertThrows(C2paException.class, () -> SigningChainImport.check(pem(chain.get(0), chain.get(1)),
                signingKey.getPublic(), Instant.now()));
        assertTrue(e.getMessage().contains("does not certify this tenant's signing key"), e.getMessage());
    }

    @Test
    void aCaCertificateAsSignerAndALoneLeafAreRefused() {
        C2paException caAsLeaf = assertThrows(C2paException.class, () -> SigningChainImport.check(
                pem(customerCa.intermediate(), customerCa.root()), customerCa.intermediate().getPublicKey(), Instant.now()));
        assertTrue(caAsLeaf.getMessage().contains("CA certificate"), caAsLeaf.getMessage());

        List<X509Certificate> chain = customerCa.issueSigningChain(signingKey.getPublic(), "Acme signer");
        C2paException alone = assertThrows(C2paException.class, () -> SigningChainImport.check(pem(chain.get(0)),
                signingKey.getPublic(), Instant.now()));
        assertTrue(alone.getMessage().contains("together with the CA certificates"), alone.getMessage());
    }

    @Test
    void certificatesOutOfOrderAndGarbageAreRefusedWithAReason() {
        List<X509Certificate> chain = customerCa.issueSigningChain(signingKey.getPublic(), "Acme signer");

        C2paException order = assertThrows(C2paException.class, () -> SigningChainImport.check(
                pem(chain.get(0), customerCa.root(), chain.get(1)), signingKey.getPublic(), Instant.now()));
        assertTrue(order.getMessage().contains("in order"), order.getMessage());
        C2paException garbage = assertThrows(C2paException.class, () -> SigningChainImport.check("not a certificate",
                signingKey.getPublic(), Instant.now()));
        assertTrue(garbage.getMessage().contains("BEGIN CERTIFICATE"), garbage.getMessage());
    }

    private static String pem(Object... certificates) throws Exception {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object c : certificates) {
                writer.writeObject(c);
            }
        }
        return text.toString();
    }

    private static KeyPair ecKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
