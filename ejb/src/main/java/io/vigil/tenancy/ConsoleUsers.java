package io.vigil.tenancy;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The people of a tenant who have signed in, kept current at each sign-in. */
@Stateless
public class ConsoleUsers {

    /** A person as last seen: identity-provider subject, display name and realm roles. */
    public record KnownUser(String userId, String name, Set<String> roles) { }

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    public void seen(TenantId tenant, String userId, String name, Set<String> roles) {
        em.createNativeQuery("INSERT INTO console_user (tenant_id, user_id, name, roles, last_seen)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (tenant_id, user_id)"
                        + " DO UPDATE SET name = EXCLUDED.name, roles = EXCLUDED.roles, last_seen = EXCLUDED.last_seen")
                .setParameter(1, tenant.value())
                .setParameter(2, userId)
                .setParameter(3, name)
                .setParameter(4, String.join(",", new TreeSet<>(roles)))
                .setParameter(5, Timestamp.from(Instant.now()))
                .executeUpdate();
    }

    public List<KnownUser> withRole(TenantId tenant, String role) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT user_id, name, roles FROM console_user"
                        + " WHERE tenant_id = ? AND ',' || roles || ',' LIKE ? ORDER BY name")
                .setParameter(1, tenant.value())
                .setParameter(2, "%," + role + ",%")
                .getResultList();
        return rows.stream().map(r -> new KnownUser((String) r[0], (String) r[1],
                Set.copyOf(Arrays.asList(((String) r[2]).split(","))))).toList();
    }
}
