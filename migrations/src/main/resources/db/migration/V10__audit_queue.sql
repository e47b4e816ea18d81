-- Group commit for the audit log (docs/audit.md): callers insert their events here, in their own transaction and
-- without the log's lock, so concurrent appends commit in parallel; one sequencer at a time (the advisory lock)
-- moves committed rows into the Merkle log in batches, giving each its seq, and removes them here in the same
-- transaction. An event is in the queue exactly when the action it records committed, and in the log (with proofs)
-- milliseconds later; readers of the log sequence what is queued before they read.
CREATE TABLE audit_queue (
    id          bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   uuid         NULL,
    at          timestamptz  NOT NULL,
    actor       text         NOT NULL CHECK (actor <> ''),
    action      text         NOT NULL CHECK (action <> ''),
    object_type text         NULL,
    object_id   text         NULL,
    source      text         NULL,
    outcome     text         NOT NULL CHECK (outcome IN ('success', 'denied', 'failure')),
    details     jsonb        NOT NULL DEFAULT '{}'::jsonb
);

-- Queued events are never changed, and only the sequencer removes them (it sets vigil.audit_sequencing for its
-- own transaction): a stray DELETE cannot make an event vanish before it reaches the log.
CREATE FUNCTION audit_queue_guard() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('vigil.audit_sequencing', true) = 'on' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION '% on audit_queue refused: queued audit events only leave by being sequenced into the log', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_queue_no_update BEFORE UPDATE ON audit_queue
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_queue_delete_by_sequencer BEFORE DELETE OR TRUNCATE ON audit_queue
    FOR EACH STATEMENT EXECUTE FUNCTION audit_queue_guard();
