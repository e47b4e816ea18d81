package io.vigil.crypto.keys;

import io.vigil.crypto.keys.KeyProviderException.Reason;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The versioned-key logic shared by the keystore file and the token providers: aliases
 * {@code vigil/<tenant>/<domain>/v<n>}, version states, AES-GCM key wrapping and ECDSA signing.
 *
 * <p>Wrapped key format: {@code nonce (12 bytes, random) || AES-256-GCM ciphertext of the data key || tag (16)}.
 * AES-GCM rather than AES key wrap (RFC 3394) because SunPKCS11 on Java 17 cannot drive SoftHSM2's
 * CKM_AES_KEY_WRAP, and GCM also authenticates the caller's associated data.
 *
 * <p>A version is DESTROYED when its alias is gone while a higher or equal version was recorded in the
 * {@link KeyLedger}: aliases disappear only through {@link #destroy}.
 */
final class KeyStoreKeyring {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

    private final String providerId;
    private final KeyStoreBackend backend;
    private final KeyLedger ledger;
    private final SecureRandom random = new SecureRandom();
    /** Resolved keys by alias: looking a key up on a token costs a round trip per call otherwise. */
    private final Map<String, Key> resolved = new ConcurrentHashMap<>();

    KeyStoreKeyring(String providerId, KeyStoreBackend backend, KeyLedger ledger) {
        this.providerId = providerId;
        this.backend = backend;
        this.ledger = ledger;
    }

    String providerId() {
        return providerId;
    }

    synchronized KeyReference createVersion(KeyName name) throws KeyProviderException {
        int version = highestVersion(name) + 1;
        String alias = name.alias(version);
        try {
            if (name.domain().wrapsDataKeys()) {
                backend.keyStore().setEntry(alias, new KeyStore.SecretKeyEntry(backend.generateAesKey()),
                        backend.entryProtection());
            } else {
                KeyPair pair = backend.generateEcKeyPair();
                Certificate[] chain = {selfSignedHolder(alias, pair)};
                backend.keyStore().setEntry(alias, new KeyStore.PrivateKeyEntry(pair.getPrivate(), chain),
                        backend.entryProtection());
            }
            backend.persist();
        } catch (Exception e) {
            throw new KeyProviderException(Reason.PROVIDER_FAILURE, "Cannot create key " + alias + " in " + providerId + ": " + e.getMessage(), e);
        }
        ledger.recordLatest(name, version);
        return KeyReference.of(providerId, name, version);
    }

    synchronized KeyReference currentVersion(KeyName name) throws KeyProviderException {
        int latest = highestVersion(name);
        if (latest == 0) {
            throw new KeyProviderException(Reason.UNKNOWN_KEY, "No key " + name + " in " + providerId + "; create version 1 first");
        }
        KeyReference current = KeyReference.of(providerId, name, latest);
        if (!containsAlias(name.alias(latest))) {
            throw new KeyProviderException(Reason.VERSION_DESTROYED, "The newest version of " + name + " was destroyed; create a new version");
        }
        return current;
    }

    synchronized List<KeyVersion> versions(KeyName name) throws KeyProviderException {
        int latest = highestVersion(name);
        List<KeyVersion> versions = new ArrayList<>(latest);
        for (int v = 1; v <= latest; v++) {
            versions.add(new KeyVersion(KeyReference.of(providerId, name, v), state(name, v)));
        }
        return Collections.unmodifiableList(versions);
    }

    byte[] wrap(KeyReference kek, byte[] dataKey, byte[] associatedData) throws KeyProviderException {
        SecretKey key = usableAesKey(kek);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = newAesGcm();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(dataKey);
            byte[] wrapped = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, wrapped, NONCE_BYTES, sealed.length);
            return wrapped;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new KeyProviderException(Reason.PROVIDER_FAILURE, "Cannot wrap a data key under " + kek + ": " + e.getMessage(), e);
        }
    }

    byte[] unwrap(KeyReference kek, byte[] wrappedKey, byte[] associatedData) throws KeyProviderException {
        SecretKey key = usableAesKey(kek);
        if (wrappedKey.length <= NONCE_BYTES + TAG_BITS / 8) {
            throw new KeyProviderException(Reason.UNWRAP_FAILED, "Wrapped key under " + kek + " is too short to be one");
        }
        try {
            Cipher cipher = newAesGcm();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, wrappedKey, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(wrappedKey, NONCE_BYTES, wrappedKey.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            // SunPKCS11 reports a failed tag check from SoftHSM2 as CKR_GENERAL_ERROR inside this exception.
            throw new KeyProviderException(Reason.UNWRAP_FAILED,
                    "The data key does not unwrap under " + kek + " with this associated data: wrong key or tampered data", e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new KeyProviderException(Reason.PROVIDER_FAILURE, "Cannot unwrap a data key under " + kek + ": " + e.getMessage(), e);
        }
    }

    synchronized void retireBelow(KeyName name, int minimumVersion) throws KeyProviderException {
        int latest = highestVersion(name);
        if (minimumVersion < 1 || minimumVersion > latest) {
            throw new IllegalArgumentException("Minimum version " + minimumVersion + " of " + name
                    + " must be between 1 and the newest version " + latest + "; the newest version can never be retired");
        }
        if (minimumVersion > ledger.minimumVersion(name)) {
            ledger.recordMinimumVersion(name, minimumVersion);
        }
    }

    synchronized void destroy(KeyReference version) throws KeyProviderException {
        KeyName name = ownName(version);
        String alias = name.alias(version.version());
        if (version.version() > highestVersion(name)) {
            throw new KeyProviderException(Reason.UNKNOWN_KEY, "No version " + version + " to destroy");
        }
        resolved.remove(alias);
        try {
            if (backend.keyStore().containsAlias(alias)) {
                backend.keyStore().deleteEntry(alias);
                backend.persist();
            }
        } catch (Exception e) {
            throw new KeyProviderException(Reason.PROVIDER_FAILURE, "Cannot destroy " + version + ": " + e.getMessage(), e);
        }
    }

    byte[] sign(KeyReference signingKey, byte[] data) throws KeyProviderException {
        Key key = usableKey(signingKey, false);
        try {
            Signature signature = newEcdsa();
            signature.initSign((PrivateKey) key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new KeyProviderException(Reason.PROVIDER_FAILURE, "Cannot sign with " + signingKey + ": " + e.getMessage(), e);
        }
    }

    PublicKey publicKey(KeyReference signingKey) throws KeyProviderException {
        KeyName name = ownName(signingKey);
        requireDomain(signingKey, name, false);
        try {
            Certificate certificate = backend.keyStore().getCertificate(name.alias(signingKey.version()));
            if (certificate == null) {
                throw refusal(name, signingKey.version());
            }
            return certificate.getPublicKey();
        } catch (java.security.KeyStoreException e) {
            throw new KeyProviderException(Reason.PROVIDER_FAILURE, "Cannot read " + signingKey + ": " + e.getMessage(), e);
        }
    }

    void close() {
        resolved.clear();
        backend.close();
    }

    private SecretKey usableAesKey(KeyReference kek) throws KeyProviderException {
        return (SecretKey) usableKey(kek, true);
    }

    private Key usableKey(KeyReference reference, boolean wrapsDataKeys) throws KeyProviderException {
        KeyName name = ownName(reference);
        requireDomain(reference, name, wrapsDataKeys);
        int version = reference.version();
        if (version < ledger.minimumVersion(name)) {
            throw new KeyProviderException(Reason.VERSION_RETIRED, reference + " is retired (minimum decryption version "
                    + ledger.minimumVersion(name) + "); rewrap its data keys under a newer version before retiring it");
        }
        String alias = name.alias(version);
        Key cached = resolved.get(alias);
        if (cached != null) {
            return cached;
        }
        try {
            Key key = backend.keyStore().getKey(alias, passwordOf(backend.entryProtection()));
            if (key == null) {
                throw refusal(name, version);
            }
            resolved.put(alias, key);
            return key;
        } catch (GeneralSecurityException e) {
            if (e instanceof KeyProviderException kpe) {
                throw kpe;
            }
            throw new KeyProviderException(Reason.PROVIDER_FAILURE, "Cannot load " + reference + ": " + e.getMessage(), e);
        }
    }

    /** The reason a missing alias is missing: destroyed if the version was ever created, else unknown. */
    private KeyProviderException refusal(KeyName name, int version) {
        if (version <= highestVersion(name)) {
            return new KeyProviderException(Reason.VERSION_DESTROYED,
                    name.alias(version) + " in " + providerId + " was destroyed: data wrapped under it is crypto-shredded");
        }
        return new KeyProviderException(Reason.UNKNOWN_KEY, "No version " + version + " of " + name + " in " + providerId);
    }

    private KeyName ownName(KeyReference reference) throws KeyProviderException {
        if (!reference.providerId().equals(providerId)) {
            throw new KeyProviderException(Reason.UNKNOWN_KEY,
                    reference + " belongs to provider '" + reference.providerId() + "', not to '" + providerId + "'");
        }
        try {
            return reference.name();
        } catch (IllegalArgumentException e) {
            throw new KeyProviderException(Reason.UNKNOWN_KEY, "Not a Vigil key id: " + reference.keyId(), e);
        }
    }

    private static void requireDomain(KeyReference reference, KeyName name, boolean wrapsDataKeys) throws KeyProviderException {
        if (name.domain().wrapsDataKeys() != wrapsDataKeys) {
            throw new KeyProviderException(Reason.WRONG_KEY_TYPE, reference + (wrapsDataKeys
                    ? " is a signing key; wrap data keys with an audio, transcript or export key"
                    : " is a key-encryption key; sign with a signing key"));
        }
    }

    private KeyVersionState state(KeyName name, int version) {
        if (!containsAlias(name.alias(version))) {
            return KeyVersionState.DESTROYED;
        }
        return version < ledger.minimumVersion(name) ? KeyVersionState.RETIRED : KeyVersionState.ACTIVE;
    }

    private int highestVersion(KeyName name) {
        int highest = ledger.latest(name);
        try {
            for (String alias : Collections.list(backend.keyStore().aliases())) {
                highest = Math.max(highest, name.versionOf(alias));
            }
        } catch (java.security.KeyStoreException e) {
            throw new IllegalStateException("Keystore of " + providerId + " is not loaded", e);
        }
        return highest;
    }

    private boolean containsAlias(String alias) {
        try {
            return backend.keyStore().containsAlias(alias);
        } catch (java.security.KeyStoreException e) {
            throw new IllegalStateException("Keystore of " + providerId + " is not loaded", e);
        }
    }

    private Cipher newAesGcm() throws GeneralSecurityException {
        Provider provider = backend.cryptoProvider();
        return provider == null ? Cipher.getInstance("AES/GCM/NoPadding") : Cipher.getInstance("AES/GCM/NoPadding", provider);
    }

    private Signature newEcdsa() throws GeneralSecurityException {
        Provider provider = backend.cryptoProvider();
        return provider == null ? Signature.getInstance(SIGNATURE_ALGORITHM) : Signature.getInstance(SIGNATURE_ALGORITHM, provider);
    }

    private static char[] passwordOf(KeyStore.ProtectionParameter protection) {
        return protection instanceof KeyStore.PasswordProtection password ? password.getPassword() : null;
    }

    /**
     * A keystore holds a private key only with a certificate. This one is merely a container for the public
     * key (self-signed, CN = alias); Vigil's signing certificates are issued separately.
     */
    private X509Certificate selfSignedHolder(String alias, KeyPair pair) throws Exception {
        X500Name subject = new X500Name("CN=" + alias.replace(',', '_'));
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, random).abs().add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(36500))), subject, pair.getPublic());
        JcaContentSignerBuilder signerBuilder = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM);
        if (backend.cryptoProvider() != null) {
            signerBuilder.setProvider(backend.cryptoProvider());
        }
        return new JcaX509CertificateConverter().getCertificate(builder.build(signerBuilder.build(pair.getPrivate())));
    }
}
