package io.vigil.discovery.domain;

import java.util.Locale;

/**
 * The encoding of a bundle's natives: WAV (the recording as stored, lossless) or MP3 (about a tenth of the size,
 * for productions where size matters more than the last bit of fidelity; {@link Mp3Encoder}).
 */
public enum NativeFormat {
    WAV("wav", "audio/wav"),
    MP3("mp3", "audio/mpeg");

    private final String extension;
    private final String mediaType;

    NativeFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format of a native by its file name ({@code NATIVES/VGL000001.mp3}). */
    public static NativeFormat ofPath(String path) {
        return path.toLowerCase(Locale.ROOT).endsWith("." + MP3.extension) ? MP3 : WAV;
    }
}
