-- Vigil core schema: tenants, agent profiles, call sessions and what a session produces.
-- Every row carries tenant_id so that tenant scoping is a plain predicate on every table,
-- and the console's list queries are served by (tenant_id, <sort key>) indexes.

CREATE TABLE tenant (
    id          uuid PRIMARY KEY,
    slug        varchar(64)  NOT NULL UNIQUE,
    name        varchar(200) NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE agent_profile (
    id                    uuid PRIMARY KEY,
    tenant_id             uuid         NOT NULL REFERENCES tenant(id),
    name                  varchar(120) NOT NULL,
    upstream_model        varchar(120) NOT NULL,
    prompt_template_hash  char(64)     NOT NULL,
    tool_config_hash      char(64)     NOT NULL,
    version               integer      NOT NULL CHECK (version > 0),
    created_at            timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, name, version)
);

CREATE TABLE call_session (
    id                 uuid PRIMARY KEY,
    tenant_id          uuid         NOT NULL REFERENCES tenant(id),
    agent_profile_id   uuid         NOT NULL REFERENCES agent_profile(id),
    channel            varchar(16)  NOT NULL CHECK (channel IN ('PHONE', 'REALTIME_API', 'BROWSER')),
    -- HMAC-SHA256 of the caller's number or reference under the tenant's key: never the raw value
    caller_ref_hash    char(64)     NOT NULL,
    started_at         timestamptz  NOT NULL,
    ended_at           timestamptz,
    duration_ms        bigint,
    status             varchar(16)  NOT NULL CHECK (status IN ('LIVE', 'COMPLETED', 'FAILED', 'ABANDONED')),
    consent_state      varchar(16)  NOT NULL CHECK (consent_state IN ('PENDING', 'GIVEN', 'REFUSED', 'NOT_REQUIRED')),
    disclosure_state   varchar(16)  NOT NULL CHECK (disclosure_state IN ('PENDING', 'DELIVERED', 'FAILED')),
    retention_class    varchar(32)  NOT NULL,
    flag_count         integer      NOT NULL DEFAULT 0,
    CHECK (ended_at IS NULL OR ended_at >= started_at)
);
-- the calls page: newest first, optionally narrowed by agent, channel or flagged; id breaks ties
CREATE INDEX call_session_tenant_started ON call_session (tenant_id, started_at DESC, id DESC);
CREATE INDEX call_session_tenant_agent_started ON call_session (tenant_id, agent_profile_id, started_at DESC, id DESC);
CREATE INDEX call_session_tenant_channel_started ON call_session (tenant_id, channel, started_at DESC, id DESC);
CREATE INDEX call_session_tenant_flagged_started ON call_session (tenant_id, started_at DESC, id DESC) WHERE flag_count > 0;

CREATE TABLE transcript_segment (
    id          bigserial PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenant(id),
    session_id  uuid        NOT NULL REFERENCES call_session(id) ON DELETE CASCADE,
    seq         integer     NOT NULL,
    speaker     varchar(16) NOT NULL CHECK (speaker IN ('CALLER', 'AGENT', 'SYSTEM')),
    start_ms    integer     NOT NULL CHECK (start_ms >= 0),
    end_ms      integer     NOT NULL,
    -- the text as stored: redacted once the redaction engine runs on the way in
    text        text        NOT NULL,
    CHECK (end_ms >= start_ms),
    UNIQUE (session_id, seq)
);

CREATE TABLE session_event (
    id          bigserial PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenant(id),
    session_id  uuid        NOT NULL REFERENCES call_session(id) ON DELETE CASCADE,
    type        varchar(32) NOT NULL,
    at_ms       integer     NOT NULL CHECK (at_ms >= 0),
    -- typed by `type`; see io.vigil.session.domain.SessionEventType for each payload's fields
    payload     jsonb       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX session_event_session_at ON session_event (session_id, at_ms);

CREATE TABLE flag (
    id          uuid PRIMARY KEY,
    tenant_id   uuid         NOT NULL REFERENCES tenant(id),
    session_id  uuid         NOT NULL REFERENCES call_session(id) ON DELETE CASCADE,
    reason      varchar(32)  NOT NULL,
    severity    varchar(8)   NOT NULL CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    state       varchar(16)  NOT NULL CHECK (state IN ('OPEN', 'IN_REVIEW', 'RESOLVED', 'ESCALATED')),
    evidence    text         NOT NULL,
    at_ms       integer      NOT NULL CHECK (at_ms >= 0),
    raised_at   timestamptz  NOT NULL,
    due_at      timestamptz  NOT NULL
);
CREATE INDEX flag_session ON flag (session_id);
CREATE INDEX flag_tenant_state_due ON flag (tenant_id, state, due_at);

-- sorting the calls list by duration (either direction, by a backward scan)
CREATE INDEX call_session_tenant_duration ON call_session (tenant_id, duration_ms, id);
