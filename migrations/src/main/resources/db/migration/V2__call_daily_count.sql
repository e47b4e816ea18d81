-- Calls per tenant, UTC day, agent, channel and flagged-ness, kept exact by a trigger on call_session.
-- The calls list counts with it (a sum over a few hundred rows instead of scanning a million index entries)
-- and seeks deep pages with it (find the day that holds the n-th call, then skip only within that day).

CREATE TABLE call_daily_count (
    tenant_id         uuid        NOT NULL,
    day               date        NOT NULL,
    agent_profile_id  uuid        NOT NULL,
    channel           varchar(16) NOT NULL,
    flagged           boolean     NOT NULL,
    calls             bigint      NOT NULL CHECK (calls >= 0),
    PRIMARY KEY (tenant_id, day, agent_profile_id, channel, flagged)
);

CREATE FUNCTION call_daily_count_apply(t uuid, d date, a uuid, ch varchar, f boolean, delta integer)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF delta < 0 THEN
        -- a plain update: an upsert would check the proposed row (calls = -1) against the CHECK first
        UPDATE call_daily_count SET calls = calls + delta
        WHERE tenant_id = t AND day = d AND agent_profile_id = a AND channel = ch AND flagged = f;
    ELSE
        INSERT INTO call_daily_count AS c (tenant_id, day, agent_profile_id, channel, flagged, calls)
        VALUES (t, d, a, ch, f, delta)
        ON CONFLICT (tenant_id, day, agent_profile_id, channel, flagged)
        DO UPDATE SET calls = c.calls + EXCLUDED.calls;
    END IF;
END;
$$;

CREATE FUNCTION call_daily_count_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.tenant_id = NEW.tenant_id AND OLD.started_at = NEW.started_at
       AND OLD.agent_profile_id = NEW.agent_profile_id AND OLD.channel = NEW.channel
       AND (OLD.flag_count > 0) = (NEW.flag_count > 0) THEN
        RETURN NULL;  -- the same bucket: nothing to move
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM call_daily_count_apply(OLD.tenant_id, (OLD.started_at AT TIME ZONE 'UTC')::date,
            OLD.agent_profile_id, OLD.channel, OLD.flag_count > 0, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM call_daily_count_apply(NEW.tenant_id, (NEW.started_at AT TIME ZONE 'UTC')::date,
            NEW.agent_profile_id, NEW.channel, NEW.flag_count > 0, 1);
    END IF;
    RETURN NULL;
END;
$$;

-- only the columns the rollup depends on fire the update trigger
CREATE TRIGGER call_session_daily_count
AFTER INSERT OR DELETE OR UPDATE OF tenant_id, started_at, agent_profile_id, channel, flag_count ON call_session
FOR EACH ROW EXECUTE FUNCTION call_daily_count_track();

INSERT INTO call_daily_count (tenant_id, day, agent_profile_id, channel, flagged, calls)
SELECT tenant_id, (started_at AT TIME ZONE 'UTC')::date, agent_profile_id, channel, flag_count > 0, count(*)
FROM call_session
GROUP BY 1, 2, 3, 4, 5;
