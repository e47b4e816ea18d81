package io.vigil.session.upstream;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What an administrator sets for an agent profile's upstream: the OpenAI Realtime endpoint, model, voice,
 * instructions and the <b>name</b> of the setting that holds its API key (the key itself is never stored, shown or
 * logged). As the named setting's value is sent to the URL, the name must end in {@code API_KEY} and must not be one
 * of Vigil's own ({@code vigil.*}, {@code VIGIL_*}), so an administrator cannot have the server send its database
 * password or hashing key to a URL of their choice. No URL means the embedded agent. Checked here, in plain Java, with messages that say what to fix.
 */
public record UpstreamSettings(String url, String model, String voice, String instructions, String apiKeySetting) {

    private static final Pattern SETTING_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,120}");

    public UpstreamSettings {
        url = blankToNull(url);
        model = blankToNull(model);
        voice = blankToNull(voice);
        instructions = blankToNull(instructions);
        apiKeySetting = blankToNull(apiKeySetting);
    }

    public static UpstreamSettings embedded() {
        return new UpstreamSettings(null, null, null, null, null);
    }

    public boolean isEmbedded() {
        return url == null;
    }

    /** Why these settings cannot be saved, or null when they can. */
    public String problem() {
        if (url == null) {
            return apiKeySetting != null ? "Give the upstream URL too, or clear the API key setting to use the"
                    + " embedded agent." : null;
        }
        if (url.length() > 500) {
            return "The URL is too long (500 characters at most).";
        }
        try {
            URI u = URI.create(url);
            if (!("wss".equals(u.getScheme()) || "ws".equals(u.getScheme())) || u.getHost() == null) {
                return "The URL must be a WebSocket address, e.g. wss://api.openai.com/v1/realtime.";
            }
            if (u.getUserInfo() != null) {
                return "Do not put credentials in the URL: name the setting that holds the API key instead.";
            }
        } catch (IllegalArgumentException e) {
            return "The URL is not valid: " + e.getMessage();
        }
        if (apiKeySetting == null) {
            return "Name the setting (in the Vigil settings file or the server's environment) that holds the API key,"
                    + " e.g. ACME_OPENAI_API_KEY.";
        }
        if (!SETTING_NAME.matcher(apiKeySetting).matches()) {
            return "The API key setting is a name (letters, digits, '_', '.', '-'), not the key itself.";
        }
        String normalised = apiKeySetting.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
        if (!normalised.endsWith("API_KEY") || normalised.startsWith("VIGIL")) {
            // the value of the named setting is sent to the URL above: it must not be able to name Vigil's own secrets
            return "The API key setting must be a name ending in API_KEY (e.g. ACME_OPENAI_API_KEY) and not one of"
                    + " Vigil's own settings: the value it holds is sent to the upstream URL.";
        }
        if (model != null && model.length() > 120 || voice != null && voice.length() > 60) {
            return "The model (120 characters) or voice (60 characters) is too long.";
        }
        return null;
    }

    /**
     * The differences from {@code before}, as audit details: {@code <field>.old} and {@code <field>.new} for each
     * changed field. Instructions are audited in full; the API key is never audited, only the setting's name.
     */
    public Map<String, String> changesFrom(UpstreamSettings before) {
        Map<String, String> details = new LinkedHashMap<>();
        diff(details, "url", before.url, url);
        diff(details, "model", before.model, model);
        diff(details, "voice", before.voice, voice);
        diff(details, "instructions", before.instructions, instructions);
        diff(details, "apiKeySetting", before.apiKeySetting, apiKeySetting);
        return details;
    }

    private static void diff(Map<String, String> details, String field, String old, String now) {
        if (!Objects.equals(old, now)) {
            details.put(field + ".old", old == null ? "" : old);
            details.put(field + ".new", now == null ? "" : now);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
