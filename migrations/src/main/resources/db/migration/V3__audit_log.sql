-- Tamper-evident audit log (architecture §7): an append-only RFC 9162 Merkle tree over audit entries, with the
-- tree's node hashes and signed checkpoints. The tree, encoding and formats are io.vigil.crypto.audit
-- (docs/audit.md); this schema only stores them.
--
-- Append-only is enforced by the database: UPDATE, DELETE and TRUNCATE on these tables raise an exception,
-- whoever runs them. A superuser (or the table owner) can still disable or drop the triggers, and anyone with
-- access to the data files can rewrite rows; that is why every entry is a leaf of the Merkle tree and the
-- tree's root is signed at intervals with Vigil's own key: a rewritten entry no longer matches a signed
-- checkpoint, and the offline verifier names it.

-- One row per entry. seq is the leaf index (0, 1, 2, ... without gaps, assigned under the append lock);
-- leaf_hash = SHA-256(0x00 || canonical JSON of the entry) is also the tree's level-0 node.
CREATE TABLE audit_entry (
    seq         bigint       PRIMARY KEY CHECK (seq >= 0),
    tenant_id   uuid         NULL,   -- null for platform events; no foreign key: the log outlives a deleted tenant
    at          timestamptz  NOT NULL,
    actor       text         NOT NULL CHECK (actor <> ''),
    action      text         NOT NULL CHECK (action <> ''),
    object_type text         NULL CHECK (object_type <> ''),
    object_id   text         NULL CHECK (object_id <> ''),
    source      text         NULL CHECK (source <> ''),
    outcome     text         NOT NULL CHECK (outcome IN ('success', 'denied', 'failure')),
    details     jsonb        NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(details) = 'object'),
    leaf_hash   bytea        NOT NULL CHECK (octet_length(leaf_hash) = 32)
);

-- The console's filters: a tenant's log by time, by actor, and the history of one object.
CREATE INDEX audit_entry_tenant_at ON audit_entry (tenant_id, at DESC);
CREATE INDEX audit_entry_tenant_actor_at ON audit_entry (tenant_id, actor, at DESC);
CREATE INDEX audit_entry_tenant_object ON audit_entry (tenant_id, object_type, object_id);

-- Hashes of complete perfect subtrees above the leaves: (level, idx) covers leaves
-- [idx * 2^level, (idx + 1) * 2^level). Written once, by the append that completes the subtree; level 0 lives in
-- audit_entry.leaf_hash.
CREATE TABLE audit_node (
    level int    NOT NULL CHECK (level BETWEEN 1 AND 62),
    idx   bigint NOT NULL CHECK (idx >= 0),
    hash  bytea  NOT NULL CHECK (octet_length(hash) = 32),
    PRIMARY KEY (level, idx)
);

-- Signed tree heads: the checkpoint note (origin, size, base64 root, signature line) as signed.
CREATE TABLE audit_checkpoint (
    size       bigint      PRIMARY KEY CHECK (size >= 0),
    root       bytea       NOT NULL CHECK (octet_length(root) = 32),
    signed_note text       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION audit_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on % refused: the audit log is append-only', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Audit entries, tree nodes and checkpoints are never changed or removed; record a new entry instead.';
END;
$$;

CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_node_append_only BEFORE UPDATE OR DELETE ON audit_node
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_node_no_truncate BEFORE TRUNCATE ON audit_node
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
