package io.vigil.redaction.audio;

import io.vigil.session.audio.MuLawCodec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.redaction.DetectedEntity;
import io.vigil.redaction.EntityType;
import io.vigil.redaction.RedactionEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

class AudioRedactorTest {

    private static final int RATE = 8000;

    /** One second of a 300 Hz sine at half scale, so "untouched" audio is clearly not silence. */
    private static byte[] speechLikePcm(int channels) {
        byte[] data = new byte[RATE * channels * 2];
        for (int f = 0; f < RATE; f++) {
            short v = (short) (16000 * Math.sin(2 * Math.PI * 300 * f / RATE) + 1000);
            for (int c = 0; c < channels; c++) {
                int at = (f * channels + c) * 2;
                data[at] = (byte) v;
                data[at + 1] = (byte) (v >> 8);
            }
        }
        return WavFile.build(WavFile.Encoding.PCM_16, channels, RATE, data);
    }

    private static byte[] speechLikeMuLaw() {
        byte[] data = new byte[RATE];
        for (int f = 0; f < RATE; f++) {
            data[f] = MuLawCodec.encode((short) (16000 * Math.sin(2 * Math.PI * 300 * f / RATE) + 1000));
        }
        return WavFile.build(WavFile.Encoding.MU_LAW, 1, RATE, data);
    }

    @Test
    void silencesPcmInsideRangesOnlyOnEveryChannel() {
        byte[] in = speechLikePcm(2);
        WavFile original = WavFile.parse(in);
        WavFile out = WavFile.parse(AudioRedactor.silence().redact(in, List.of(new TimeRange(250, 500))));
        assertEquals(original.frameCount(), out.frameCount());
        for (int f = 0; f < out.frameCount(); f++) {
            for (int c = 0; c < 2; c++) {
                boolean inside = f >= 2000 && f < 4000;
                if (inside) {
                    assertEquals(0, out.sample(f, c), "frame " + f);
                } else {
                    assertEquals(original.sample(f, c), out.sample(f, c), "frame " + f);
                }
            }
        }
    }

    @Test
    void toneIsOneKilohertzInsideTheRange() {
        byte[] in = speechLikePcm(1);
        WavFile out = WavFile.parse(AudioRedactor.tone().redact(in, List.of(new TimeRange(0, 100))));
        int crossings = 0;
        int peak = 0;
        for (int f = 1; f < 800; f++) {
            if ((out.sample(f - 1, 0) < 0) != (out.sample(f, 0) < 0)) {
                crossings++;
            }
            peak = Math.max(peak, Math.abs(out.sample(f, 0)));
        }
        // 100 ms of 1 kHz has 100 periods, i.e. about 200 zero crossings.
        assertTrue(crossings >= 190 && crossings <= 210, "crossings " + crossings);
        assertTrue(peak > 7000 && peak <= 8192, "peak " + peak);
        assertEquals(WavFile.parse(in).sample(900, 0), out.sample(900, 0));
    }

    @Test
    void redactsMuLawRecordings() {
        byte[] in = speechLikeMuLaw();
        WavFile original = WavFile.parse(in);
        WavFile out = WavFile.parse(AudioRedactor.silence().redact(in, List.of(new TimeRange(100, 200),
                new TimeRange(900, 2000))));
        for (int f = 0; f < out.frameCount(); f++) {
            boolean inside = (f >= 800 && f < 1600) || f >= 7200;
            if (inside) {
                assertEquals(0, out.sample(f, 0), "frame " + f);
            } else {
                assertEquals(original.sample(f, 0), out.sample(f, 0), "frame " + f);
            }
        }
    }

    @Test
    void muLawCodecRoundTripsWithinQuantisation() {
        for (int v = -32000; v <= 32000; v += 97) {
            int back = MuLawCodec.decode(MuLawCodec.encode((short) v));
            assertTrue(Math.abs(back - v) <= Math.max(8, Math.abs(v) / 16), v + " -> " + back);
        }
        assertEquals(0, MuLawCodec.decode(MuLawCodec.encode((short) 0)));
    }

    @Test
    void rejectsWhatItCannotRedact() {
        assertThrows(IllegalArgumentException.class, () -> WavFile.parse(new byte[] {1, 2, 3}));
        byte[] wav = speechLikePcm(1);
        wav[34] = 8; // bits per sample 8 with format 1
        assertThrows(IllegalArgumentException.class, () -> WavFile.parse(wav));
    }

    @Test
    void alignsSpansWithWordTimings() {
        String text = "my pin is one two three four";
        List<DetectedEntity> spans = RedactionEngine.createDefault().detect(text);
        assertEquals(EntityType.PIN, spans.get(0).type());
        List<SpanTimeAligner.WordTiming> words = List.of(new SpanTimeAligner.WordTiming(0, 2, 0, 200),
                new SpanTimeAligner.WordTiming(3, 6, 200, 400), new SpanTimeAligner.WordTiming(7, 9, 400, 500),
                new SpanTimeAligner.WordTiming(10, 13, 600, 900), new SpanTimeAligner.WordTiming(14, 17, 900, 1200),
                new SpanTimeAligner.WordTiming(18, 23, 1200, 1500), new SpanTimeAligner.WordTiming(24, 28, 1500,
                        1900));
        List<TimeRange> ranges = new SpanTimeAligner(50).align(spans, text.length(), 0, 2000, words);
        assertEquals(List.of(new TimeRange(550, 1950)), ranges);
    }

    @Test
    void alignsProportionallyWithPaddingWhenThereAreNoTimings() {
        DetectedEntity middle = new DetectedEntity(EntityType.PIN, 40, 60, 1, "test", "test", null);
        DetectedEntity end = new DetectedEntity(EntityType.PIN, 90, 100, 1, "test", "test", null);
        List<TimeRange> ranges = new SpanTimeAligner(200).align(List.of(end, middle), 100, 1000, 3000, List.of());
        assertEquals(List.of(new TimeRange(1600, 2400), new TimeRange(2600, 3000)), ranges);
        List<TimeRange> merged = new SpanTimeAligner(600).align(List.of(end, middle), 100, 1000, 3000, List.of());
        assertEquals(List.of(new TimeRange(1200, 3000)), merged);
    }

    @Test
    void endToEndTextSpanBecomesSilence() {
        String text = "my pin is one two three four";
        List<DetectedEntity> spans = RedactionEngine.createDefault().detect(text);
        List<TimeRange> ranges = new SpanTimeAligner(0).align(spans, text.length(), 0, 1000, List.of());
        byte[] out = AudioRedactor.silence().redact(speechLikePcm(1), ranges);
        WavFile w = WavFile.parse(out);
        int mid = (int) ((ranges.get(0).startMs() + ranges.get(0).endMs()) / 2 * RATE / 1000);
        assertEquals(0, w.sample(mid, 0));
        assertTrue(w.sample(10, 0) != 0);
    }
}
