package io.vigil.crypto.testing;

/**
 * Walks an MP3's frames from header to header (after any ID3v2 tag), as a decoder does to find them, and adds up
 * their samples: a file whose frames do not chain end to end is not a playable MP3. Layer III only.
 */
public final class Mp3Frames {

    private static final int[][] KBPS = {
            {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},   // MPEG-1 layer III
            {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}};     // MPEG-2 and 2.5 layer III
    private static final int[][] RATES = {{11025, 12000, 8000}, {0, 0, 0}, {22050, 24000, 16000}, {44100, 48000, 32000}};

    public record Summary(int frames, long samples, int sampleRate) {
        public long durationMs() {
            return samples * 1000 / sampleRate;
        }
    }

    private Mp3Frames() {
    }

    public static Summary walk(byte[] mp3) {
        int pos = 0;
        if (mp3.length > 10 && mp3[0] == 'I' && mp3[1] == 'D' && mp3[2] == '3') {
            pos = 10 + ((mp3[6] & 0x7F) << 21 | (mp3[7] & 0x7F) << 14 | (mp3[8] & 0x7F) << 7 | (mp3[9] & 0x7F));
        }
        int frames = 0;
        long samples = 0;
        int rate = 0;
        while (pos + 4 <= mp3.length) {
            int h = (mp3[pos] & 0xFF) << 24 | (mp3[pos + 1] & 0xFF) << 16 | (mp3[pos + 2] & 0xFF) << 8 | (mp3[pos + 3] & 0xFF);
            if ((h >>> 21) != 0x7FF || ((h >>> 17) & 3) != 1) {
                throw new AssertionError("no layer III frame header at byte " + pos + " after " + frames + " frames");
            }
            int version = (h >>> 19) & 3;
            int bitrate = KBPS[version == 3 ? 0 : 1][(h >>> 12) & 0xF] * 1000;
            rate = RATES[version][(h >>> 10) & 3];
            int padding = (h >>> 9) & 1;
            int perFrame = version == 3 ? 1152 : 576;
            pos += perFrame / 8 * bitrate / rate + padding;
            frames++;
            samples += perFrame;
        }
        if (pos != mp3.length) {
            throw new AssertionError("the last frame runs past the end of the file");
        }
        return new Summary(frames, samples, rate);
    }
}
