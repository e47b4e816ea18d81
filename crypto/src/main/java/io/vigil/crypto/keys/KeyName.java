package io.vigil.crypto.keys;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of a versioned key: one per tenant and data domain. Its id is {@code vigil/<tenant>/<domain>}
 * and version {@code n} lives under the alias {@code vigil/<tenant>/<domain>/v<n>} in a keystore or on a token.
 *
 * <p>Tenant ids are restricted to lower-case letters, digits, {@code .}, {@code _} and {@code -} because
 * keystores differ in how they treat the case of aliases and a {@code /} would break the alias scheme.
 */
public record KeyName(String tenantId, KeyDomain domain) {

    private static final String PREFIX = "vigil/";
    private static final Pattern TENANT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public KeyName {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(domain, "domain");
        if (!TENANT.matcher(tenantId).matches()) {
            throw new IllegalArgumentException("Tenant id '" + tenantId
                    + "' is not usable in a key name: use 1-64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit");
        }
    }

    /** Parses a key id of the form {@code vigil/<tenant>/<domain>}. */
    public static KeyName parse(String keyId) {
        String[] parts = keyId.split("/", -1);
        if (parts.length != 3 || !parts[0].equals("vigil")) {
            throw new IllegalArgumentException("Key id '" + keyId + "' is not of the form vigil/<tenant>/<domain>");
        }
        return new KeyName(parts[1], KeyDomain.fromLabel(parts[2]));
    }

    /** The key id used in {@link KeyReference#keyId()}: {@code vigil/<tenant>/<domain>}. */
    public String keyId() {
        return PREFIX + tenantId + "/" + domain.label();
    }

    /** The keystore alias or token label of one version: {@code vigil/<tenant>/<domain>/v<n>}. */
    public String alias(int version) {
        if (version < 1) {
            throw new IllegalArgumentException("Key versions start at 1, got " + version);
        }
        return keyId() + "/v" + version;
    }

    /** The version encoded in {@code alias} if it is a version alias of this name, else 0. */
    int versionOf(String alias) {
        String prefix = keyId() + "/v";
        if (!alias.startsWith(prefix)) {
            return 0;
        }
        try {
            int version = Integer.parseInt(alias.substring(prefix.length()));
            return alias.equals(alias(Math.max(version, 1))) ? version : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public String toString() {
        return keyId();
    }
}
