package io.vigil.recording;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The outline of a recording for the call page's player: the peak level of each of {@code buckets} equal stretches
 * of the call, 0 (silence) to 100 (full scale). Read from the WAV file as stored (RIFF, mono 16-bit PCM; chunks
 * other than {@code fmt } and {@code data} are skipped), in one pass, without holding the samples.
 */
public record Waveform(long durationMs, int sampleRate, int[] peaks) {

    public static final int DEFAULT_BUCKETS = 1200;

    public Waveform {
        peaks = peaks.clone();
    }

    public static Waveform read(InputStream wav, int buckets) throws IOException {
        if (buckets <= 0) {
            throw new IllegalArgumentException("at least one bucket");
        }
        DataInputStream in = new DataInputStream(wav);
        if (!"RIFF".equals(tag(in))) {
            throw new IOException("not a RIFF file");
        }
        le32(in);
        if (!"WAVE".equals(tag(in))) {
            throw new IOException("not a WAVE file");
        }
        int sampleRate = 0;
        while (true) {
            String chunk = tag(in);
            long size = le32(in) & 0xffffffffL;
            if ("fmt ".equals(chunk)) {
                byte[] fmt = new byte[(int) size];
                in.readFully(fmt);
                int channels = (fmt[2] & 0xff) | (fmt[3] & 0xff) << 8;
                sampleRate = (fmt[4] & 0xff) | (fmt[5] & 0xff) << 8 | (fmt[6] & 0xff) << 16 | (fmt[7] & 0xff) << 24;
                int bits = (fmt[14] & 0xff) | (fmt[15] & 0xff) << 8;
                if (channels != 1 || bits != 16) {
                    throw new IOException("only mono 16-bit PCM has a waveform here");
                }
            } else if ("data".equals(chunk)) {
                if (sampleRate <= 0) {
                    throw new IOException("data before fmt");
                }
                return peaks(in, size / 2, sampleRate, buckets);
            } else {
                in.skipNBytes(size + (size & 1));
            }
        }
    }

    private static Waveform peaks(DataInputStream in, long samples, int sampleRate, int buckets) throws IOException {
        int n = (int) Math.max(1, Math.min(buckets, samples));
        int[] peaks = new int[n];
        byte[] buffer = new byte[8192];
        long index = 0;
        long left = samples * 2;
        while (left > 0) {
            int wanted = (int) Math.min(buffer.length, left);
            int chunk = in.readNBytes(buffer, 0, wanted);
            for (int i = 0; i + 1 < chunk; i += 2, index++) {
                int sample = Math.abs((short) ((buffer[i] & 0xff) | buffer[i + 1] << 8));
                int bucket = (int) (index * n / samples);
                int level = (int) Math.min(100, (sample * 100L + 32_767) / 32_768);
                if (level > peaks[bucket]) {
                    peaks[bucket] = level;
                }
            }
            left -= chunk;
            if (chunk < wanted) {
                break; // a recording cut short by a crash: its outline ends where its audio does
            }
        }
        return new Waveform(samples * 1000 / sampleRate, sampleRate, samples == 0 ? new int[0] : peaks);
    }

    private static String tag(DataInputStream in) throws IOException {
        byte[] b = new byte[4];
        try {
            in.readFully(b);
        } catch (EOFException e) {
            throw new IOException("no data chunk in the WAV file", e);
        }
        return new String(b, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static int le32(DataInputStream in) throws IOException {
        return Integer.reverseBytes(in.readInt());
    }

    /** {@code {"durationMs":…,"sampleRate":…,"peaks":[…]}}, as the player loads it. */
    public String toJson() {
        StringBuilder json = new StringBuilder(peaks.length * 3 + 64);
        json.append("{\"durationMs\":").append(durationMs).append(",\"sampleRate\":").append(sampleRate)
                .append(",\"peaks\":[");
        for (int i = 0; i < peaks.length; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append(peaks[i]);
        }
        return json.append("]}").toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Waveform w && w.durationMs == durationMs && w.sampleRate == sampleRate
                && Arrays.equals(w.peaks, peaks);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(durationMs) * 31 + Arrays.hashCode(peaks);
    }

    @Override
    public int[] peaks() {
        return peaks.clone();
    }
}
