package io.vigil.crypto.c2pa;

import io.vigil.crypto.c2pa.AudioContainer.Embedded;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Signs WAV and MP3 files with an embedded C2PA manifest: a {@code c2pa.claim.v2} with a
 * {@code c2pa.actions.v2} assertion, a {@code c2pa.hash.data} hard binding over the whole file, and an ES256
 * COSE signature, optionally timestamped (RFC 3161, {@code sigTst2}).
 *
 * <p>Signing lays the file out first and hashes it second, because the hard binding must name the byte range
 * the manifest occupies: (1) embed a zero-filled store of the final length, repeating until the exclusion
 * range it records matches where it lands (CBOR integers are shortest-form, so a changed number can change
 * the length once); (2) hash the file outside that range; (3) build and sign the claim; (4) embed the real
 * store, which has the same length. {@link #signRedactedExport} does the same for a new file whose manifest
 * names the original as its parent ingredient.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class C2paWriter {

    private static final int MAX_LAYOUT_ROUNDS = 8;

    private final C2paSigner signer;
    private final ClaimGenerator generator;
    private final Optional<TimestampAuthority> timestampAuthority;

    private C2paWriter(C2paSigner signer, ClaimGenerator generator, Optional<TimestampAuthority> timestampAuthority) {
        this.signer = Objects.requireNonNull(signer, "signer");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.timestampAuthority = timestampAuthority;
    }

    /** A writer signing as {@code signer}, naming {@code generator} as the claim generator; no timestamps. */
    public static C2paWriter create(C2paSigner signer, ClaimGenerator generator) {
        return new C2paWriter(signer, generator, Optional.empty());
    }

    /** The same writer, timestamping every signature at {@code authority}. */
    public C2paWriter withTimestampAuthority(TimestampAuthority authority) {
        return new C2paWriter(signer, generator, Optional.of(authority));
    }

    /**
     * Returns {@code audio} (WAV or MP3) with a new manifest stating that it was created
     * ({@code c2pa.created}) with the given digital source type. Any manifest already in the file is replaced.
     */
    public byte[] sign(byte[] audio, String title, DigitalSourceType sourceType) throws C2paException {
        return sign(audio, title, sourceType, Optional.empty());
    }

    /**
     * As {@link #sign(byte[], String, DigitalSourceType)}, with the call's personal data in an
     * {@value CallDetails#LABEL} assertion (which a redacted copy removes again).
     */
    public byte[] sign(byte[] audio, String title, DigitalSourceType sourceType, CallDetails call) throws C2paException {
        return sign(audio, title, sourceType, Optional.of(call));
    }

    private byte[] sign(byte[] audio, String title, DigitalSourceType sourceType, Optional<CallDetails> call)
            throws C2paException {
        return embedSigned(audio, created(title, sourceType, call));
    }

    /** {@link #signingWav(java.io.OutputStream, int, long, String, DigitalSourceType, Optional)} without call details. */
    public WavSigningStream signingWav(java.io.OutputStream out, int sampleRate, long pcmBytes, String title,
                                       DigitalSourceType sourceType) throws C2paException, java.io.IOException {
        return signingWav(out, sampleRate, pcmBytes, title, sourceType, Optional.empty());
    }

    /**
     * A mono PCM16 WAV file of {@code pcmBytes} bytes of audio at {@code sampleRate}, written to {@code out} as the
     * audio is handed over and signed like {@link #sign} when it is complete, without holding it in memory: for
     * recordings of any length. The file is laid out as {@link #sign} lays out the same audio. {@code call}, if
     * given, goes into the {@value CallDetails#LABEL} assertion as with {@link #sign(byte[], String,
     * DigitalSourceType, CallDetails)}.
     */
    public WavSigningStream signingWav(java.io.OutputStream out, int sampleRate, long pcmBytes, String title,
                                       DigitalSourceType sourceType, Optional<CallDetails> call)
            throws C2paException, java.io.IOException {
        return new WavSigningStream(out, sampleRate, pcmBytes, created(title, sourceType, call), signer,
                timestampAuthority);
    }

    private ManifestAssembly created(String title, DigitalSourceType sourceType, Optional<CallDetails> call) {
        Map<Object, Object> created = new LinkedHashMap<>();
        created.put("action", "c2pa.created");
        created.put("digitalSourceType", sourceType.uri());
        created.put("when", now());
        created.put("softwareAgent", generator.toCbor());
        List<ManifestAssembly.Assertion> assertions = new ArrayList<>();
        assertions.add(new ManifestAssembly.Assertion(ManifestAssembly.ACTIONS, Map.of("actions", List.of(created))));
        call.ifPresent(c -> assertions.add(new ManifestAssembly.Assertion(CallDetails.LABEL, c.toCbor())));
        return new ManifestAssembly(List.of(), assertions, generator, title);
    }

    /**
     * Returns {@code redactedAudio} (WAV or MP3) with a manifest that names {@code signedOriginal}'s active
     * manifest as its parent ingredient and records the redaction: {@code c2pa.opened} of the parent; if the
     * parent carries the call's personal data ({@value CallDetails#LABEL}), {@code c2pa.redacted} of that
     * assertion, which is removed from the parent's manifest and listed in the claim's {@code redacted_assertions};
     * then {@code c2pa.edited} with reason {@code c2pa.PII.present} and {@code description} (e.g. which spans were
     * silenced) for the audio. The original must verify; its manifests are carried along so a verifier can check
     * the history (see {@link RedactedExport}).
     */
    public byte[] signRedactedExport(byte[] signedOriginal, byte[] redactedAudio, String title, String description)
            throws C2paException {
        return signRedactedExport(signedOriginal, redactedAudio, title, description, RedactedExport.AS_C2PA_PRESCRIBES);
    }

    /** As above, with the redaction chosen by {@code plan} (tests write faulty redactions with it). */
    byte[] signRedactedExport(byte[] signedOriginal, byte[] redactedAudio, String title, String description,
            RedactedExport.Plan plan) throws C2paException {
        return embedSigned(redactedAudio, RedactedExport.assembly(signedOriginal, generator, title, description, plan));
    }

    /**
     * Returns {@code transcodedAudio} (e.g. an MP3 made from the WAV {@code signedOriginal}) with a manifest that
     * names {@code signedOriginal}'s active manifest as its parent ingredient and records {@code c2pa.opened} of it,
     * then {@code c2pa.transcoded} with {@code description}. The original must verify.
     */
    public byte[] signTranscodedCopy(byte[] signedOriginal, byte[] transcodedAudio, String title, String description)
            throws C2paException {
        return embedSigned(transcodedAudio, RedactedExport.transcoded(signedOriginal, generator, title, description));
    }

    private byte[] embedSigned(byte[] audio, ManifestAssembly assembly) throws C2paException {
        AudioContainer container = AudioFormat.detect(audio).container();
        try {
            byte[] manifestFree = container.withoutManifest(audio);
            int signatureSize = ClaimSignature.reservedSize(signer, timestampAuthority.isPresent());
            long start = 0;
            long length = 0;
            byte[] laidOut = null;
            for (int round = 0; round < MAX_LAYOUT_ROUNDS && laidOut == null; round++) {
                byte[] placeholder = assembly.store(start, length, new byte[32], new byte[signatureSize]);
                if (placeholder.length % 2 != 0) {
                    // RIFF chunks are word aligned: an even store needs no pad byte after it.
                    signatureSize++;
                    continue;
                }
                long[] candidate = container.exclusion(manifestFree, placeholder);
                if (candidate[0] == start && candidate[1] == length) {
                    laidOut = placeholder;
                } else {
                    start = candidate[0];
                    length = candidate[1];
                }
            }
            if (laidOut == null) {
                throw new IllegalStateException("The manifest layout did not settle in " + MAX_LAYOUT_ROUNDS + " rounds");
            }
            Embedded layout = container.embed(manifestFree, laidOut);
            if (layout.exclusionStart() != start || layout.exclusionLength() != length) {
                throw new IllegalStateException("The container placed the manifest store elsewhere than it said");
            }
            byte[] assetHash = hashOutside(layout.asset(), start, length);
            byte[] claim = assembly.claim(start, length, assetHash);
            byte[] signature = ClaimSignature.sign(claim, signer, timestampAuthority, signatureSize);
            byte[] store = assembly.store(start, length, assetHash, signature);
            // Both containers end the excluded range with the store itself, and the real store has the
            // placeholder's length: write it over the placeholder instead of copying the recording once more.
            byte[] signed = layout.asset();
            int storeAt = (int) (start + length - store.length);
            if (store.length != laidOut.length || storeAt < 0
                    || !Arrays.equals(signed, storeAt, storeAt + store.length, laidOut, 0, laidOut.length)) {
                return container.embed(manifestFree, store).asset();
            }
            System.arraycopy(store, 0, signed, storeAt, store.length);
            return signed;
        } catch (C2paFormatException e) {
            throw new C2paException("Cannot embed a C2PA manifest: " + e.getMessage(), e);
        }
    }

    /** The time an action states: ISO 8601 in UTC, whole seconds. */
    static String now() {
        return java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    /** SHA-256 over the asset with {@code [start, start + length)} left out: the c2pa.hash.data value. */
    static byte[] hashOutside(byte[] asset, long start, long length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(asset, 0, (int) start);
            int end = (int) (start + length);
            digest.update(asset, end, asset.length - end);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
