-- Review of flags and failure annotations (io.vigil.review).
-- flag gains the review columns (the state machine lives in io.vigil.review.domain.FlagCase), its history goes to
-- flag_transition, supervisors' timeline marks to annotation. Every row carries tenant_id.

-- PENDING_APPROVAL: a HIGH or CRITICAL flag resolved by one compliance officer, waiting for a second (four eyes)
ALTER TABLE flag DROP CONSTRAINT flag_state_check;
ALTER TABLE flag ADD CONSTRAINT flag_state_check
    CHECK (state IN ('OPEN', 'IN_REVIEW', 'PENDING_APPROVAL', 'RESOLVED', 'ESCALATED'));

-- user ids are the identity provider's subjects; names are kept for display, since users live outside Vigil
ALTER TABLE flag
    ADD COLUMN assignee_id      varchar(128),
    ADD COLUMN assignee_name    varchar(200),
    ADD COLUMN disposition      varchar(24) CHECK (disposition IN ('CONFIRMED', 'FALSE_POSITIVE', 'NEEDS_AGENT_CHANGE')),
    ADD COLUMN resolution_note  text,
    ADD COLUMN resolved_by      varchar(128),
    ADD COLUMN approved_by      varchar(128),
    ADD COLUMN escalated_to     varchar(16) CHECK (escalated_to IN ('LEGAL', 'SECURITY')),
    ADD COLUMN escalated_by     varchar(128),
    -- optimistic lock: two reviewers acting on one flag at once cannot both win
    ADD COLUMN version          integer NOT NULL DEFAULT 0,
    -- copied from the call so the queue filters by agent without a join; filled by the trigger below
    ADD COLUMN agent_profile_id uuid REFERENCES agent_profile(id);

UPDATE flag f SET agent_profile_id = c.agent_profile_id FROM call_session c WHERE c.id = f.session_id;
ALTER TABLE flag ALTER COLUMN agent_profile_id SET NOT NULL;

CREATE FUNCTION flag_agent_profile_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.agent_profile_id IS NULL THEN
        SELECT c.agent_profile_id INTO NEW.agent_profile_id FROM call_session c WHERE c.id = NEW.session_id;
    END IF;
    RETURN NEW;
END;
$$;

-- flags are raised by code that knows only the call (io.vigil.session.domain.Flag), so the row fills itself
CREATE TRIGGER flag_agent_profile
BEFORE INSERT ON flag
FOR EACH ROW EXECUTE FUNCTION flag_agent_profile_fill();

-- the rules of FlagCase, kept by the database too
ALTER TABLE flag ADD CONSTRAINT flag_assignee_named CHECK ((assignee_id IS NULL) = (assignee_name IS NULL));
ALTER TABLE flag ADD CONSTRAINT flag_pending_has_resolution
    CHECK (state <> 'PENDING_APPROVAL' OR (disposition IS NOT NULL AND resolved_by IS NOT NULL AND assignee_id IS NOT NULL));
ALTER TABLE flag ADD CONSTRAINT flag_four_eyes CHECK (approved_by IS NULL OR approved_by <> resolved_by);
-- NOT VALID: rows from before review existed are not re-checked; every new or changed row is
ALTER TABLE flag ADD CONSTRAINT flag_in_review_assigned CHECK (state <> 'IN_REVIEW' OR assignee_id IS NOT NULL) NOT VALID;
ALTER TABLE flag ADD CONSTRAINT flag_resolved_disposed CHECK (state <> 'RESOLVED' OR disposition IS NOT NULL) NOT VALID;
ALTER TABLE flag ADD CONSTRAINT flag_escalated_target CHECK (state <> 'ESCALATED' OR escalated_to IS NOT NULL) NOT VALID;

-- The queue: open work (OPEN, IN_REVIEW, PENDING_APPROVAL) by due time, whole or narrowed by one filter. Partial,
-- so resolved history does not grow them; FlagQueueSql writes the states as literals to match the predicate.
CREATE INDEX flag_queue_due ON flag (tenant_id, due_at, id)
    WHERE state IN ('OPEN', 'IN_REVIEW', 'PENDING_APPROVAL');
