package io.vigil.platform;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;

/**
 * Runs a native SQL query with positional parameters and returns its rows as arrays: the JPA side of the plain-Java
 * list readers ({@code CallListReader}, {@code FlagQueueReader}, {@code AuditLogReader}), which build their SQL
 * themselves so it can be unit-tested.
 */
public final class NativeRows {

    private NativeRows() {
    }

    @SuppressWarnings("unchecked")
    public static List<Object[]> query(EntityManager em, String sql, List<Object> parameters) {
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        List<?> rows = query.getResultList();
        // a one-column native query returns bare values, not arrays
        return rows.stream().map(r -> r instanceof Object[] a ? a : new Object[] {r}).toList();
    }
}
