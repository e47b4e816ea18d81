package io.vigil.it.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.audit.domain.AuditActor;
import io.vigil.crypto.c2pa.C2paReader;
import io.vigil.crypto.c2pa.DemoPki;
import io.vigil.crypto.recording.RecordingReader;
import io.vigil.provenance.ProvenanceException;
import io.vigil.provenance.ProvenanceReport;
import io.vigil.provenance.ProvenanceSigning;
import io.vigil.provenance.RecordingProvenance;
import io.vigil.provenance.SigningChains;
import io.vigil.provenance.SigningIdentity;
import io.vigil.provenance.TrackKind;
import io.vigil.recording.RecordingLibrary;
import io.vigil.recording.WavAudio;
import io.vigil.session.application.CallCatalog;
import io.vigil.session.domain.CallQuery;
import io.vigil.tenancy.TenantDirectory;
import io.vigil.tenancy.TenantId;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.io.InputStream;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * C2PA provenance inside Payara with the demo tenants' signing keys: signing as agent track and as call recording,
 * the verdict in c2pa-rs's words (Trusted, a flipped audio byte is assertion.dataHash.mismatch), redacted copies with
 * their original as ingredient, signed and encrypted recordings with their provenance row, the checks on an
 * imported chain, and tenant separation of the keys.
 */
@ExtendWith(ArquillianExtension.class)
class ProvenanceIT {

    private static final AuditActor OFFICER = AuditActor.user("it-officer", "Compliance Officer (test)");

    @EJB
    private ProvenanceSigning provenance;
    @EJB
    private SigningChains chains;
    @EJB
    private RecordingLibrary library;
    @EJB
    private CallCatalog catalog;
    @EJB
    private TenantDirectory tenants;
    @Resource(lookup = "jdbc/vigil")
    private DataSource db;

    @Test
    void anAgentTrackIsSignedWithTheTenantsKeyAndTrusted() throws Exception {
        TenantId bank = tenant("acme-bank");
        byte[] signed = provenance.sign(bank, tone(8000, 1), "Agent reply", TrackKind.AGENT);

        ProvenanceReport report = provenance.verify(bank, signed, OFFICER);

        assertEquals("Trusted", report.state(), report::toString);
        assertEquals(List.of(), report.failureCodes());
        assertTrue(report.codes().stream().anyMatch(c -> c.code().equals("claimSignature.validated")));
        assertTrue(report.codes().stream().anyMatch(c -> c.code().equals("assertion.dataHash.match")));
        assertEquals("c2pa.created", report.actions().get(0).action());
        assertTrue(report.actions().get(0).digitalSourceType().orElseThrow().endsWith("/trainedAlgorithmicMedia"));
        SigningIdentity identity = chains.current(bank);
        assertEquals(identity.subject(), report.signer().orElseThrow());
        assertEquals(identity.key().keyId(), "vigil/" + bank + "/signing", "the tenant's own signing key signs");
        assertEquals(identity.leaf().getPublicKey(),
                C2paReader.create().read(signed).signer().getPublicKey());
    }

    @Test
    void aFlippedAudioByteIsADataHashMismatchAndGarbageIsInvalidNotAnError() throws Exception {
        TenantId bank = tenant("acme-bank");
        byte[] signed = provenance.sign(bank, tone(8000, 1), "Call", TrackKind.COMPOSITE);
        signed[100] ^= 0x01;

        ProvenanceReport tampered = provenance.verify(bank, signed, OFFICER);
        ProvenanceReport garbage = provenance.verify(bank, "RIFF....WAVEjunk".getBytes(), OFFICER);
        ProvenanceReport text = provenance.verify(bank, "not audio".getBytes(), OFFICER);

        assertEquals("Invalid", tampered.state());
        assertEquals(List.of("assertion.dataHash.mismatch"), tampered.failureCodes());
        assertTrue(tampered.signer().isPresent(), "who signed is still shown");
        assertEquals("Invalid", garbage.state());
        assertTrue(garbage.problem().isPresent());
        assertEquals("Invalid", text.state());
        assertTrue(text.problem().orElseThrow().contains("WAV or MP3"), text::toString);
    }

    @Test
    void aRedactedCopyNamesItsOriginalAsIngredient() throws Exception {
        TenantId bank = tenant("acme-bank");
        byte[] original = provenance.sign(bank, tone(8000, 1), "Call 7", TrackKind.COMPOSITE);
        byte[] redacted = provenance.signRedactedCopy(bank, original, tone(8000, 0), "Call 7 (redacted)", "2 PII spans silenced");

        ProvenanceReport report = provenance.verify(bank, redacted);

        assertEquals("Trusted", report.state(), report::toString);
        assertEquals("parentOf", report.ingredients().get(0).relationship());
        assertEquals(provenance.verify(bank, original).manifestLabel(), report.ingredients().get(0).manifestLabel());
        assertEquals(List.of("c2pa.opened", "c2pa.edited"), report.actions().stream().map(ProvenanceReport.Action::action).toList());
        assertEquals("c2pa.PII.present", report.actions().get(1).reason().orElseThrow());
        assertThrows(ProvenanceException.class, () -> provenance.signRedactedCopy(bank, tone(100, 1), tone(100, 0), "x", "y"),
                "an unsigned original is refused");
    }

