package io.vigil.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Vigil's settings: the properties file named by the system property {@code vigil.config} (the launcher writes
 * it, owner-readable only, because it holds the OIDC client secret), each key overridable by a system property of
 * the same name. Secrets come only from here, never from the repository or a log line.
 */
public final class VigilConfig {

    public static final String FILE_PROPERTY = "vigil.config";

    private final Properties properties;

    VigilConfig(Properties properties) {
        this.properties = properties;
    }

    /** The settings of this JVM, read once. */
    public static VigilConfig current() {
        return Holder.INSTANCE;
    }

    public static VigilConfig load(Path file) {
        Properties properties = new Properties();
        if (file != null && Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the settings file " + file, e);
            }
        }
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("vigil.")) {
                properties.setProperty(key, System.getProperty(key));
            }
        }
        return new VigilConfig(properties);
    }

    public Optional<String> get(String key) {
        String value = properties.getProperty(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public String require(String key) {
        return get(key).orElseThrow(() -> new IllegalStateException(
                "the setting " + key + " is missing; set it in the file named by -D" + FILE_PROPERTY));
    }

    public boolean flag(String key) {
        return get(key).map(Boolean::parseBoolean).orElse(false);
    }

    public List<String> list(String key) {
        return get(key).map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList())
                .orElse(List.of());
    }

    private static final class Holder {
        private static final VigilConfig INSTANCE = load(
                Optional.ofNullable(System.getProperty(FILE_PROPERTY)).map(Path::of).orElse(null));
    }
}
