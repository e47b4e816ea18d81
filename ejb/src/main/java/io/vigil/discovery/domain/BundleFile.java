package io.vigil.discovery.domain;

import java.io.IOException;
import java.io.OutputStream;

/** A file of the bundle that is not about one call (audit evidence, certificates, the custody report). */
public interface BundleFile {

    String path();

    void write(OutputStream out) throws IOException;
}