CREATE INDEX flag_queue_reason_due ON flag (tenant_id, reason, due_at, id)
    WHERE state IN ('OPEN', 'IN_REVIEW', 'PENDING_APPROVAL');
CREATE INDEX flag_queue_severity_due ON flag (tenant_id, severity, due_at, id)
    WHERE state IN ('OPEN', 'IN_REVIEW', 'PENDING_APPROVAL');
CREATE INDEX flag_queue_agent_due ON flag (tenant_id, agent_profile_id, due_at, id)
    WHERE state IN ('OPEN', 'IN_REVIEW', 'PENDING_APPROVAL');
-- "my flags" and "unassigned" (a btree finds IS NULL too)
CREATE INDEX flag_queue_assignee_due ON flag (tenant_id, assignee_id, due_at, id)
    WHERE state IN ('OPEN', 'IN_REVIEW', 'PENDING_APPROVAL');
-- every state by due time (the "all states" view), without sorting the tenant's whole history
CREATE INDEX flag_tenant_due ON flag (tenant_id, due_at, id);
-- one closed state (ESCALATED for legal, RESOLVED for history) by due time: replaces V1's index without the id
CREATE INDEX flag_tenant_state_due_id ON flag (tenant_id, state, due_at, id);
DROP INDEX flag_tenant_state_due;

-- Every step of a flag's review, written once: who, when, from, to, and why.
CREATE TABLE flag_transition (
    id          bigserial    PRIMARY KEY,
    tenant_id   uuid         NOT NULL REFERENCES tenant(id),
    flag_id     uuid         NOT NULL REFERENCES flag(id) ON DELETE CASCADE,
    action      varchar(24)  NOT NULL CHECK (action IN ('RAISE', 'CLAIM', 'ASSIGN', 'RELEASE', 'RESOLVE', 'APPROVE',
                                                        'REJECT', 'ESCALATE', 'CONCLUDE_ESCALATION')),
    -- empty only for a flag a person raised: its first entry
    from_state  varchar(16)  CHECK (from_state IN ('OPEN', 'IN_REVIEW', 'PENDING_APPROVAL', 'RESOLVED', 'ESCALATED')),
    to_state    varchar(16)  NOT NULL CHECK (to_state IN ('OPEN', 'IN_REVIEW', 'PENDING_APPROVAL', 'RESOLVED', 'ESCALATED')),
    actor_id    varchar(128) NOT NULL,
    actor_name  varchar(200) NOT NULL,
    at          timestamptz  NOT NULL,
    detail      varchar(300),
    note        text,
    CHECK (from_state IS NOT NULL OR action = 'RAISE')
);
CREATE INDEX flag_transition_flag ON flag_transition (flag_id, id);
-- audit by person: what did this reviewer do, newest first
CREATE INDEX flag_transition_tenant_actor ON flag_transition (tenant_id, actor_id, at DESC);

-- A supervisor's mark on a call's timeline: where the agent failed and why. Editable by its author only.
CREATE TABLE annotation (
    id           uuid         PRIMARY KEY,
    tenant_id    uuid         NOT NULL REFERENCES tenant(id),
    session_id   uuid         NOT NULL REFERENCES call_session(id) ON DELETE CASCADE,
    type         varchar(24)  NOT NULL CHECK (type IN ('ASR_ERROR', 'WRONG_INTENT', 'POLICY_BREACH', 'BARGE_IN_FAILURE',
                                                        'LATENCY', 'OTHER')),
    start_ms     integer      NOT NULL CHECK (start_ms >= 0),
    end_ms       integer      NOT NULL,
    note         text,
    author_id    varchar(128) NOT NULL,
    author_name  varchar(200) NOT NULL,
    created_at   timestamptz  NOT NULL,
    updated_at   timestamptz  NOT NULL,
    CHECK (end_ms >= start_ms)
);
-- the call page: a call's annotations in timeline order
CREATE INDEX annotation_session_start ON annotation (session_id, start_ms);
-- exports per tenant and date range (then agent, through the call)
CREATE INDEX annotation_tenant_created ON annotation (tenant_id, created_at);
