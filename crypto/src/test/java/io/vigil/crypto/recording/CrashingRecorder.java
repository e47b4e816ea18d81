package io.vigil.crypto.recording;

import io.vigil.crypto.blob.BlobId;
import io.vigil.crypto.blob.FileSystemBlobStore;
import io.vigil.crypto.blob.LiveBlob;
import io.vigil.crypto.keys.BcfksKeyProvider;
import io.vigil.crypto.keys.DataKeyWrapper;
import java.nio.file.Path;

/**
 * Run in a separate JVM by {@link RecordingCrashTest}: records audio into a live blob forever, printing
 * {@code segments <n>} after each flushed segment, until it is killed.
 *
 * <p>Arguments: keystore path, blob store directory, blob id, segment size. The keystore password comes in
 * the environment variable {@code VIGIL_TEST_KEYSTORE_PASSWORD}, not on the command line.
 */
public final class CrashingRecorder {

    private CrashingRecorder() {
    }

    /** The audio byte at absolute position {@code i}, so the parent can check what it reads back. */
    static byte audioAt(long i) {
        return (byte) (i * 31 + 7);
    }

    public static void main(String[] args) throws Exception {
        Path keystore = Path.of(args[0]);
        FileSystemBlobStore store = FileSystemBlobStore.open(Path.of(args[1]));
        int segmentSize = Integer.parseInt(args[3]);
        BcfksKeyProvider provider = BcfksKeyProvider.open(keystore, System.getenv("VIGIL_TEST_KEYSTORE_PASSWORD").toCharArray());
        LiveBlob blob = store.create(BlobId.of(args[2]));
        RecordingWriter writer = RecordingWriter.create(blob, DataKeyWrapper.create(provider), RecordingFixture.KEK,
                RecordingFixture.CONTEXT, segmentSize);
        byte[] frame = new byte[segmentSize / 3 + 1];
        long position = 0;
        long reported = 0;
        while (true) {
            for (int i = 0; i < frame.length; i++) {
                frame[i] = audioAt(position + i);
            }
            writer.write(frame);
            position += frame.length;
            if (writer.segmentsWritten() > reported) {
                reported = writer.segmentsWritten();
                System.out.println("segments " + reported);
                System.out.flush();
            }
            Thread.sleep(2);
        }
    }
}
