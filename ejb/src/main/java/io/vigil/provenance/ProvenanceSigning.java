package io.vigil.provenance;

import io.vigil.audit.AuditTrail;
import io.vigil.audit.domain.AuditActor;
import io.vigil.audit.domain.AuditEvent;
import io.vigil.crypto.audit.AuditOutcome;
import io.vigil.crypto.c2pa.AudioFormat;
import io.vigil.crypto.c2pa.C2paException;
import io.vigil.crypto.c2pa.C2paManifest;
import io.vigil.crypto.c2pa.C2paReader;
import io.vigil.crypto.c2pa.C2paSigner;
import io.vigil.crypto.c2pa.C2paValidation;
import io.vigil.crypto.c2pa.C2paVerificationException;
import io.vigil.crypto.c2pa.C2paWriter;
import io.vigil.crypto.c2pa.CallDetails;
import io.vigil.crypto.c2pa.WavSigningStream;
import io.vigil.crypto.c2pa.ClaimGenerator;
import io.vigil.crypto.c2pa.TimestampAuthority;
import io.vigil.keys.KeyRegistry;
import io.vigil.recording.CallRecorder;
import io.vigil.recording.RecordingLibrary;
import io.vigil.recording.RecordingStoreException;
import io.vigil.recording.StreamedWav;
import io.vigil.recording.WavAudio;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * C2PA provenance for a tenant's audio (WAV or MP3), signed with the tenant's own {@code signing} key in its key
 * provider (the key never leaves it; PKCS#11 signs in the HSM) and the chain that certifies that key
 * ({@link SigningChains}: the demo CA's, or the tenant's imported one). Optionally timestamped at the configured
 * TSA ({@link ProvenanceSettings}).
 *
 * <ul>
 *   <li>{@link #sign}: a new manifest, {@code c2pa.created} with the digital source type of the {@link TrackKind}
 *       ({@code trainedAlgorithmicMedia} for the agent's own track, {@code compositeWithTrainedAlgorithmicMedia}
 *       for a call recording);</li>
 *   <li>{@link #signRedactedCopy}: the redacted copy's manifest names the signed original as its parent
 *       ingredient and records the redaction ({@code c2pa.opened}; {@code c2pa.redacted} of the original's
 *       {@code io.vigil.call} assertion, which is removed from the original's manifest; {@code c2pa.edited} with
 *       reason {@code c2pa.PII.present} for the silenced audio);</li>
 *   <li>{@link #signAndStore}: signs a finished WAV track, with the call's details in an {@code io.vigil.call}
 *       assertion, before it is encrypted and stored as a recording, and records its provenance for the call page:
 *       what the live recorder calls at session end;</li>
 *   <li>{@link #verify}: the verdict on any file, in c2pa-rs's vocabulary, with the demo root and the tenant's
 *       imported roots as trust anchors. Never throws for bad input: a corrupt file is an {@code Invalid} report.</li>
 * </ul>
 * Every method takes the tenant first; signing for one tenant never uses another's key or chain.
 */
@Stateless
public class ProvenanceSigning {

    /** Files larger than this are refused: signing and verifying hold the whole file in memory. */
    public static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(ProvenanceSigning.class.getName());
    private static final ProvenanceSettings SETTINGS = ProvenanceSettings.fromSystem();

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @EJB
    private SigningChains chains;

    @EJB
    private KeyRegistry registry;

    @EJB
    private CallRecorder recorder;

    @EJB
    private RecordingLibrary library;

    @EJB
    private AuditTrail trail;

    /** {@code audio} (WAV or MP3) with a new C2PA manifest; an existing manifest is replaced. */
    public byte[] sign(TenantId tenant, byte[] audio, String title, TrackKind kind) throws ProvenanceException {
        return sign(tenant, audio, title, kind, Optional.empty());
    }

    /**
     * {@link #sign(TenantId, byte[], String, TrackKind)}, stamped at {@code authority} when given (an export's own
     * timestamp authority) instead of the configured C2PA one.
     */
    public byte[] sign(TenantId tenant, byte[] audio, String title, TrackKind kind, Optional<TimestampAuthority> authority)
            throws ProvenanceException {
        C2paWriter writer = writer(tenant, authority);
        try {
            return writer.sign(audio, title, kind.sourceType());
        } catch (C2paException e) {
            throw new ProvenanceException(e.getMessage(), e);
        }
    }

    /** {@link #sign(TenantId, byte[], String, TrackKind)} on a person's or client's request, audited as {@code c2pa.sign}. */
    public byte[] sign(TenantId tenant, byte[] audio, String title, TrackKind kind, AuditActor actor)
            throws ProvenanceException {
        try {
            byte[] signed = sign(tenant, audio, title, kind);
            trail.record(new AuditEvent(tenant.value(), actor, "c2pa.sign", "file", sha256(signed), null,
                    AuditOutcome.SUCCESS, Map.of("type", kind.name().toLowerCase(java.util.Locale.ROOT), "title", title)));
            return signed;
        } catch (ProvenanceException e) {
            trail.recordFailure(new AuditEvent(tenant.value(), actor, "c2pa.sign", "file", sha256(audio), null,
                    AuditOutcome.FAILURE, Map.of("reason", e.getMessage())));
            throw e;
        }
    }

    /** Reads {@code in}, writes the signed file to {@code out} (may be the same path). */
    public void sign(TenantId tenant, Path in, Path out, String title, TrackKind kind) throws ProvenanceException {
        write(out, sign(tenant, read(in), title, kind));
    }

    /** Reads {@code in} to its end, writes the signed file to {@code out}; neither stream is closed. */
    public void sign(TenantId tenant, InputStream in, OutputStream out, String title, TrackKind kind)
            throws ProvenanceException {
        byte[] signed = sign(tenant, read(in), title, kind);
        try {
            out.write(signed);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the signed file", e);
        }
    }

    /**
     * {@code redactedAudio} with a manifest naming {@code signedOriginal} (which must verify) as its parent and
     * recording the redaction with {@code description}, e.g. "3 PII spans silenced".
     */
    public byte[] signRedactedCopy(TenantId tenant, byte[] signedOriginal, byte[] redactedAudio, String title,
                                   String description) throws ProvenanceException {
        return signRedactedCopy(tenant, signedOriginal, redactedAudio, title, description, Optional.empty());
    }

    /** {@link #signRedactedCopy(TenantId, byte[], byte[], String, String)}, stamped at {@code authority} when given. */
    public byte[] signRedactedCopy(TenantId tenant, byte[] signedOriginal, byte[] redactedAudio, String title,
                                   String description, Optional<TimestampAuthority> authority) throws ProvenanceException {
        C2paWriter writer = writer(tenant, authority);
        try {
            return writer.signRedactedExport(signedOriginal, redactedAudio, title, description);
        } catch (C2paException e) {
            throw new ProvenanceException(e.getMessage(), e);
        }
    }

    /**
     * {@code transcodedAudio} (e.g. an MP3 of the WAV {@code signedOriginal}, which must verify) with a manifest
     * naming the original as its parent and recording the transcoding with {@code description}; stamped at
     * {@code authority} when given, else at the configured C2PA authority.
     */
    public byte[] signTranscodedCopy(TenantId tenant, byte[] signedOriginal, byte[] transcodedAudio, String title,
                                     String description, Optional<TimestampAuthority> authority) throws ProvenanceException {
        C2paWriter writer = writer(tenant, authority);
        try {
            return writer.signTranscodedCopy(signedOriginal, transcodedAudio, title, description);
        } catch (C2paException e) {
            throw new ProvenanceException(e.getMessage(), e);
        }
    }

    public void signRedactedCopy(TenantId tenant, Path signedOriginal, Path redactedAudio, Path out, String title,
                                 String description) throws ProvenanceException {
        write(out, signRedactedCopy(tenant, read(signedOriginal), read(redactedAudio), title, description));
    }

    /**
     * Signs a finished WAV track and stores it as the call's encrypted recording ({@link CallRecorder}), so
     * playback and exports serve the signed file; records its provenance for the call page and the audit trail.
     * The live recorder calls this at session end: {@code AGENT} for the agent's own track, {@code COMPOSITE}
     * for the mixed call. Returns the recording id.
     */
    public UUID signAndStore(TenantId tenant, UUID sessionId, String track, WavAudio audio, TrackKind kind)
            throws ProvenanceException {
        return signAndStore(tenant, sessionId, track, audio.streamed(), kind);
    }

    /**
     * {@link #signAndStore(TenantId, UUID, String, WavAudio, TrackKind)} for a track streamed from its source: the
     * file is signed as it is encrypted ({@link C2paWriter#signingWav}), a chunk at a time, so a call of any length
     * costs the same memory.
     */
    public UUID signAndStore(TenantId tenant, UUID sessionId, String track, StreamedWav audio, TrackKind kind)
            throws ProvenanceException {
        SigningIdentity identity = chains.current(tenant);
        C2paWriter writer = writer(tenant, Optional.empty());
        UUID recording;
        C2paManifest manifest;
        // Everything that can refuse to sign happens before the commit: a refusal leaves no recording row behind
        // (the caller then stores the track unsigned).
        try (CallRecorder.Pending out = recorder.begin(tenant, sessionId, track)) {
            WavSigningStream signing = writer.signingWav(out, audio.sampleRate(), audio.pcm().bytes(),
                    "Call " + sessionId + " (" + track + ")", kind.sourceType(),
                    Optional.of(callDetails(tenant, sessionId)));
            audio.forEachChunk((chunk, n) -> signing.writePcm(chunk, 0, n));
            manifest = C2paReader.create().readStore(signing.finish());
            recording = out.commit(audio.durationMs(), audio.format());
        } catch (C2paVerificationException e) {
            throw new ProvenanceException("The manifest just signed does not verify: " + e.getMessage(), e);
        } catch (C2paException e) {
            throw new ProvenanceException(e.getMessage(), e);
        } catch (IOException e) {
            throw new RecordingStoreException("The " + track + " recording of call " + sessionId
                    + " could not be written: " + e.getMessage(), e);
        }
        remember(tenant, sessionId, recording, manifest, identity);
        return recording;
    }

    /**
     * Signs {@code redacted} (the stored recording {@code originalRecording} with PII silenced) as its redacted
     * copy and stores it as the call's track {@code track}; the original must be a signed recording of the tenant.
     */
    public UUID signAndStoreRedactedCopy(TenantId tenant, UUID originalRecording, String track, WavAudio redacted,
                                         String description) throws ProvenanceException {
        var info = library.find(tenant, originalRecording)
                .orElseThrow(() -> new ProvenanceException("No recording " + originalRecording + " in this tenant"));
        byte[] original;
        try (var reader = library.open(tenant, originalRecording).orElseThrow();
             InputStream in = reader.openAt(0)) {
            original = in.readAllBytes();
        } catch (IOException e) {
            throw new ProvenanceException("The original recording cannot be read: " + e.getMessage(), e);
        }
        byte[] signed = signRedactedCopy(tenant, original, redacted.fileBytes(),
                "Call " + info.sessionId() + " (" + track + ", redacted)", description);
        UUID recording = recorder.record(tenant, info.sessionId(), track, signed, redacted.durationMs(), redacted.format());
        remember(tenant, info.sessionId(), recording, signed);
        return recording;
    }

    /**
     * The verdict on {@code file} with the demo root and the tenant's imported roots as trust anchors; audited as
     * {@code c2pa.verify} with the file's SHA-256 and the state. Bad or corrupt input gives an {@code Invalid}
     * report that says what is wrong.
     */
    public ProvenanceReport verify(TenantId tenant, byte[] file, AuditActor actor) {
        ProvenanceReport report = verify(tenant, file);
        trail.record(new AuditEvent(tenant.value(), actor, "c2pa.verify", "file", sha256(file), null,
                AuditOutcome.SUCCESS, Map.of("state", report.state(), "bytes", Long.toString(file.length),
                        "failures", String.join(",", report.failureCodes()))));
        return report;
    }

    /** {@link #verify(TenantId, byte[], AuditActor)} without the audit entry, for the system's own checks. */
    public ProvenanceReport verify(TenantId tenant, byte[] file) {
        Optional<String> format;
        try {
            format = Optional.of(AudioFormat.detect(file).mediaType());
        } catch (C2paException e) {
            return ProvenanceReport.unreadable("This is not a WAV or MP3 file: upload a .wav (RIFF/WAVE) or .mp3 file");
        }
        try {
            return ProvenanceReport.of(C2paValidation.validate(file, chains.trustAnchors(tenant)), format);
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "C2PA verification could not read a file", e);
            return ProvenanceReport.unreadable("The file is damaged and its C2PA data cannot be read");
        }
    }

    /** The PEM of the demo root: the trust anchor for files signed under the demo CA. */
    public String demoTrustRootPem() {
        return chains.demoRootPem();
    }

    /** What the call page shows: the provenance of each signed recording of the call, by track. */
    public List<RecordingProvenance> forSession(TenantId tenant, UUID sessionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT p.recording_id, r.track, p.manifest_label, p.title, p.signer,"
                        + " p.chain_source, p.signing_key_ref, p.digital_source_type, p.actions, p.ingredient_label,"
                        + " p.timestamped, p.signed_at FROM recording_provenance p JOIN recording r ON r.id = p.recording_id"
                        + " WHERE p.tenant_id = ?1 AND p.session_id = ?2 ORDER BY r.track")
                .setParameter(1, tenant.value()).setParameter(2, sessionId).getResultList();
        return rows.stream().map(r -> new RecordingProvenance(io.vigil.keys.Rows.uuid(r[0]), (String) r[1], (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], (String) r[6], Optional.ofNullable((String) r[7]),
                List.of(((String) r[8]).split(",")), Optional.ofNullable((String) r[9]), (Boolean) r[10],
                io.vigil.keys.Rows.instant(r[11]))).toList();
    }

    /**
     * The call's personal data for the recording's {@code io.vigil.call} assertion: the call id, the tenant, the
     * caller's reference as Vigil keeps it (the keyed hash) and the start time. A redacted copy removes it again.
     */
    private CallDetails callDetails(TenantId tenant, UUID sessionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT caller_ref_hash, started_at FROM call_session"
                        + " WHERE tenant_id = ?1 AND id = ?2")
                .setParameter(1, tenant.value()).setParameter(2, sessionId).getResultList();
        Optional<String> caller = rows.stream().map(r -> (String) r[0]).findFirst();
        Instant startedAt = rows.stream().map(r -> io.vigil.keys.Rows.instant(r[1])).findFirst().orElse(Instant.now());
        return new CallDetails(sessionId.toString(), tenant.value().toString(), caller, startedAt);
    }

    private void remember(TenantId tenant, UUID sessionId, UUID recording, byte[] signed) throws ProvenanceException {
        try {
            remember(tenant, sessionId, recording, C2paReader.create().read(signed), chains.current(tenant));
        } catch (C2paVerificationException e) {
            throw new ProvenanceException("The file just signed does not verify: " + e.getMessage(), e);
        }
    }

    private void remember(TenantId tenant, UUID sessionId, UUID recording, C2paManifest manifest,
                          SigningIdentity identity) {
        Instant signedAt = manifest.timestamp().orElse(Instant.now());
        String actions = String.join(",", manifest.actions().stream().map(C2paManifest.Action::action).toList());
        em.createNativeQuery("INSERT INTO recording_provenance (recording_id, tenant_id, session_id, manifest_label, title,"
                        + " signer, chain_source, signing_key_ref, digital_source_type, actions, ingredient_label, timestamped,"
                        + " signed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, NULLIF(?9, ''), ?10, NULLIF(?11, ''), ?12, ?13)")
                .setParameter(1, recording).setParameter(2, tenant.value()).setParameter(3, sessionId)
                .setParameter(4, manifest.label()).setParameter(5, manifest.title().orElse(""))
                .setParameter(6, manifest.signer().getSubjectX500Principal().getName())
                .setParameter(7, identity.source().name()).setParameter(8, identity.key().toString())
                .setParameter(9, manifest.digitalSourceType().orElse(""))
                .setParameter(10, actions)
                .setParameter(11, manifest.ingredients().stream().flatMap(i -> i.manifestLabel().stream()).findFirst().orElse(""))
                .setParameter(12, manifest.timestamp().isPresent())
                .setParameter(13, OffsetDateTime.ofInstant(signedAt, ZoneOffset.UTC)).executeUpdate();
        trail.record(new AuditEvent(tenant.value(), SigningChains.SYSTEM, "c2pa.sign", "recording", recording.toString(),
                null, AuditOutcome.SUCCESS, Map.of("manifest", manifest.label(), "actions", actions,
                        "signing_key", identity.key().toString(), "chain", identity.source().name())));
    }

    private C2paWriter writer(TenantId tenant, Optional<TimestampAuthority> authority) throws ProvenanceException {
        SigningIdentity identity = chains.current(tenant);
        C2paSigner signer = C2paSigner.of(registry.provider(tenant), identity.key(), identity.chain());
        C2paWriter writer = C2paWriter.create(signer, ClaimGenerator.vigil());
        return authority.or(SETTINGS::timestampAuthority).map(writer::withTimestampAuthority).orElse(writer);
    }

    private static byte[] read(Path file) throws ProvenanceException {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new ProvenanceException(file + " is larger than " + MAX_FILE_BYTES / 1024 / 1024 + " MiB");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ProvenanceException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] read(InputStream in) throws ProvenanceException {
        try {
            byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new ProvenanceException("The file is larger than " + MAX_FILE_BYTES / 1024 / 1024 + " MiB");
            }
            return bytes;
        } catch (IOException e) {
            throw new ProvenanceException("Cannot read the file: " + e.getMessage(), e);
        }
    }

    private static void write(Path out, byte[] bytes) {
        try {
            Path temporary = Files.createTempFile(out.toAbsolutePath().getParent(), ".c2pa", ".tmp");
            Files.write(temporary, bytes);
            Files.move(temporary, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + out, e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
