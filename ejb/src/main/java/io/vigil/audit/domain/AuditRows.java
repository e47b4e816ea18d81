package io.vigil.audit.domain;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.crypto.audit.AuditEntry;
import io.vigil.crypto.audit.AuditOutcome;
import io.vigil.crypto.audit.SignedCheckpoint;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads entries and checkpoints back from PostgreSQL and stores checkpoints, over the caller's connection. An entry
 * is rebuilt from its columns ({@code details} from jsonb, whose key order does not matter: the canonical encoding
 * sorts them), never from stored bytes.
 */
public final class AuditRows {

    /** Receives entries one at a time, so an export never holds the log in memory. */
    @FunctionalInterface
    public interface EntrySink {
        void accept(StoredEntry entry) throws IOException;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() { };
    private static final String COLUMNS = "seq, at, tenant_id, actor, action, object_type, object_id, source, outcome,"
            + " details::text, leaf_hash";
    private static final String CHECKPOINT_COLUMNS = "size, root, signed_note, created_at";

    private final Connection connection;

    public AuditRows(Connection connection) {
        this.connection = connection;
    }

    public Optional<StoredEntry> entry(long seq) {
        try (PreparedStatement s = connection.prepareStatement("SELECT " + COLUMNS + " FROM audit_entry WHERE seq = ?")) {
            s.setLong(1, seq);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(entry(r)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new AuditStorageException("cannot read audit entry " + seq, e);
        }
    }

    /**
     * Streams the entries with {@code seq < below} in seq order: all of them, or (tenant not null) only the
     * tenant's. Needs a connection without auto-commit for the cursor to stream.
     */
    public long stream(UUID tenant, long below, EntrySink sink) throws IOException {
        String sql = "SELECT " + COLUMNS + " FROM audit_entry WHERE "
                + (tenant == null ? "" : "tenant_id = ? AND ") + "seq < ? ORDER BY seq";
        long count = 0;
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setFetchSize(1_000);
            int p = 1;
            if (tenant != null) {
                s.setObject(p++, tenant);
            }
            s.setLong(p, below);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    sink.accept(entry(r));
                    count++;
                }
            }
        } catch (SQLException e) {
            throw new AuditStorageException("cannot read the audit log", e);
        }
        return count;
    }

    /** The newest {@code n} checkpoints, newest first. */
    public List<StoredCheckpoint> latestCheckpoints(int n) {
        return checkpoints("SELECT " + CHECKPOINT_COLUMNS + " FROM audit_checkpoint ORDER BY size DESC LIMIT " + n);
    }

    public Optional<StoredCheckpoint> latestCheckpoint() {
        return latestCheckpoints(1).stream().findFirst();
    }

    /** Every checkpoint up to {@code maxSize}, oldest first: what an export carries. */
    public List<StoredCheckpoint> checkpointsUpTo(long maxSize) {
        return checkpoints("SELECT " + CHECKPOINT_COLUMNS + " FROM audit_checkpoint WHERE size <= " + maxSize + " ORDER BY size");
    }

    /** Stores a signed checkpoint unless one of the same size exists (another node signed it first). */
    public void insert(SignedCheckpoint checkpoint) {
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO audit_checkpoint (size, root, signed_note)"
                + " VALUES (?, ?, ?) ON CONFLICT (size) DO NOTHING")) {
            s.setLong(1, checkpoint.checkpoint().size());
            s.setBytes(2, checkpoint.checkpoint().root());
            s.setString(3, checkpoint.note());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new AuditStorageException("cannot store the audit checkpoint", e);
        }
    }

    private List<StoredCheckpoint> checkpoints(String sql) {
        List<StoredCheckpoint> found = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                found.add(new StoredCheckpoint(r.getLong(1), r.getBytes(2), r.getString(3),
                        r.getObject(4, OffsetDateTime.class).toInstant()));
            }
        } catch (SQLException e) {
            throw new AuditStorageException("cannot read audit checkpoints", e);
        }
        return found;
    }

    static StoredEntry entry(ResultSet r) throws SQLException {
        Map<String, String> details;
        try {
            details = JSON.readValue(r.getString(10), DETAILS);
        } catch (IOException e) {
            throw new SQLException("audit entry " + r.getLong(1) + " has details that are not a string map", e);
        }
        AuditEntry entry = AuditEntry.of(r.getLong(1), r.getObject(2, OffsetDateTime.class).toInstant(),
                r.getObject(3, UUID.class), r.getString(4), r.getString(5), r.getString(6), r.getString(7),
                r.getString(8), AuditOutcome.fromLabel(r.getString(9)), details);
        return new StoredEntry(entry, r.getBytes(11));
    }
}
