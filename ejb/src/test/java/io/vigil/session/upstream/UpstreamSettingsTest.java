package io.vigil.session.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class UpstreamSettingsTest {

    private static final String URL = "wss://api.openai.com/v1/realtime";

    @Test
    void aRealtimeEndpointWithANamedKeySettingIsAccepted() {
        assertNull(new UpstreamSettings(URL, "gpt-realtime", "alloy", "Be brief.", "ACME_OPENAI_API_KEY").problem());
        assertNull(UpstreamSettings.embedded().problem());
        assertTrue(new UpstreamSettings(" ", " ", null, "", null).isEmbedded(), "blank fields are no fields");
    }

    @Test
    void badSettingsAreRefusedWithWhatToFix() {
        assertTrue(new UpstreamSettings("https://api.openai.com/v1/realtime", null, null, null, "K").problem()
                .contains("WebSocket address"));
        assertTrue(new UpstreamSettings("wss://user:secret@example.com/v1", null, null, null, "K").problem()
                .contains("credentials"));
        assertTrue(new UpstreamSettings(URL, null, null, null, null).problem().contains("Name the setting"));
        assertTrue(new UpstreamSettings(URL, null, null, null, "sk-proj abc/def").problem().contains("not the key"));
        assertTrue(new UpstreamSettings(null, null, null, null, "K").problem().contains("URL"));
        assertTrue(new UpstreamSettings("wss://", null, null, null, "K").problem() != null);
        for (String secret : new String[] {"VIGIL_DB_PASSWORD", "vigil.caller-hash-key", "PATH", "vigil.api_key"}) {
            assertTrue(new UpstreamSettings(URL, null, null, null, secret).problem().contains("ending in API_KEY"),
                    secret + " is not an API key setting");
        }
        assertNull(new UpstreamSettings(URL, null, null, null, "acme.openai-api-key").problem());
    }

    @Test
    void changesListOldAndNewValuesOfChangedFieldsOnly() {
        UpstreamSettings before = new UpstreamSettings(URL, "gpt-realtime", "alloy", null, "OLD_KEY");
        UpstreamSettings after = new UpstreamSettings(URL, "gpt-realtime", "verse", "Be brief.", "NEW_KEY");
        assertEquals(Map.of("voice.old", "alloy", "voice.new", "verse", "instructions.old", "",
                "instructions.new", "Be brief.", "apiKeySetting.old", "OLD_KEY", "apiKeySetting.new", "NEW_KEY"),
                after.changesFrom(before));
        assertTrue(after.changesFrom(after).isEmpty());
    }
}
