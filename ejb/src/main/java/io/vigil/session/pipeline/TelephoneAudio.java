package io.vigil.session.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.session.audio.MuLawCodec;
import io.vigil.session.audio.Pcm16;
import io.vigil.session.audio.Resampler;

/**
 * A phone call's audio between the pipeline (PCM16 8 kHz) and the upstream model. The Twilio door asks the upstream
 * for G.711 mu-law both ways, and then audio crosses by table lookup, with no resampling. An upstream that does not
 * take mu-law says so in its {@code session.updated} (its formats stay {@code pcm16} / {@code audio/pcm}); from then
 * on that direction is resampled to and from PCM16 24 kHz here, so any Realtime-compatible model can take a phone
 * call.
 *
 * <p>Not thread-safe: one per call, used under the gateway's lock. The resamplers keep their state across frames.
 */
final class TelephoneAudio {

    private boolean inputPcm;
    private boolean outputPcm;
    private Resampler up = Resampler.upsampler8kTo24k();
    private Resampler down = Resampler.downsampler24kTo8k();

    /** The formats the upstream confirmed ({@code session.updated}, beta or GA names); others are left alone. */
    void confirmed(ObjectNode session) {
        Boolean in = isPcm(session.path("input_audio_format"), session.path("audio").path("input"));
        Boolean out = isPcm(session.path("output_audio_format"), session.path("audio").path("output"));
        if (in != null && in != inputPcm) {
            inputPcm = in;
            up = Resampler.upsampler8kTo24k();
        }
        if (out != null && out != outputPcm) {
            outputPcm = out;
            down = Resampler.downsampler24kTo8k();
        }
    }

    private static Boolean isPcm(JsonNode beta, JsonNode ga) {
        String format = beta.isTextual() ? beta.textValue() : ga.path("format").path("type").isTextual()
                ? ga.path("format").path("type").textValue() : null;
        if (format == null) {
            return null;
        }
        return format.equals("pcm16") || format.equals("audio/pcm");
    }

    /** Caller audio (PCM16 8 kHz) as the upstream takes it. */
    byte[] toUpstream(byte[] pcm8k) {
        return inputPcm ? Pcm16.toBytes(up.process(Pcm16.fromBytes(pcm8k))) : MuLawCodec.encodePcm16(pcm8k);
    }

    /** Agent audio from the upstream as PCM16 8 kHz. */
    byte[] fromUpstream(byte[] audio) {
        return outputPcm ? Pcm16.toBytes(down.process(Pcm16.fromBytes(audio))) : MuLawCodec.decodeToPcm16(audio);
    }

    /** Playback was cleared: the next agent audio does not continue the filter state of what was cut off. */
    void playbackStopped() {
        if (outputPcm) {
            down = Resampler.downsampler24kTo8k();
        }
    }

    /** The upstream is asked for mu-law both ways. */
    static void askForMuLaw(ObjectNode sessionUpdate) {
        sessionUpdate.put("input_audio_format", "g711_ulaw").put("output_audio_format", "g711_ulaw");
    }
}
