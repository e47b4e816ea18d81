package io.vigil.recording;

import io.vigil.crypto.keys.KeyDomain;
import io.vigil.crypto.keys.KeyReference;
import io.vigil.crypto.keys.WrappedDataKey;
import io.vigil.keys.DataKeyInventory;
import io.vigil.session.pipeline.AudioSink;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The data keys of live tracks in the data key inventory: one row per call and track, owner type
 * {@code live-caller} or {@code live-agent} and the call's id as owner, registered when the track's live blob is
 * opened. So the Keys page counts them, a key rotation rewraps them and crypto-shredding destroys them like those of
 * stored recordings. When the call's recordings are stored and its live blobs deleted, the rows are marked shredded:
 * the keys exist nowhere any more.
 */
@Stateless
public class LiveTrackKeys {

    public static final String CALLER_OWNER = "live-caller";
    public static final String AGENT_OWNER = "live-agent";

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @EJB
    private DataKeyInventory inventory;

    public static String ownerType(AudioSink.Track track) {
        return "live-" + track.name().toLowerCase(Locale.ROOT);
    }

    /** Registers a live track's data key; a second registration of the same track (a retry) changes nothing. */
    public void issued(TenantId tenant, UUID session, AudioSink.Track track, WrappedDataKey key,
                       byte[] associatedData) {
        Number known = (Number) em.createNativeQuery("SELECT count(*) FROM data_key WHERE tenant_id = ?1 AND"
                        + " owner_type = ?2 AND owner_id = ?3").setParameter(1, tenant.value())
                .setParameter(2, ownerType(track)).setParameter(3, session).getSingleResult();
        if (known.longValue() == 0) {
            inventory.register(tenant, KeyDomain.AUDIO, ownerType(track), session, key, associatedData);
        }
    }

    /** The track's data key as the inventory holds it now (rewrapped by any rotation since); empty if shredded. */
    public Optional<WrappedDataKey> current(TenantId tenant, UUID session, AudioSink.Track track) {
        List<?> rows = em.createNativeQuery("SELECT provider_id, key_id, key_version, wrapped FROM data_key"
                        + " WHERE tenant_id = ?1 AND owner_type = ?2 AND owner_id = ?3 AND shredded_at IS NULL"
                        + " AND wrapped IS NOT NULL")
                .setParameter(1, tenant.value()).setParameter(2, ownerType(track)).setParameter(3, session)
                .getResultList();
        return rows.stream().map(r -> (Object[]) r).findFirst().map(r -> new WrappedDataKey(
                new KeyReference((String) r[0], (String) r[1], ((Number) r[2]).intValue()), (byte[]) r[3]));
    }

    /** This inventory as the live recorder sees it: {@code keys} is the container's reference to this bean. */
    public static LiveRecorder.LiveKeys forRecorder(LiveTrackKeys keys) {
        return new LiveRecorder.LiveKeys() {
            @Override
            public void issued(TenantId tenant, UUID session, AudioSink.Track track, WrappedDataKey key,
                               byte[] associatedData) {
                keys.issued(tenant, session, track, key, associatedData);
            }

            @Override
            public Optional<WrappedDataKey> current(TenantId tenant, UUID session, AudioSink.Track track) {
                return keys.current(tenant, session, track);
            }
        };
    }

    /** The call's live blobs are gone (their audio is stored as recordings): so are their keys. */
    public void blobsDeleted(TenantId tenant, UUID session) {
        em.createNativeQuery("UPDATE data_key SET wrapped = NULL, shredded_at = now() WHERE tenant_id = ?1 AND"
                        + " owner_id = ?2 AND owner_type IN (?3, ?4) AND shredded_at IS NULL")
                .setParameter(1, tenant.value()).setParameter(2, session).setParameter(3, CALLER_OWNER)
                .setParameter(4, AGENT_OWNER).executeUpdate();
    }
}
