package io.vigil.crypto.c2pa;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** For tests that sign files: a demo PKI, its root as c2pa-rs's trust anchor file, and a writer, once per class. */
abstract class SignedWithTestPki {

    @TempDir
    static Path directory;
    static DemoPki pki;
    static Path anchors;
    static C2paWriter writer;

    @BeforeAll
    static void demoPki() throws Exception {
        TestSigning signing = TestSigning.in(directory, "Vigil C2PA test signer");
        pki = signing.pki();
        anchors = signing.anchors();
        writer = signing.writer();
    }
}
