package io.vigil.discovery.domain;

import java.io.IOException;

/** Signs the audio of a bundle with an embedded C2PA manifest (the tenant's signing key and certificate). */
public interface NativeSigner {

    /** The recording as recorded, with a manifest stating it is a call mixing a person and an AI agent. */
    byte[] signOriginal(byte[] wav, String title) throws IOException;

    /**
     * The redacted copy, with a manifest naming the (signed) original as its parent ingredient and the edit that
     * removed personal data.
     */
    byte[] signRedacted(byte[] originalWav, byte[] redacted, String title, String description) throws IOException;

    /**
     * The recording in another encoding (an MP3 of the WAV), with a manifest naming the (signed) original as its
     * parent ingredient and the transcoding.
     */
    byte[] signTranscoded(byte[] originalWav, byte[] transcoded, String title, String description) throws IOException;
}
