package io.vigil.crypto.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Key;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.Collections;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The provider contract against a real SoftHSM2 token, plus what only a token guarantees. */
class Pkcs11KeyProviderTest extends KeyProviderContract {

    private static Pkcs11KeyProvider provider;

    @BeforeAll
    static void token() throws Exception {
        provider = SoftHsmToken.provider();
    }

    @Override
    KeyProvider provider() {
        return provider;
    }

    @Test
    void keysAreGeneratedInTheTokenAsSensitiveAndNonExtractable() throws Exception {
        KeyName audio = new KeyName(freshTenant(), KeyDomain.AUDIO);
        KeyName signing = new KeyName(audio.tenantId(), KeyDomain.SIGNING);
        provider.createVersion(audio);
        provider.createVersion(signing);

        // An independent view of the token, as an attacker with the PIN would have.
        Provider p11 = Security.getProvider("SunPKCS11").configure(Pkcs11KeyProvider.sunPkcs11Config(SoftHsmToken.LIBRARY, Pkcs11KeyProvider.Slot.byIndex(0)));
        KeyStore token = KeyStore.getInstance("PKCS11", p11);
        token.load(null, "test-only-pin".toCharArray());
        assertTrue(Collections.list(token.aliases()).contains(audio.alias(1)), "stored under its alias on the token");
        for (String alias : new String[] {audio.alias(1), signing.alias(1)}) {
            Key key = token.getKey(alias, null);
            assertNull(key.getEncoded(), alias + " must not reveal its key material");
            assertTrue(key.toString().contains("token object, sensitive, unextractable"), key.toString());
        }
    }

    @Test
    void destroyRemovesTheTokenObject() throws Exception {
        KeyName name = new KeyName(freshTenant(), KeyDomain.AUDIO);
        KeyReference v1 = provider.createVersion(name);
        provider.destroy(v1);
        Provider p11 = Security.getProvider("SunPKCS11").configure(Pkcs11KeyProvider.sunPkcs11Config(SoftHsmToken.LIBRARY, Pkcs11KeyProvider.Slot.byIndex(0)));
        KeyStore token = KeyStore.getInstance("PKCS11", p11);
        token.load(null, "test-only-pin".toCharArray());
        assertEquals(false, token.containsAlias(name.alias(1)));
    }
}
