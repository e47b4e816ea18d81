package io.vigil.crypto.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.crypto.blob.BlobId;
import io.vigil.crypto.blob.FileSystemBlobStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a recording JVM with SIGKILL in the middle of a call and checks that every segment it flushed
 * decrypts and the recording reads as INCOMPLETE.
 */
class RecordingCrashTest {

    private static final int SEGMENT = 1024;
    private static final String PASSWORD = "test-only-password";

    @TempDir
    Path directory;

    @Test
    @Timeout(60)
    void aKilledWriterLeavesEveryFlushedSegmentReadable() throws Exception {
        RecordingFixture.create(directory).close(); // the keystore with the audio key the child process uses
        Path keystore = directory.resolve("keys.bcfks");
        Path blobs = directory.resolve("blobs");
        BlobId id = BlobId.of("acme/session-1/caller.vgrc");

        ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-cp", testClassPath(), CrashingRecorder.class.getName(),
                keystore.toString(), blobs.toString(), id.value(), Integer.toString(SEGMENT)).redirectErrorStream(true);
        builder.environment().put("VIGIL_TEST_KEYSTORE_PASSWORD", PASSWORD);
        Process recorder = builder.start();
        long reported = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(recorder.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (reported < 5 && (line = out.readLine()) != null) {
                assertTrue(line.startsWith("segments "), "unexpected output from the recorder: " + line);
                reported = Long.parseLong(line.substring("segments ".length()));
            }
            recorder.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no close(), no final segment
            assertTrue(recorder.waitFor(20, TimeUnit.SECONDS));
        } finally {
            recorder.destroyForcibly();
        }
        assertTrue(reported >= 5, "the recorder died before writing 5 segments");
        assertEquals(137, recorder.exitValue(), "killed by SIGKILL");

        FileSystemBlobStore store = FileSystemBlobStore.open(blobs);
        try (RecordingFixture keys = RecordingFixture.reopen(directory);
             RecordingReader reader = RecordingReader.open(store.open(id), keys.keys, RecordingFixture.CONTEXT)) {
            assertEquals(RecordingStatus.INCOMPLETE, reader.status());
            assertTrue(reader.segmentCount() >= reported, reader.segmentCount() + " segments on disk, " + reported + " reported flushed");
            byte[] audio = RecordingFixture.readAll(reader);
            assertEquals(reader.segmentCount() * SEGMENT, audio.length);
            for (int i = 0; i < audio.length; i++) {
                assertEquals(CrashingRecorder.audioAt(i), audio[i], "audio byte " + i);
            }
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Surefire runs tests from a manifest-only jar; it publishes the real test class path separately. */
    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
