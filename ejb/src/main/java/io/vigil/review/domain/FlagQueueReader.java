package io.vigil.review.domain;

import io.vigil.session.domain.FlagReason;
import io.vigil.session.domain.FlagState;
import io.vigil.session.domain.Severity;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the flag queue through {@link FlagQueueSql}. Plain Java over a {@link Rows} function, so the service (JPA)
 * and a benchmark (JDBC) run the same statements.
 */
public final class FlagQueueReader {

    /** Runs one SQL query with positional parameters and returns its rows. */
    @FunctionalInterface
    public interface Rows {
        List<Object[]> query(String sql, List<Object> parameters);
    }

    private final Rows rows;

    public FlagQueueReader(Rows rows) {
        this.rows = rows;
    }

    public long count(UUID tenantId, FlagQueueQuery query, Instant now) {
        FlagQueueSql sql = FlagQueueSql.of(tenantId, query, now);
        return ((Number) rows.query(sql.countSql(), sql.parameters()).get(0)[0]).longValue();
    }

    public List<QueueEntry> page(UUID tenantId, FlagQueueQuery query, Instant now) {
        FlagQueueSql sql = FlagQueueSql.of(tenantId, query, now);
        return rows.query(sql.pageSql(), sql.parameters()).stream().map(FlagQueueReader::entry).toList();
    }

    /**
     * The most urgent open, unassigned flag that matches the query's other filters, locked until the transaction
     * ends; empty when there is none left.
     */
    public Optional<UUID> nextOpen(UUID tenantId, FlagQueueQuery query, Instant now) {
        FlagQueueQuery open = query.inStates(Set.of(FlagState.OPEN)).unassigned().dueLatestFirst(false).page(0, 1);
        FlagQueueSql sql = FlagQueueSql.of(tenantId, open, now);
        return rows.query(sql.nextSql(), sql.parameters()).stream().findFirst().map(r -> (UUID) r[0]);
    }

    private static QueueEntry entry(Object[] r) {
        return new QueueEntry((UUID) r[0], (UUID) r[1], FlagReason.valueOf((String) r[2]),
                Severity.valueOf((String) r[3]), FlagState.valueOf((String) r[4]), ((Number) r[5]).intValue(),
                instant(r[6]), instant(r[7]), (String) r[8], (String) r[9], (String) r[10], (String) r[11],
                ((Number) r[12]).intValue(), instant(r[13]), (String) r[14]);
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
