package io.vigil.crypto.c2pa;

/** The audio containers Vigil embeds C2PA manifests into, with their media types as C2PA records them. */
public enum AudioFormat {
    WAV("audio/wav"),
    MP3("audio/mpeg");

    private final String mediaType;

    AudioFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** Recognises a RIFF/WAVE file or an MP3 (ID3v2 tag or MPEG frame sync) by its first bytes. */
    public static AudioFormat detect(byte[] asset) throws C2paException {
        if (asset.length >= 12 && asset[0] == 'R' && asset[1] == 'I' && asset[2] == 'F' && asset[3] == 'F'
                && asset[8] == 'W' && asset[9] == 'A' && asset[10] == 'V' && asset[11] == 'E') {
            return WAV;
        }
        if (asset.length >= 3 && asset[0] == 'I' && asset[1] == 'D' && asset[2] == '3') {
            return MP3;
        }
        if (asset.length >= 2 && (asset[0] & 0xFF) == 0xFF && (asset[1] & 0xE0) == 0xE0) {
            return MP3;
        }
        throw new C2paException("Not a WAV (RIFF/WAVE) or MP3 file: C2PA provenance is written for these two formats only");
    }

    AudioContainer container() {
        return this == WAV ? new WavContainer() : new Mp3Container();
    }
}
