-- Retention reaches eDiscovery exports (io.vigil.discovery.application.ExportArtifacts): an expired export keeps its
-- record (matter, requester, counts, the bundle's SHA-256) without its bundle.
ALTER TABLE export_request DROP CONSTRAINT export_request_state_check;
ALTER TABLE export_request ADD CONSTRAINT export_request_state_check
    CHECK (state IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'EXPIRED'));
ALTER TABLE export_request ADD COLUMN expired_at timestamptz;

-- A sweep deletes calls a thousand at a time. The per-row trigger of V2 decremented the day's counter once per call,
-- so one statement rewrote the same few counter rows a thousand times (each update a new row version the next
-- had to step over). Deletes now settle the counters once per statement, from the deleted rows grouped by bucket;
-- inserts and updates (the live path, one call at a time) keep the per-row trigger.
DROP TRIGGER call_session_daily_count ON call_session;
CREATE TRIGGER call_session_daily_count
AFTER INSERT OR UPDATE OF tenant_id, started_at, agent_profile_id, channel, flag_count ON call_session
FOR EACH ROW EXECUTE FUNCTION call_daily_count_track();

CREATE FUNCTION call_daily_count_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE call_daily_count d SET calls = d.calls - g.n
    FROM (SELECT tenant_id, (started_at AT TIME ZONE 'UTC')::date AS day, agent_profile_id, channel,
                 flag_count > 0 AS flagged, count(*) AS n
          FROM deleted_calls GROUP BY 1, 2, 3, 4, 5) g
    WHERE d.tenant_id = g.tenant_id AND d.day = g.day AND d.agent_profile_id = g.agent_profile_id
      AND d.channel = g.channel AND d.flagged = g.flagged;
    RETURN NULL;
END;
$$;

CREATE TRIGGER call_session_daily_count_deleted
AFTER DELETE ON call_session REFERENCING OLD TABLE AS deleted_calls
FOR EACH STATEMENT EXECUTE FUNCTION call_daily_count_deleted();
