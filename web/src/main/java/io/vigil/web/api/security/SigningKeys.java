package io.vigil.web.api.security;

import java.security.PublicKey;
import java.util.Optional;

/** The issuer's token-signing public keys by key id. */
@FunctionalInterface
public interface SigningKeys {
    Optional<PublicKey> byKeyId(String keyId);
}
