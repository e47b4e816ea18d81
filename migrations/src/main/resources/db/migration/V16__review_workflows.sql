-- Review workflows (io.vigil.review): the failure taxonomy admins keep, severities and agents on annotations,
-- and the indexes behind the annotation export and the review dashboards.

-- The failure categories supervisors pick from, per tenant. Codes are stable (exports and dashboards group by
-- them); admins rename, reorder, retire and add. A retired category stays on the annotations that use it.
CREATE TABLE failure_category (
    tenant_id  uuid         NOT NULL REFERENCES tenant(id),
    code       varchar(48)  NOT NULL CHECK (code ~ '^[A-Z][A-Z0-9_]{1,47}$'),
    label      varchar(120) NOT NULL CHECK (length(btrim(label)) > 0),
    position   integer      NOT NULL DEFAULT 0,
    active     boolean      NOT NULL DEFAULT true,
    PRIMARY KEY (tenant_id, code)
);

CREATE FUNCTION failure_category_defaults(t uuid) RETURNS void LANGUAGE sql AS $$
    INSERT INTO failure_category (tenant_id, code, label, position) VALUES
        (t, 'ASR_ERROR', 'ASR error', 10),
        (t, 'WRONG_INTENT', 'Wrong intent', 20),
        (t, 'POLICY_BREACH', 'Policy breach', 30),
        (t, 'HALLUCINATION', 'Hallucination', 40),
        (t, 'MISSED_BARGE_IN', 'Missed barge-in', 50),
        (t, 'TALKED_OVER_CALLER', 'Talked over the caller', 60),
        (t, 'LATENCY', 'Latency', 70),
        (t, 'TONE', 'Tone', 80)
    ON CONFLICT DO NOTHING;
$$;

SELECT failure_category_defaults(id) FROM tenant;

CREATE FUNCTION tenant_failure_categories() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM failure_category_defaults(NEW.id);
    RETURN NEW;
END;
$$;

-- every new tenant starts with the default taxonomy
CREATE TRIGGER tenant_failure_categories
AFTER INSERT ON tenant
FOR EACH ROW EXECUTE FUNCTION tenant_failure_categories();

-- annotation.type becomes a category code of the tenant's taxonomy (was a fixed list)
ALTER TABLE annotation DROP CONSTRAINT annotation_type_check;
ALTER TABLE annotation ALTER COLUMN type TYPE varchar(48);
UPDATE annotation SET type = 'MISSED_BARGE_IN' WHERE type = 'BARGE_IN_FAILURE';
INSERT INTO failure_category (tenant_id, code, label, position, active)
    SELECT DISTINCT tenant_id, 'OTHER', 'Other', 900, false FROM annotation WHERE type = 'OTHER'
    ON CONFLICT DO NOTHING;
ALTER TABLE annotation ADD CONSTRAINT annotation_category
    FOREIGN KEY (tenant_id, type) REFERENCES failure_category (tenant_id, code);

ALTER TABLE annotation
    ADD COLUMN severity varchar(8) NOT NULL DEFAULT 'MEDIUM' CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    -- copied from the call (as on flag) so the export and the dashboards select by agent without a join
    ADD COLUMN agent_profile_id uuid REFERENCES agent_profile(id);

UPDATE annotation a SET agent_profile_id = c.agent_profile_id FROM call_session c WHERE c.id = a.session_id;
ALTER TABLE annotation ALTER COLUMN agent_profile_id SET NOT NULL;

CREATE FUNCTION annotation_agent_profile_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.agent_profile_id IS NULL THEN
        SELECT c.agent_profile_id INTO NEW.agent_profile_id FROM call_session c WHERE c.id = NEW.session_id;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER annotation_agent_profile
BEFORE INSERT ON annotation
FOR EACH ROW EXECUTE FUNCTION annotation_agent_profile_fill();

-- the export: one agent profile's annotations over a date range
CREATE INDEX annotation_tenant_agent_created ON annotation (tenant_id, agent_profile_id, created_at);

-- dashboards: flags raised per day by reason and agent, over a window, from the index alone
CREATE INDEX flag_tenant_raised ON flag (tenant_id, raised_at) INCLUDE (reason, agent_profile_id);
-- dashboards: open flags by age (raised_at) from the open-work part of the table only
CREATE INDEX flag_open_raised ON flag (tenant_id, raised_at) INCLUDE (severity)
    WHERE state IN ('OPEN', 'IN_REVIEW', 'PENDING_APPROVAL');
-- dashboards: latency and barge-ins per agent version, from the events of the window's calls
CREATE INDEX session_event_session_type ON session_event (session_id, type)
    WHERE type IN ('RESPONSE_DONE', 'BARGE_IN');
