package io.vigil.crypto.recording;

import java.security.MessageDigest;

/** Recomputes the unkeyed header checksum after a deliberate edit, the way an attacker could. */
final class TamperedHeaders {

    private TamperedHeaders() {
    }

    static void fixChecksum(byte[] recording) throws Exception {
        int length = RecordingFixture.headerLength(recording);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(recording, 0, length - 64);
        System.arraycopy(sha256.digest(), 0, recording, length - 64, 32);
    }
}
