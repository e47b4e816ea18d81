package io.vigil.session.domain;

/**
 * How the call reached Vigil, and the sample rate of its audio inside Vigil (the pipeline and the recordings): a
 * phone call is narrowband G.711, so it stays at 8 kHz end to end rather than being resampled to the 24 kHz of the
 * Realtime API and back, which would add work per frame and nothing the caller can hear.
 */
public enum Channel {
    PHONE(8_000), REALTIME_API(24_000), BROWSER(24_000);

    private final int audioRate;

    Channel(int audioRate) {
        this.audioRate = audioRate;
    }

    /** Samples per second of the call's PCM16 mono audio and of its recordings. */
    public int audioRate() {
        return audioRate;
    }
}
