package io.vigil.crypto.c2pa;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The software that made a claim, written as the claim's {@code claim_generator_info} and as the
 * {@code softwareAgent} of its actions: {@code {"name": ..., "version": ...}}.
 */
public record ClaimGenerator(String name, String version) {

    public ClaimGenerator {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        if (name.isBlank() || version.isBlank()) {
            throw new IllegalArgumentException("The claim generator needs a name and a version");
        }
    }

    /** Vigil at the version of this jar (its Implementation-Version), or {@code development} when run from classes. */
    public static ClaimGenerator vigil() {
        String version = ClaimGenerator.class.getPackage().getImplementationVersion();
        return new ClaimGenerator("Vigil", version == null ? "development" : version);
    }

    Map<Object, Object> toCbor() {
        Map<Object, Object> info = new LinkedHashMap<>();
        info.put("name", name);
        info.put("version", version);
        return info;
    }
}
