package io.vigil.provenance;

import io.vigil.crypto.c2pa.DemoPki;
import io.vigil.crypto.keys.KeyDomain;
import io.vigil.crypto.keys.KeyName;
import io.vigil.crypto.keys.KeyProvider;
import io.vigil.crypto.keys.KeyProviderException;
import io.vigil.crypto.keys.KeyReference;
import io.vigil.keys.KeyRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Logger;

/**
 * The installation's demo C2PA certificate authority, created on first start: a root and an intermediate, kept in
 * {@code c2pa_demo_ca}. The intermediate's key is a signing key in the default key provider ({@code
 * vigil/c2pa-demo-ca/signing}, in the HSM when PKCS#11 is configured), so the CA key never sits in the database;
 * the root's key is dropped right after it certified the intermediate. Every start says on the server console that
 * a demo PKI is in use, with the root's fingerprint and how to get it ({@code ./vigil c2pa trust-root}).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class DemoCertificateAuthority {

    /** The owner part of the CA key's name in the key provider. */
    static final KeyName CA_KEY = new KeyName("c2pa-demo-ca", KeyDomain.SIGNING);
    static final String ORGANISATION = "Vigil";
    private static final Logger LOG = Logger.getLogger(DemoCertificateAuthority.class.getName());

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @EJB
    private KeyRegistry registry;

    private volatile DemoPki pki;

    @PostConstruct
    void openOrCreate() {
        DemoPki ca = pki();
        LOG.warning(() -> "C2PA: a DEMO PKI is in use: recordings are signed with certificates of the Vigil demo root CA"
                + " (SHA-256 fingerprint " + fingerprint(ca) + "), which verifiers trust only if given it as a trust"
                + " anchor (./vigil c2pa trust-root prints it). Import your own chain per tenant for production"
                + " (console: Provenance, or POST /api/v1/c2pa/chain).");
    }

    /** The demo CA, loaded from the database or created (and stored) if there is none yet. */
    public synchronized DemoPki pki() {
        if (pki == null) {
            pki = load();
            if (pki == null) {
                pki = create();
            }
        }
        return pki;
    }

    /** The demo root in PEM: the trust anchor for files signed under the demo CA. */
    public String rootPem() {
        return pki().rootPem();
    }

    private DemoPki load() {
        List<?> rows = em.createNativeQuery("SELECT root_cert, intermediate_cert, key_ref FROM c2pa_demo_ca WHERE id = 1")
                .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = (Object[]) rows.get(0);
        KeyReference key = parseReference((String) row[2]);
        KeyProvider provider = registry.platformProvider();
        return DemoPki.restore(Pem.certificate((byte[]) row[0]), Pem.certificate((byte[]) row[1]),
                data -> provider.sign(key, data));
    }

    private DemoPki create() {
        KeyProvider provider = registry.platformProvider();
        try {
            KeyReference key = provider.versions(CA_KEY).isEmpty() ? provider.createVersion(CA_KEY) : provider.currentVersion(CA_KEY);
            DemoPki created = DemoPki.create(ORGANISATION, provider.publicKey(key), data -> provider.sign(key, data));
            em.createNativeQuery("INSERT INTO c2pa_demo_ca (id, root_cert, intermediate_cert, key_ref) VALUES (1, ?1, ?2, ?3)"
                            + " ON CONFLICT (id) DO NOTHING")
                    .setParameter(1, created.root().getEncoded()).setParameter(2, created.intermediate().getEncoded())
                    .setParameter(3, key.toString()).executeUpdate();
            LOG.info(() -> "C2PA: demo root and intermediate CA created; the intermediate's key is " + key);
            DemoPki stored = load();
            return stored != null ? stored : created;
        } catch (KeyProviderException e) {
            throw new IllegalStateException("Cannot create the C2PA demo CA key in the " + provider.providerId()
                    + " key provider: " + e.getMessage(), e);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("Cannot encode the demo CA certificates", e);
        }
    }

    /** {@code provider:vigil/<owner>/<domain>/v<n>}, as {@link KeyReference#toString()} writes it. */
    static KeyReference parseReference(String text) {
        int colon = text.indexOf(':');
        int v = text.lastIndexOf("/v");
        return new KeyReference(text.substring(0, colon), text.substring(colon + 1, v), Integer.parseInt(text.substring(v + 2)));
    }

    static String fingerprint(DemoPki ca) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(ca.root().getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
