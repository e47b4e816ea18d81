package io.vigil.audit.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Reads the console's audit table through {@link AuditLogSql} over a {@link Rows} function, so the service (JPA
 * native queries) and tests run the same steps.
 */
public final class AuditLogReader {

    /** Runs one SQL query with positional parameters and returns its rows. */
    @FunctionalInterface
    public interface Rows {
        List<Object[]> query(String sql, List<Object> parameters);
    }

    private final Rows rows;

    public AuditLogReader(Rows rows) {
        this.rows = rows;
    }

    public long count(UUID tenantId, AuditLogQuery query) {
        AuditLogSql sql = AuditLogSql.of(tenantId, query);
        return ((Number) rows.query(sql.countSql(), sql.parameters()).get(0)[0]).longValue();
    }

    public List<AuditRecord> page(UUID tenantId, AuditLogQuery query) {
        AuditLogSql sql = AuditLogSql.of(tenantId, query);
        return rows.query(sql.pageSql(), sql.parameters()).stream()
                .map(r -> new AuditRecord(((Number) r[0]).longValue(), instant(r[1]), (String) r[2], (String) r[3],
                        (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[9]))
                .toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return (Instant) value;
    }
}