    @Test
    void signAndStoreKeepsTheSignedFileEncryptedAndRecordsItsProvenance() throws Exception {
        TenantId health = tenant("northwind-health");
        UUID call = catalog.page(health, CallQuery.firstPage(1)).get(0).id();
        String track = "agent-it-" + UUID.randomUUID().toString().substring(0, 8);

        UUID recording = provenance.signAndStore(health, call, track, new WavAudio(8000, new byte[16000]), TrackKind.AGENT);

        byte[] stored;
        try (RecordingReader reader = library.open(health, recording).orElseThrow(); InputStream in = reader.openAt(0)) {
            stored = in.readAllBytes();
        }
        assertEquals("Trusted", provenance.verify(health, stored).state(), "playback serves the signed file");
        RecordingProvenance row = provenance.forSession(health, call).stream()
                .filter(p -> p.recordingId().equals(recording)).findFirst().orElseThrow();
        assertEquals("trainedAlgorithmicMedia", row.sourceTypeName());
        assertEquals(List.of("c2pa.created"), row.actions());
        assertEquals(provenance.verify(health, stored).manifestLabel().orElseThrow(), row.manifestLabel());
        assertTrue(provenance.forSession(tenant("acme-bank"), call).isEmpty(), "another tenant sees nothing");
    }

    @Test
    void aStoredRecordingCarriesTheCallersDetailsAndItsRedactedCopyRedactsThem() throws Exception {
        TenantId health = tenant("northwind-health");
        UUID call = catalog.page(health, CallQuery.firstPage(1)).get(0).id();
        String callerHash;
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT caller_ref_hash FROM call_session WHERE id = ?")) {
            s.setObject(1, call);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                callerHash = r.getString(1);
            }
        }
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        byte[] voice = new byte[16000];
        java.util.Arrays.fill(voice, (byte) 3);
        UUID original = provenance.signAndStore(health, call, "mixed-it-" + suffix, new WavAudio(8000, voice),
                TrackKind.COMPOSITE);

        UUID copy = provenance.signAndStoreRedactedCopy(health, original, "mixed-it-" + suffix + "-redacted",
                new WavAudio(8000, new byte[16000]), "1 PII span silenced");

        byte[] originalBytes = stored(health, original);
        byte[] copyBytes = stored(health, copy);
        assertTrue(latin1(originalBytes).contains(callerHash), "the original's manifest names the caller (its keyed hash)");
        assertFalse(latin1(copyBytes).contains(callerHash), "the redacted copy does not");
        ProvenanceReport report = provenance.verify(health, copyBytes);
        assertEquals("Trusted", report.state(), report::toString);
        assertEquals(List.of(), report.failureCodes(), report::toString);
        assertEquals(List.of("c2pa.opened", "c2pa.redacted", "c2pa.edited"),
                report.actions().stream().map(ProvenanceReport.Action::action).toList());
        assertEquals("c2pa.PII.present", report.actions().get(1).reason().orElseThrow());
        RecordingProvenance row = provenance.forSession(health, call).stream()
                .filter(p -> p.recordingId().equals(copy)).findFirst().orElseThrow();
        assertEquals(List.of("c2pa.opened", "c2pa.redacted", "c2pa.edited"), row.actions());
    }

    private byte[] stored(TenantId tenant, UUID recording) throws Exception {
        try (RecordingReader reader = library.open(tenant, recording).orElseThrow(); InputStream in = reader.openAt(0)) {
            return in.readAllBytes();
        }
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Test
    void anImportedChainMustCertifyTheTenantsKeyAndThenSigns() throws Exception {
        TenantId health = tenant("northwind-health");
        DemoPki customer = DemoPki.create("Northwind");
        PublicKey key = publicKey(chains.signingKeyPem(health));
        PublicKey otherTenantsKey = publicKey(chains.signingKeyPem(tenant("acme-bank")));
        var foreign = customer.issueSigningChain(otherTenantsKey, "Acme signer");
        var own = customer.issueSigningChain(key, "Northwind Health signer");

        ProvenanceException refused = assertThrows(ProvenanceException.class, () -> chains.importChain(health,
                pem(foreign.get(0), foreign.get(1), customer.root()), OFFICER));
        assertTrue(refused.getMessage().contains("does not certify"), refused.getMessage());
        try {
            SigningIdentity imported = chains.importChain(health, pem(own.get(0), own.get(1), customer.root()), OFFICER);
            assertEquals(SigningIdentity.Source.IMPORTED, imported.source());

            ProvenanceReport report = provenance.verify(health, provenance.sign(health, tone(4000, 1), "x", TrackKind.AGENT));
            assertEquals("Trusted", report.state(), "the imported root is a trust anchor of its tenant");
            assertTrue(report.signer().orElseThrow().contains("Northwind Health signer"));
        } finally {
            assertTrue(chains.revertToDemo(health, OFFICER));
        }
        assertEquals(SigningIdentity.Source.DEMO, chains.current(health).source());
        assertFalse(chains.revertToDemo(health, OFFICER));
    }

    private static byte[] tone(int samples, int amplitude) {
        byte[] pcm = new byte[samples * 2];
        for (int i = 0; i < samples; i++) {
            short s = (short) (amplitude * 4000 * Math.sin(2 * Math.PI * 440 * i / 8000.0));
            pcm[2 * i] = (byte) s;
            pcm[2 * i + 1] = (byte) (s >> 8);
        }
        return new WavAudio(8000, pcm).fileBytes();
    }

    private static PublicKey publicKey(String pem) throws Exception {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static String pem(Object... objects) throws Exception {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object o : objects) {
                writer.writeObject(o);
            }
        }
        return text.toString();
    }

    private TenantId tenant(String slug) {
        return new TenantId(tenants.bySlug(slug).orElseThrow().id());
    }
}
