package io.vigil.session.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.session.audio.ALawCodec;
import io.vigil.session.audio.MuLawCodec;
import io.vigil.session.audio.Pcm16;
import io.vigil.session.audio.Resampler;

/**
 * The audio formats a Realtime client chose with {@code session.update}, and the conversions between them and the
 * pipeline's PCM16 24 kHz (which the recorder, the PCI pause and the voice activity detection want). The upstream
 * always speaks PCM16 24 kHz: a client's format choice is rewritten on its way up, and its audio is converted at the
 * door in both directions.
 *
 * <p>Formats, under the beta names ({@code input_audio_format: "g711_ulaw"}) and the GA ones
 * ({@code audio.input.format: {"type": "audio/pcmu"}}): PCM16 24 kHz ({@code pcm16}, {@code audio/pcm}), G.711 mu-law
 * ({@code g711_ulaw}, {@code audio/pcmu}) and A-law ({@code g711_alaw}, {@code audio/pcma}), both 8 kHz.
 *
 * <p>Not thread-safe: one per session, used under the relay's lock. The resamplers keep their state across frames.
 */
public final class ClientAudio {

    /** A client audio format. */
    public enum Format {
        PCM16("pcm16", "audio/pcm"), G711_ULAW("g711_ulaw", "audio/pcmu"), G711_ALAW("g711_alaw", "audio/pcma");

        private final String betaName;
        private final String gaType;

        Format(String betaName, String gaType) {
            this.betaName = betaName;
            this.gaType = gaType;
        }

        static Format ofBeta(String name) {
            for (Format f : values()) {
                if (f.betaName.equals(name)) {
                    return f;
                }
            }
            return null;
        }

        static Format ofGa(String type) {
            for (Format f : values()) {
                if (f.gaType.equals(type)) {
                    return f;
                }
            }
            return null;
        }
    }

    private Format input = Format.PCM16;
    private Format output = Format.PCM16;
    private Resampler up = Resampler.upsampler8kTo24k();
    private Resampler down = Resampler.downsampler24kTo8k();

    public Format input() {
        return input;
    }

    public Format output() {
        return output;
    }

    /**
     * Takes the formats a {@code session.update} asks for. Returns why they cannot be served (and changes nothing), or
     * null after rewriting {@code session} in place so that the upstream is asked for PCM16 24 kHz.
     */
    public String update(ObjectNode session) {
        Format in = input;
        Format out = output;
        for (String direction : new String[] {"input", "output"}) {
            String field = direction + "_audio_format";
            JsonNode beta = session.get(field);
            Format chosen = null;
            if (beta != null && !beta.isNull()) {
                chosen = Format.ofBeta(beta.asText());
                if (chosen == null) {
                    return field + " '" + beta.asText() + "' is not supported: use pcm16 (24 kHz), g711_ulaw or "
                            + "g711_alaw";
                }
            }
            JsonNode ga = session.path("audio").path(direction).path("format");
            if (ga.isObject() && ga.has("type")) {
                chosen = Format.ofGa(ga.path("type").asText());
                if (chosen == null) {
                    return "audio." + direction + ".format '" + ga.path("type").asText() + "' is not supported: use "
                            + "audio/pcm (24 kHz), audio/pcmu or audio/pcma";
                }
                if (chosen == Format.PCM16 && ga.has("rate") && ga.path("rate").asInt() != Pcm16.REALTIME_RATE) {
                    return "audio." + direction + ".format.rate must be " + Pcm16.REALTIME_RATE + " for audio/pcm";
                }
            }
            if (chosen != null) {
                if (direction.equals("input")) {
                    in = chosen;
                } else {
                    out = chosen;
                }
            }
        }
        if (in != input) {
            up = Resampler.upsampler8kTo24k();
        }
        if (out != output) {
            down = Resampler.downsampler24kTo8k();
        }
        input = in;
        output = out;
        askUpstreamForPcm(session);
        return null;
    }

    private static void askUpstreamForPcm(ObjectNode session) {
        for (String direction : new String[] {"input", "output"}) {
            if (session.hasNonNull(direction + "_audio_format")) {
                session.put(direction + "_audio_format", Format.PCM16.betaName);
            }
            JsonNode ga = session.path("audio").path(direction).path("format");
            if (ga.isObject() && ga.has("type")) {
                ((ObjectNode) ga).put("type", Format.PCM16.gaType).put("rate", Pcm16.REALTIME_RATE);
            }
        }
    }

    /**
     * The upstream's {@code session.created/updated} as the client should see it: with the formats the client chose
     * instead of the PCM16 the upstream was asked for. Null when the client speaks PCM16 both ways (nothing to change).
     */
    public ObjectNode asClientSees(ObjectNode session) {
        if (input == Format.PCM16 && output == Format.PCM16) {
            return null;
        }
        ObjectNode copy = session.deepCopy();
        for (String direction : new String[] {"input", "output"}) {
            Format f = direction.equals("input") ? input : output;
            if (copy.has(direction + "_audio_format")) {
                copy.put(direction + "_audio_format", f.betaName);
            }
            JsonNode ga = copy.path("audio").path(direction).path("format");
            if (ga.isObject()) {
                ((ObjectNode) ga).put("type", f.gaType);
                if (f != Format.PCM16) {
                    ((ObjectNode) ga).remove("rate");
                }
            }
        }
        return copy;
    }

    /** Whether a client's audio frame is whole samples of its format (PCM16 has two bytes a sample). */
    public boolean wholeSamples(byte[] audio) {
        return input != Format.PCM16 || audio.length % 2 == 0;
    }

    /** The client's audio as PCM16 24 kHz. */
    public byte[] toPipeline(byte[] audio) {
        return switch (input) {
            case PCM16 -> audio;
            case G711_ULAW -> Pcm16.toBytes(up.process(MuLawCodec.decode(audio)));
            case G711_ALAW -> Pcm16.toBytes(up.process(ALawCodec.decode(audio)));
        };
    }

    /** The pipeline's PCM16 24 kHz in the client's output format. */
    public byte[] toClient(byte[] pcm) {
        return switch (output) {
            case PCM16 -> pcm;
            case G711_ULAW -> MuLawCodec.encode(down.process(Pcm16.fromBytes(pcm)));
            case G711_ALAW -> ALawCodec.encode(down.process(Pcm16.fromBytes(pcm)));
        };
    }
}
