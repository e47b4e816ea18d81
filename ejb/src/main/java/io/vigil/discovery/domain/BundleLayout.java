package io.vigil.discovery.domain;

/**
 * Where each file sits in a bundle. The ZIP holds, in this order: per document (production order) its native, its
 * plain-text and WebVTT transcripts and its metadata; then the load files, the audit evidence, the certificates,
 * the chain-of-custody report, the manifest and its signature.
 */
public final class BundleLayout {

    public static final String DAT = "DATA/loadfile.dat";
    public static final String EDRM = "DATA/loadfile.xml";
    public static final String AUDIT_ENTRIES = "AUDIT/entries.jsonl";
    public static final String AUDIT_PROOFS = "AUDIT/proofs.jsonl";
    public static final String AUDIT_CHECKPOINT = "AUDIT/checkpoint.txt";
    public static final String AUDIT_KEY = "AUDIT/audit-key.pem";
    public static final String SIGNING_CHAIN = "CERTS/signing-chain.pem";
    public static final String TRUST_ROOT = "CERTS/trust-root.pem";
    public static final String CUSTODY = "chain-of-custody.pdf";
    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "manifest.json.p7s";

    private BundleLayout() {
    }

    public static String nativePath(String productionNumber, NativeFormat format) {
        return "NATIVES/" + productionNumber + "." + format.extension();
    }

    public static String textPath(String productionNumber) {
        return "TEXT/" + productionNumber + ".txt";
    }

    public static String vttPath(String productionNumber) {
        return "TEXT/" + productionNumber + ".vtt";
    }

    public static String metadataPath(String productionNumber) {
        return "METADATA/" + productionNumber + ".json";
    }

    public static boolean isNative(String path) {
        return path.startsWith("NATIVES/");
    }
}
