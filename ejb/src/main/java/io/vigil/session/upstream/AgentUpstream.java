package io.vigil.session.upstream;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Optional;

/**
 * Where one agent profile's live sessions are answered (the {@code agent_upstream} row). Without a {@code url} the
 * embedded agent answers. {@code apiKeySetting} is the name of the setting that holds the upstream's API key, never
 * the key itself; {@link #toString} names neither.
 *
 * @param url            the OpenAI Realtime endpoint, or null for the embedded agent
 * @param model          sent as the {@code model} query parameter when the URL has none
 * @param voice          the agent's voice, set on the upstream session
 * @param instructions   the agent's system instructions, set on the upstream session
 * @param apiKeySetting  a vigil.properties key or environment variable name; null exactly when {@code url} is
 */
public record AgentUpstream(String url, String model, String voice, String instructions, String apiKeySetting) {

    /** The embedded agent with its own voice and instructions. */
    public static AgentUpstream embedded() {
        return new AgentUpstream(null, null, null, null, null);
    }

    public boolean isEmbedded() {
        return url == null || url.isBlank();
    }

    /** The URL to open: {@code url}, with {@code ?model=} added when a model is set and the URL names none. */
    public Optional<URI> endpoint() {
        if (isEmbedded()) {
            return Optional.empty();
        }
        if (model == null || model.isBlank() || url.contains("model=")) {
            return Optional.of(URI.create(url));
        }
        return Optional.of(URI.create(url + (url.contains("?") ? "&" : "?") + "model="
                + java.net.URLEncoder.encode(model, java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * The {@code session.update} body that gives the upstream this profile's voice and instructions, or empty when
     * the profile sets neither.
     */
    public Optional<ObjectNode> sessionSettings() {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        if (voice != null && !voice.isBlank()) {
            s.put("voice", voice);
        }
        if (instructions != null && !instructions.isBlank()) {
            s.put("instructions", instructions);
        }
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    @Override
    public String toString() {
        return isEmbedded() ? "embedded agent" : "upstream " + URI.create(url).getHost();
    }
}
