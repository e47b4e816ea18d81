package io.vigil.audit.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.crypto.audit.AuditEntry;
import io.vigil.crypto.audit.AuditTreeStore;
import io.vigil.crypto.audit.NodeAddress;
import io.vigil.crypto.audit.TreeNode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The audit tree in PostgreSQL ({@code V3__audit_log.sql}): level 0 is {@code audit_entry.leaf_hash}, written with
 * the entry's columns; levels 1 and up are rows of {@code audit_node}. It works on the connection it is
 * {@link #bind bound} to, which is the caller's transaction: entries and nodes commit or roll back with it.
 *
 * <p>Appending: {@link #stage} the entry, let the writer append it (its {@link #put} queues the entry row and the
 * completed nodes as JDBC batches), then {@link #flush} sends them, so a group of entries costs two round trips.
 * {@link #get} fetches any list of nodes in one query.
 */
public final class JdbcAuditTreeStore implements AuditTreeStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INSERT_ENTRY = "INSERT INTO audit_entry (seq, tenant_id, at, actor, action,"
            + " object_type, object_id, source, outcome, details, leaf_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)";
    private static final String INSERT_NODE = "INSERT INTO audit_node (level, idx, hash) VALUES (?, ?, ?)";
    private static final String GET = "SELECT a.ord, CASE WHEN a.level = 0 THEN e.leaf_hash ELSE n.hash END"
            + " FROM unnest(?::int[], ?::bigint[]) WITH ORDINALITY AS a(level, idx, ord)"
            + " LEFT JOIN audit_entry e ON a.level = 0 AND e.seq = a.idx"
            + " LEFT JOIN audit_node n ON a.level > 0 AND n.level = a.level AND n.idx = a.idx";

    private final Map<Long, AuditEntry> staged = new HashMap<>();
    private Connection connection;
    private PreparedStatement entries;
    private PreparedStatement nodes;

    public JdbcAuditTreeStore() {
    }

    public JdbcAuditTreeStore(Connection connection) {
        bind(connection);
    }

    /** Works on {@code c} from now on (the current transaction's connection). */
    public void bind(Connection c) {
        this.connection = Objects.requireNonNull(c, "connection");
    }

    /** Forgets the connection and anything queued but not flushed. */
    public void unbind() {
        closeBatches();
        staged.clear();
        connection = null;
    }

    /** The committed (or, in the appending transaction, written) number of entries. */
    @Override
    public long leafCount() {
        try (PreparedStatement s = connection().prepareStatement("SELECT coalesce(max(seq) + 1, 0) FROM audit_entry");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new AuditStorageException("cannot count the audit entries", e);
        }
    }

    /** The entry whose leaf the next {@link #put} brings: its columns are written with its leaf hash. */
    public void stage(AuditEntry entry) {
        staged.put(entry.seq(), entry);
    }

    @Override
    public void put(List<TreeNode> treeNodes) {
        try {
            for (TreeNode node : treeNodes) {
                NodeAddress at = node.address();
                if (at.level() == 0) {
                    AuditEntry entry = staged.remove(at.index());
                    if (entry == null) {
                        throw new IllegalStateException("leaf " + at.index() + " has no staged entry; stage() it before appending");
                    }
                    addEntry(entry, node.hash());
                } else {
                    if (nodes == null) {
                        nodes = connection().prepareStatement(INSERT_NODE);
                    }
                    nodes.setInt(1, at.level());
                    nodes.setLong(2, at.index());
                    nodes.setBytes(3, node.hash());
                    nodes.addBatch();
                }
            }
        } catch (SQLException e) {
            throw new AuditStorageException("cannot queue audit tree nodes", e);
        }
    }

    private void addEntry(AuditEntry entry, byte[] leafHash) throws SQLException {
        if (entries == null) {
            entries = connection().prepareStatement(INSERT_ENTRY);
        }
        entries.setLong(1, entry.seq());
        entries.setObject(2, entry.tenantId());
        entries.setObject(3, OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC));
        entries.setString(4, entry.actor());
        entries.setString(5, entry.action());
        entries.setString(6, entry.objectType());
        entries.setString(7, entry.objectId());
        entries.setString(8, entry.source());
        entries.setString(9, entry.outcome().label());
        try {
            entries.setString(10, JSON.writeValueAsString(entry.details()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("string details always serialise", e);
        }
        entries.setBytes(11, leafHash);
        entries.addBatch();
    }

    /** Sends the queued entries (first: nodes never refer to them, but readers expect leaves first) and nodes. */
    public void flush() {
        try {
            if (entries != null) {
                entries.executeBatch();
            }
            if (nodes != null) {
                nodes.executeBatch();
            }
        } catch (SQLException e) {
            throw new AuditStorageException("cannot write audit entries", e);
        } finally {
            closeBatches();
        }
    }

    @Override
    public List<byte[]> get(List<NodeAddress> addresses) {
        if (addresses.isEmpty()) {
            return List.of();
        }
        Integer[] levels = new Integer[addresses.size()];
        Long[] indexes = new Long[addresses.size()];
        for (int i = 0; i < addresses.size(); i++) {
            levels[i] = addresses.get(i).level();
            indexes[i] = addresses.get(i).index();
        }
        byte[][] found = new byte[addresses.size()][];
        try (PreparedStatement s = connection().prepareStatement(GET)) {
            Array levelArray = connection().createArrayOf("int4", levels);
            Array indexArray = connection().createArrayOf("int8", indexes);
            s.setArray(1, levelArray);
            s.setArray(2, indexArray);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found[(int) r.getLong(1) - 1] = r.getBytes(2);
                }
            }
        } catch (SQLException e) {
            throw new AuditStorageException("cannot read audit tree nodes", e);
        }
        for (int i = 0; i < found.length; i++) {
            if (found[i] == null) {
                throw new IllegalStateException("audit tree node " + addresses.get(i) + " is missing: the stored tree is incomplete");
            }
        }
        return new ArrayList<>(Arrays.asList(found));
    }

    private Connection connection() {
        if (connection == null) {
            throw new IllegalStateException("the audit tree store is not bound to a connection");
        }
        return connection;
    }

    private void closeBatches() {
        for (PreparedStatement s : new PreparedStatement[] {entries, nodes}) {
            if (s != null) {
                try {
                    s.close();
                } catch (SQLException ignored) {
                    // closing a statement of a connection that failed: nothing left to release
                }
            }
        }
        entries = null;
        nodes = null;
    }
}
