package io.vigil.web.api.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * The operator's bearer token for the key API, read from the file the launcher generates
 * ({@code vigil.operator-token-file}). Until identity (Keycloak, roles from the token) is in place, this is what
 * keeps key rotation away from anyone who can reach the port; no file, no access.
 */
final class OperatorToken {

    static final String FILE_PROPERTY = "vigil.operator-token-file";

    private OperatorToken() {
    }

    static boolean accepts(String authorization) {
        String file = System.getProperty(FILE_PROPERTY);
        if (file == null || authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        try {
            byte[] expected = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
            byte[] given = authorization.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8);
            // constant time, so the comparison does not reveal how much of a guess was right
            return expected.length > 0 && MessageDigest.isEqual(expected, given);
        } catch (IOException e) {
            return false;
        }
    }
}
