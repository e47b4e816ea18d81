package io.vigil.session.application;

import io.vigil.audit.AuditTrail;
import io.vigil.audit.domain.AuditActor;
import io.vigil.audit.domain.AuditEvents;
import io.vigil.session.domain.AgentProfile;
import io.vigil.session.upstream.UpstreamSettings;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The agent profiles' upstream settings ({@code agent_upstream}) for the console's Agent upstreams page: read and
 * change them within the tenant. Every change is audited with the old and new values (the API key is never stored,
 * so it cannot be audited); a refused change is audited as a failure.
 */
@Stateless
public class AgentUpstreamCatalog {

    /** A profile and its upstream. */
    public record ProfileUpstream(AgentProfile profile, UpstreamSettings settings) {
    }

    /** A change that cannot be made; the message says what to fix. */
    @ApplicationException(rollback = true)
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Refused(String message) {
            super(message);
        }
    }

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @EJB
    private CallCatalog calls;

    @EJB
    private AuditTrail trail;

    public List<ProfileUpstream> all(TenantId tenant) {
        return calls.agentProfiles(tenant).stream().map(p -> new ProfileUpstream(p, of(tenant, p.id()))).toList();
    }

    public UpstreamSettings of(TenantId tenant, UUID profile) {
        List<?> rows = em.createNativeQuery("SELECT url, model, voice, instructions, api_key_setting FROM agent_upstream"
                + " WHERE tenant_id = ?1 AND agent_profile_id = ?2").setParameter(1, tenant.value())
                .setParameter(2, profile).getResultList();
        if (rows.isEmpty()) {
            return UpstreamSettings.embedded();
        }
        Object[] r = (Object[]) rows.get(0);
        return new UpstreamSettings((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4]);
    }

    /** Saves a profile's upstream (no URL: the embedded agent); returns the audited changes. */
    public Map<String, String> save(TenantId tenant, AuditActor actor, UUID profile, UpstreamSettings settings) {
        boolean ours = calls.agentProfiles(tenant).stream().anyMatch(p -> p.id().equals(profile));
        String problem = ours ? settings.problem() : "No such agent profile.";
        if (problem != null) {
            trail.recordFailure(AuditEvents.agentUpstreamChanged(tenant.value(), actor, profile.toString(), false,
                    Map.of("reason", problem)));
            throw new Refused(problem);
        }
        UpstreamSettings before = of(tenant, profile);
        Map<String, String> changes = settings.changesFrom(before);
        if (changes.isEmpty()) {
            return changes;
        }
        if (settings.isEmbedded() && settings.model() == null && settings.voice() == null
                && settings.instructions() == null) {
            em.createNativeQuery("DELETE FROM agent_upstream WHERE tenant_id = ?1 AND agent_profile_id = ?2")
                    .setParameter(1, tenant.value()).setParameter(2, profile).executeUpdate();
        } else {
            em.createNativeQuery("INSERT INTO agent_upstream (agent_profile_id, tenant_id, url, model, voice,"
                            + " instructions, api_key_setting) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                            + " ON CONFLICT (agent_profile_id) DO UPDATE SET url = EXCLUDED.url, model = EXCLUDED.model,"
                            + " voice = EXCLUDED.voice, instructions = EXCLUDED.instructions,"
                            + " api_key_setting = EXCLUDED.api_key_setting, updated_at = now()")
                    .setParameter(1, profile).setParameter(2, tenant.value()).setParameter(3, settings.url())
                    .setParameter(4, settings.model()).setParameter(5, settings.voice())
                    .setParameter(6, settings.instructions()).setParameter(7, settings.apiKeySetting())
                    .executeUpdate();
        }
        trail.record(AuditEvents.agentUpstreamChanged(tenant.value(), actor, profile.toString(), true, changes));
        return changes;
    }
}
