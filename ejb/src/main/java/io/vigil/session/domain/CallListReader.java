package io.vigil.session.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the calls list through {@link CallListSql}: the total, and a page with its day seek when one applies.
 * Plain Java over a {@link Rows} function, so the console (JPA) and the benchmark (JDBC) run the same steps.
 */
public final class CallListReader {

    /** Runs one SQL query with positional parameters and returns its rows. */
    @FunctionalInterface
    public interface Rows {
        List<Object[]> query(String sql, List<Object> parameters);
    }

    private final Rows rows;

    public CallListReader(Rows rows) {
        this.rows = rows;
    }

    public long count(UUID tenantId, CallQuery query) {
        CallListSql sql = CallListSql.of(tenantId, query);
        return ((Number) rows.query(sql.countSql(), sql.countParameters()).get(0)[0]).longValue();
    }

    public List<CallSummary> page(UUID tenantId, CallQuery query) {
        CallListSql sql = CallListSql.of(tenantId, query);
        DaySeek seek = null;
        if (sql.daySeekApplies()) {
            List<DaySeek.DayCount> days = rows.query(sql.daysSql(), sql.daysParameters()).stream()
                    .map(r -> new DaySeek.DayCount(localDate(r[0]), ((Number) r[1]).longValue()))
                    .toList();
            Optional<DaySeek> located = DaySeek.locate(days, query.offset());
            if (located.isEmpty()) {
                return List.of();
            }
            seek = located.get();
        }
        return rows.query(sql.pageSql(seek), sql.pageParameters(seek)).stream().map(CallListReader::summary).toList();
    }

    private static CallSummary summary(Object[] r) {
        return new CallSummary((UUID) r[0], instant(r[1]), r[2] == null ? null : ((Number) r[2]).longValue(),
                Channel.valueOf((String) r[3]), SessionStatus.valueOf((String) r[4]), (String) r[5],
                ((Number) r[6]).intValue(), ((Number) r[7]).intValue(), ConsentState.valueOf((String) r[8]),
                DisclosureState.valueOf((String) r[9]));
    }

    private static LocalDate localDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
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
