package io.vigil.crypto.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What every {@link KeyProvider} must do, run against a real keystore file and a real token. */
abstract class KeyProviderContract {

    private static final AtomicInteger TENANTS = new AtomicInteger();
    private static final byte[] AAD = "tenant=acme;session=1".getBytes(StandardCharsets.UTF_8);

    abstract KeyProvider provider();

    /** A tenant no other test touched, since a token lives as long as the JVM. */
    static String freshTenant() {
        return "tenant-" + ProcessHandle.current().pid() + "-" + TENANTS.incrementAndGet();
    }

    static byte[] dataKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return key;
    }

    static KeyProviderException.Reason failure(ThrowingCall call) {
        return assertThrows(KeyProviderException.class, call::run).reason();
    }

    interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void wrapsAndUnwrapsUnderTheCurrentVersion() throws Exception {
        KeyName name = new KeyName(freshTenant(), KeyDomain.AUDIO);
        KeyReference v1 = provider().createVersion(name);
        assertEquals(KeyReference.of(provider().providerId(), name, 1), v1);
        assertEquals(v1, provider().currentVersion(name));
        byte[] key = dataKey();
        byte[] wrapped = provider().wrap(v1, key, AAD);
        assertFalse(new String(wrapped, StandardCharsets.ISO_8859_1).contains(new String(key, StandardCharsets.ISO_8859_1)));
        assertArrayEquals(key, provider().unwrap(v1, wrapped, AAD));
    }

    @Test
    void unwrapFailsWithOtherAssociatedDataOrTamperedCiphertext() throws Exception {
        KeyName name = new KeyName(freshTenant(), KeyDomain.TRANSCRIPT);
        KeyReference v1 = provider().createVersion(name);
        byte[] wrapped = provider().wrap(v1, dataKey(), AAD);
        assertEquals(KeyProviderException.Reason.UNWRAP_FAILED, failure(() -> provider().unwrap(v1, wrapped, "other".getBytes(StandardCharsets.UTF_8))));
        for (int i = 0; i < wrapped.length; i++) {
            byte[] tampered = wrapped.clone();
            tampered[i] ^= 0x01;
            assertEquals(KeyProviderException.Reason.UNWRAP_FAILED, failure(() -> provider().unwrap(v1, tampered, AAD)));
        }
        assertEquals(32, provider().unwrap(v1, wrapped, AAD).length, "the provider keeps working after failed unwraps");
    }

    @Test
    void rotationAddsVersionNPlusOneAndOldVersionsUnwrapUntilRetired() throws Exception {
        KeyName name = new KeyName(freshTenant(), KeyDomain.AUDIO);
        DataKeyWrapper wrapper = DataKeyWrapper.create(provider());
        KeyReference v1 = provider().createVersion(name);
        try (DataKey dataKey = wrapper.newDataKey(name, AAD)) {
            WrappedDataKey underV1 = dataKey.wrapped();
            assertEquals(v1, underV1.kek());

            KeyReference v2 = provider().createVersion(name);
            assertEquals(2, v2.version());
            assertEquals(v2, provider().currentVersion(name));
            assertEquals(KeyProviderException.Reason.UNWRAP_FAILED,
                    failure(() -> wrapper.unwrap(new WrappedDataKey(v2, underV1.ciphertext()), AAD)), "versions are distinct keys");
            assertArrayEquals(dataKey.plaintext(), wrapper.unwrap(underV1, AAD), "the old version still unwraps after rotation");

            WrappedDataKey underV2 = wrapper.rewrap(underV1, AAD);
            assertEquals(v2, underV2.kek());
            assertArrayEquals(dataKey.plaintext(), wrapper.unwrap(underV2, AAD));

            provider().retireBelow(name, 2);
            assertEquals(KeyProviderException.Reason.VERSION_RETIRED, failure(() -> wrapper.unwrap(underV1, AAD)));
            assertArrayEquals(dataKey.plaintext(), wrapper.unwrap(underV2, AAD));
            assertEquals(List.of(new KeyVersion(v1, KeyVersionState.RETIRED), new KeyVersion(v2, KeyVersionState.ACTIVE)),
                    provider().versions(name));
            assertThrows(IllegalArgumentException.class, () -> provider().retireBelow(name, 3), "the newest version can never be retired");
        }
    }

    @Test
    void destroyingAVersionShredsWhatItWrapped() throws Exception {
        KeyName name = new KeyName(freshTenant(), KeyDomain.EXPORT);
        KeyReference v1 = provider().createVersion(name);
        KeyReference v2 = provider().createVersion(name);
        byte[] wrapped = provider().wrap(v1, dataKey(), AAD);
        provider().destroy(v1);
        provider().destroy(v1);
        assertEquals(KeyProviderException.Reason.VERSION_DESTROYED, failure(() -> provider().unwrap(v1, wrapped, AAD)));
        assertEquals(KeyProviderException.Reason.VERSION_DESTROYED, failure(() -> provider().wrap(v1, dataKey(), AAD)));
        assertEquals(List.of(new KeyVersion(v1, KeyVersionState.DESTROYED), new KeyVersion(v2, KeyVersionState.ACTIVE)), provider().versions(name));

        provider().destroy(v2);
        assertEquals(KeyProviderException.Reason.VERSION_DESTROYED, failure(() -> provider().currentVersion(name)));
        assertEquals(3, provider().createVersion(name).version(), "a destroyed version number is never reused");
    }

    @Test
    void unknownKeysAndForeignProvidersAreRefused() throws Exception {
        KeyName name = new KeyName(freshTenant(), KeyDomain.AUDIO);
        assertEquals(KeyProviderException.Reason.UNKNOWN_KEY, failure(() -> provider().currentVersion(name)));
        assertTrue(provider().versions(name).isEmpty());
        KeyReference v1 = provider().createVersion(name);
        assertEquals(KeyProviderException.Reason.UNKNOWN_KEY, failure(() -> provider().wrap(KeyReference.of(provider().providerId(), name, 7), dataKey(), AAD)));
        assertEquals(KeyProviderException.Reason.UNKNOWN_KEY, failure(() -> provider().wrap(new KeyReference("elsewhere", v1.keyId(), 1), dataKey(), AAD)));
    }

    @Test
    void signsWithAnEcP256KeyAndRefusesToMixKeyTypes() throws Exception {
        KeyName signing = new KeyName(freshTenant(), KeyDomain.SIGNING);
        KeyReference v1 = provider().createVersion(signing);
        byte[] message = "checkpoint 42".getBytes(StandardCharsets.UTF_8);
        byte[] signature = provider().sign(v1, message);
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(provider().publicKey(v1));
        verifier.update(message);
        assertTrue(verifier.verify(signature));
        assertEquals("EC", provider().publicKey(v1).getAlgorithm());
        assertEquals(KeyProviderException.Reason.WRONG_KEY_TYPE, failure(() -> provider().wrap(v1, dataKey(), AAD)));

        KeyReference audio = provider().createVersion(new KeyName(signing.tenantId(), KeyDomain.AUDIO));
        assertEquals(KeyProviderException.Reason.WRONG_KEY_TYPE, failure(() -> provider().sign(audio, message)));
    }
}
