package io.vigil.dpia.application;

import io.vigil.dpia.domain.AgentEndpoint;
import io.vigil.dpia.domain.ConfigurationSnapshot;
import io.vigil.dpia.domain.KeyInUse;
import io.vigil.platform.VigilConfig;
import io.vigil.redaction.EntityType;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads what Vigil's running configuration says about a tenant's processing: the newest version of each agent
 * profile and the upstream it talks to ({@code vigil.upstream.url}, or the embedded agent), the key of each data
 * domain ({@code key_configuration}), the entity types the redaction engine removes, and the retention periods.
 * Cheap (a few indexed reads), so drift can be checked whenever DPIAs are read.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class LiveConfiguration {

    static final String ENCRYPTION = "AES-256-GCM, a fresh data key per recording track, wrapped by the tenant's audio key";

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @EJB
    private TenantRetention retention;

    public ConfigurationSnapshot snapshot(TenantId tenant) {
        return new ConfigurationSnapshot(agents(tenant), retention.periods(tenant), keys(tenant), redactedTypes(),
                ENCRYPTION);
    }

    private List<AgentEndpoint> agents(TenantId tenant) {
        String[] upstream = upstream(VigilConfig.current().get("vigil.upstream.url").orElse(null));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT DISTINCT ON (name) name, version, upstream_model"
                        + " FROM agent_profile WHERE tenant_id = ?1 ORDER BY name, version DESC")
                .setParameter(1, tenant.value()).getResultList();
        return rows.stream().map(r -> new AgentEndpoint((String) r[0], ((Number) r[1]).intValue(), (String) r[2],
                upstream[0], upstream[1])).toList();
    }

    /** The endpoint (host, never a key or a path with secrets) and who provides it. */
    static String[] upstream(String url) {
        if (url == null) {
            return new String[] {"the embedded agent inside Vigil", "Vigil itself (no external model provider)"};
        }
        String host;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            host = null;
        }
        if (host == null) {
            return new String[] {"a misconfigured upstream URL", "unknown provider"};
        }
        String h = host.toLowerCase(Locale.ROOT);
        String provider = h.endsWith("openai.azure.com") ? "Microsoft (Azure OpenAI)"
                : h.endsWith("openai.com") ? "OpenAI"
                : h.equals("localhost") || h.startsWith("127.") ? "a model served on the Vigil host"
                : host;
        return new String[] {host, provider};
    }

    private List<KeyInUse> keys(TenantId tenant) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT domain, provider_id, key_id FROM key_configuration"
                        + " WHERE tenant_id = ?1 ORDER BY domain")
                .setParameter(1, tenant.value()).getResultList();
        return rows.stream().map(r -> new KeyInUse((String) r[0], (String) r[1], (String) r[2])).toList();
    }

    /** Every type the default engine recognises: the live pipeline and the demo data both redact with it. */
    private static List<String> redactedTypes() {
        return Arrays.stream(EntityType.values()).map(Enum::name).toList();
    }
}
