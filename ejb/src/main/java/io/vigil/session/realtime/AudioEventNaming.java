package io.vigil.session.realtime;

/**
 * The two names the Realtime protocol has used for the model's audio and its transcript: the beta names
 * ({@code response.audio.delta}, {@code response.audio_transcript.delta}) and the GA names
 * ({@code response.output_audio.delta}, {@code response.output_audio_transcript.delta}). Vigil accepts both and answers
 * a client in the naming its upstream used.
 */
public enum AudioEventNaming {
    BETA("response.audio", "response.audio_transcript"),
    GA("response.output_audio", "response.output_audio_transcript");

    private final String audio;
    private final String transcript;

    AudioEventNaming(String audio, String transcript) {
        this.audio = audio;
        this.transcript = transcript;
    }

    public String audioDelta() {
        return audio + ".delta";
    }

    public String audioDone() {
        return audio + ".done";
    }

    public String transcriptDelta() {
        return transcript + ".delta";
    }

    public String transcriptDone() {
        return transcript + ".done";
    }
}
