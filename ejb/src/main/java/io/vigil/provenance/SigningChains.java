package io.vigil.provenance;

import io.vigil.audit.AuditTrail;
import io.vigil.audit.domain.AuditActor;
import io.vigil.audit.domain.AuditEvent;
import io.vigil.crypto.audit.AuditOutcome;
import io.vigil.crypto.c2pa.C2paException;
import io.vigil.crypto.c2pa.SigningChainImport;
import io.vigil.crypto.keys.KeyDomain;
import io.vigil.crypto.keys.KeyProvider;
import io.vigil.crypto.keys.KeyProviderException;
import io.vigil.crypto.keys.KeyReference;
import io.vigil.keys.KeyRegistry;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The certificate chains of the tenants' signing keys. The chain of a key version is issued by the demo CA the
 * first time that version signs (so a rotated signing key gets a new demo certificate), unless the tenant's
 * administrator imported their own chain for it. Imports are checked ({@link SigningChainImport}: the leaf must
 * certify the tenant's current signing key, with the profile c2pa-rs accepts) and audited, refusals too.
 */
@Stateless
public class SigningChains {

    static final AuditActor SYSTEM = AuditActor.system("provenance");

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @EJB
    private KeyRegistry registry;

    @EJB
    private DemoCertificateAuthority demoCa;

    @EJB
    private AuditTrail trail;

    /** The identity that signs for {@code tenant} now: its current signing key version and that version's chain. */
    public SigningIdentity current(TenantId tenant) throws ProvenanceException {
        KeyReference key = currentKey(tenant);
        Optional<SigningIdentity> stored = stored(tenant, key);
        if (stored.isPresent()) {
            return stored.get();
        }
        PublicKey publicKey = publicKey(tenant, key);
        List<X509Certificate> chain = demoCa.pki().issueSigningChain(publicKey, tenantName(tenant) + " C2PA signer");
        insert(tenant, key, SigningIdentity.Source.DEMO, chain, null, SYSTEM.id());
        trail.record(new AuditEvent(tenant.value(), SYSTEM, "c2pa.chain.issue", "signing_key", key.toString(), null,
                AuditOutcome.SUCCESS, Map.of("subject", chain.get(0).getSubjectX500Principal().getName(), "source", "DEMO")));
        return stored(tenant, key).orElseThrow();
    }

    /**
     * Replaces the chain of the tenant's current signing key with the customer's own (PEM bundle: signing
     * certificate first, then intermediates, optionally the root). Refusals are audited and say what to fix.
     */
    public SigningIdentity importChain(TenantId tenant, String pem, AuditActor actor) throws ProvenanceException {
        KeyReference key = currentKey(tenant);
        SigningChainImport.Checked checked;
        try {
            checked = SigningChainImport.check(pem, publicKey(tenant, key), Instant.now());
        } catch (C2paException e) {
            trail.recordFailure(new AuditEvent(tenant.value(), actor, "c2pa.chain.import", "signing_key", key.toString(),
                    null, AuditOutcome.FAILURE, Map.of("reason", e.getMessage())));
            throw new ProvenanceException(e.getMessage(), e);
        }
        em.createNativeQuery("DELETE FROM c2pa_signing_chain WHERE tenant_id = ?1 AND key_version = ?2")
                .setParameter(1, tenant.value()).setParameter(2, key.version()).executeUpdate();
        insert(tenant, key, SigningIdentity.Source.IMPORTED, checked.chain(),
                checked.root().map(Pem::of).orElse(null), actor.id());
        trail.record(new AuditEvent(tenant.value(), actor, "c2pa.chain.import", "signing_key", key.toString(), null,
                AuditOutcome.SUCCESS, Map.of("subject", checked.chain().get(0).getSubjectX500Principal().getName(),
                        "issuer", checked.chain().get(0).getIssuerX500Principal().getName())));
        return stored(tenant, key).orElseThrow();
    }

    /**
     * Drops the tenant's imported chain for its current signing key, so the demo CA certifies the key again (an
     * imported chain that expired or was revoked). Audited. Returns whether there was an imported chain.
     */
    public boolean revertToDemo(TenantId tenant, AuditActor actor) throws ProvenanceException {
        KeyReference key = currentKey(tenant);
        int removed = em.createNativeQuery("DELETE FROM c2pa_signing_chain WHERE tenant_id = ?1 AND key_version = ?2"
                        + " AND source = 'IMPORTED'")
                .setParameter(1, tenant.value()).setParameter(2, key.version()).executeUpdate();
        if (removed > 0) {
            trail.record(new AuditEvent(tenant.value(), actor, "c2pa.chain.revert", "signing_key", key.toString(), null,
                    AuditOutcome.SUCCESS, Map.of()));
        }
        return removed > 0;
    }

    /** The roots a file signed for {@code tenant} may chain to: the demo root and the roots the tenant imported. */
    public List<X509Certificate> trustAnchors(TenantId tenant) {
        List<X509Certificate> anchors = new ArrayList<>(List.of(demoCa.pki().root()));
        @SuppressWarnings("unchecked")
        List<String> roots = em.createNativeQuery("SELECT DISTINCT root_pem FROM c2pa_signing_chain WHERE tenant_id = ?1"
                + " AND root_pem IS NOT NULL").setParameter(1, tenant.value()).getResultList();
        roots.forEach(pem -> anchors.addAll(Pem.certificates(pem)));
        return anchors;
    }

    public String demoRootPem() {
        return demoCa.rootPem();
    }

    /** The public half of the tenant's current signing key, in PEM: what a customer's CA certifies. */
    public String signingKeyPem(TenantId tenant) throws ProvenanceException {
        return Pem.of(publicKey(tenant, currentKey(tenant)));
    }

    private KeyReference currentKey(TenantId tenant) throws ProvenanceException {
        registry.ensureTenantKeys(tenant);
        try {
            return registry.provider(tenant).currentVersion(KeyRegistry.keyName(tenant, KeyDomain.SIGNING));
        } catch (KeyProviderException e) {
            throw new ProvenanceException("The tenant's signing key is not available: " + e.getMessage(), e);
        }
    }

    private PublicKey publicKey(TenantId tenant, KeyReference key) throws ProvenanceException {
        KeyProvider provider = registry.provider(tenant);
        try {
            return provider.publicKey(key);
        } catch (KeyProviderException e) {
            throw new ProvenanceException("The tenant's signing key " + key + " is not available: " + e.getMessage(), e);
        }
    }

    private Optional<SigningIdentity> stored(TenantId tenant, KeyReference key) {
        List<?> rows = em.createNativeQuery("SELECT source, chain_pem, root_pem FROM c2pa_signing_chain"
                        + " WHERE tenant_id = ?1 AND key_version = ?2")
                .setParameter(1, tenant.value()).setParameter(2, key.version()).getResultList();
        return rows.stream().findFirst().map(r -> {
            Object[] row = (Object[]) r;
            Optional<X509Certificate> root = Optional.ofNullable((String) row[2]).map(p -> Pem.certificates(p).get(0));
            return new SigningIdentity(key, Pem.certificates((String) row[1]), SigningIdentity.Source.valueOf((String) row[0]), root);
        });
    }

    private void insert(TenantId tenant, KeyReference key, SigningIdentity.Source source, List<X509Certificate> chain,
                        String rootPem, String createdBy) {
        X509Certificate leaf = chain.get(0);
        em.createNativeQuery("INSERT INTO c2pa_signing_chain (tenant_id, key_version, source, chain_pem, root_pem, subject,"
                        + " issuer, not_after, created_by) VALUES (?1, ?2, ?3, ?4, NULLIF(?5, ''), ?6, ?7, ?8, ?9)"
                        + " ON CONFLICT (tenant_id, key_version) DO NOTHING")
                .setParameter(1, tenant.value()).setParameter(2, key.version()).setParameter(3, source.name())
                .setParameter(4, Pem.ofCertificates(chain)).setParameter(5, rootPem == null ? "" : rootPem)
                .setParameter(6, leaf.getSubjectX500Principal().getName())
                .setParameter(7, leaf.getIssuerX500Principal().getName())
                .setParameter(8, OffsetDateTime.ofInstant(leaf.getNotAfter().toInstant(), ZoneOffset.UTC))
                .setParameter(9, createdBy).executeUpdate();
    }

    private String tenantName(TenantId tenant) {
        List<?> names = em.createNativeQuery("SELECT name FROM tenant WHERE id = ?1").setParameter(1, tenant.value())
                .getResultList();
        return names.isEmpty() ? tenant.toString() : String.valueOf(names.get(0));
    }
}
