package io.vigil.session.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.session.audio.MuLawCodec;
import io.vigil.session.audio.Pcm16;
import org.junit.jupiter.api.Test;

class TelephoneAudioTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** 20 ms of a 440 Hz tone at 8 kHz, PCM16. */
    private static byte[] tone() {
        short[] s = new short[160];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000.0));
        }
        return Pcm16.toBytes(s);
    }

    @Test
    void muLawBothWaysUntilTheUpstreamSaysOtherwise() throws Exception {
        TelephoneAudio audio = new TelephoneAudio();
        ObjectNode update = JSON.createObjectNode();
        TelephoneAudio.askForMuLaw(update);
        assertEquals("g711_ulaw", update.path("input_audio_format").asText());
        audio.confirmed((ObjectNode) JSON.readTree("{\"input_audio_format\":\"g711_ulaw\","
                + "\"output_audio_format\":\"g711_ulaw\"}"));
        byte[] pcm = tone();
        assertArrayEquals(MuLawCodec.encodePcm16(pcm), audio.toUpstream(pcm), "mu-law by table, no resampling");
        byte[] mu = MuLawCodec.encodePcm16(pcm);
        assertArrayEquals(MuLawCodec.decodeToPcm16(mu), audio.fromUpstream(mu));
    }

    @Test
    void anUpstreamThatKeptPcm16IsResampledForInTheDirectionsItKept() throws Exception {
        TelephoneAudio audio = new TelephoneAudio();
        // GA names: input stayed PCM16 24 kHz, output took mu-law
        audio.confirmed((ObjectNode) JSON.readTree("{\"audio\":{\"input\":{\"format\":{\"type\":\"audio/pcm\","
                + "\"rate\":24000}},\"output\":{\"format\":{\"type\":\"audio/pcmu\"}}}}"));
        byte[] up = audio.toUpstream(tone());
        assertEquals(960, up.length, "20 ms at 24 kHz");
        double level = Pcm16.rmsDbfs(Pcm16.fromBytes(up), 240, 480);
        assertTrue(level > -16 && level < -10, "the tone's level survives resampling: " + level);
        assertEquals(320, audio.fromUpstream(new byte[160]).length, "mu-law output still decoded by table");

        audio.confirmed((ObjectNode) JSON.readTree("{\"output_audio_format\":\"pcm16\"}"));
        assertEquals(160 * 2, audio.fromUpstream(new byte[960]).length, "24 kHz PCM16 from the model to 8 kHz");
        assertEquals(960, audio.toUpstream(tone()).length, "a confirmation without an input format keeps the input's");
    }
}
