package io.vigil.crypto.c2pa;

import java.nio.file.Files;
import java.nio.file.Path;

/** A demo PKI, its root written as the trust anchor file c2pa-rs reads, and a writer signing with a fresh leaf. */
record TestSigning(DemoPki pki, Path anchors, C2paWriter writer) {

    static TestSigning in(Path directory, String signerName) throws Exception {
        DemoPki pki = DemoPki.create("Vigil");
        Path anchors = Files.writeString(directory.resolve("root.pem"), pki.rootPem());
        return new TestSigning(pki, anchors,
                C2paWriter.create(pki.newSigningIdentity(signerName).signer(), C2paSigningTest.GENERATOR));
    }
}
