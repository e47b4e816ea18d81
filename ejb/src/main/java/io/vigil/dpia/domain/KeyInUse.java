package io.vigil.dpia.domain;

/** The key that protects one data domain of a tenant: which provider holds it and under which id. */
public record KeyInUse(String domain, String providerId, String keyId) {

    public String describe() {
        return providerId + " key " + keyId;
    }
}
