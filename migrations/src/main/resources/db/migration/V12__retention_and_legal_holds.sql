-- Retention policies, the retention sweep with its deletion certificates, and legal holds (io.vigil.retention).
-- Due dates are not stored per artifact: an artifact is due when its call's end plus the period of the policy for
-- its data class (and the call's retention class and jurisdiction) has passed, so a policy change moves every due
-- date at once. Held calls are skipped by every sweep query (legal_hold_session, below).

-- The jurisdiction whose rules apply to a call (e.g. 'EU', 'US-CA'); empty means the tenant's defaults.
ALTER TABLE call_session ADD COLUMN jurisdiction varchar(16);
-- set when the retention sweep anonymised the call's metadata (caller hash, event payloads, flag evidence)
ALTER TABLE call_session ADD COLUMN anonymised_at timestamptz;
-- the sweep walks a tenant's ended calls by end time
CREATE INDEX call_session_tenant_ended ON call_session (tenant_id, ended_at, id) WHERE ended_at IS NOT NULL;
-- a deleted call's recordings are found by call alone (V7's indexes lead with the tenant)
CREATE INDEX recording_session ON recording (session_id);

-- One rule per tenant, retention class (call_session.retention_class), data class and jurisdiction ('*' is the
-- default; any other value overrides it for calls of that jurisdiction).
CREATE TABLE retention_policy (
    tenant_id        uuid         NOT NULL REFERENCES tenant(id),
    retention_class  varchar(32)  NOT NULL,
    data_class       varchar(32)  NOT NULL CHECK (data_class IN ('RAW_CALLER_AUDIO', 'RAW_AGENT_AUDIO',
                                      'REDACTED_AUDIO', 'ORIGINAL_TRANSCRIPT', 'REDACTED_TRANSCRIPT',
                                      'SESSION_METADATA', 'ANNOTATIONS', 'EXPORTS')),
    jurisdiction     varchar(16)  NOT NULL DEFAULT '*',
    period_days      integer      NOT NULL CHECK (period_days BETWEEN 1 AND 36600),
    action           varchar(16)  NOT NULL CHECK (action IN ('CRYPTO_SHRED', 'DELETE', 'ANONYMISE')),
    updated_at       timestamptz  NOT NULL DEFAULT now(),
    updated_by       varchar(200) NOT NULL,
    PRIMARY KEY (tenant_id, retention_class, data_class, jurisdiction)
);

-- One sweep: a dry run (lists, changes nothing) or an apply; resumable, as each batch commits its progress.
CREATE TABLE retention_sweep (
    id               uuid         PRIMARY KEY,
    tenant_id        uuid         NOT NULL REFERENCES tenant(id),
    mode             varchar(8)   NOT NULL CHECK (mode IN ('DRY_RUN', 'APPLY')),
    state            varchar(16)  NOT NULL CHECK (state IN ('RUNNING', 'COMPLETED', 'FAILED')),
    -- what was due is judged as of this instant, so a dry run and an apply at the same instant agree
    as_of            timestamptz  NOT NULL,
    started_by       varchar(200) NOT NULL,
    started_at       timestamptz  NOT NULL DEFAULT now(),
    updated_at       timestamptz  NOT NULL DEFAULT now(),
    finished_at      timestamptz,
    last_error       text,
    -- the policies the sweep applied, as they were when it started
    policies         jsonb        NOT NULL,
    -- the signed deletion certificate (canonical JSON), its signature and the signing key's reference
    certificate      text,
    signature        bytea,
    signing_key      varchar(200)
);
CREATE INDEX retention_sweep_by_tenant ON retention_sweep (tenant_id, started_at DESC);

-- Progress of one data class (and action, and contributor) within a sweep: where it stopped (keyset cursor), how many, and an order-independent
-- digest of the identifier hashes (sum modulo 2^256 of SHA-256 values), so a resumed run adds to it.
CREATE TABLE retention_sweep_class (
    sweep_id     uuid         NOT NULL REFERENCES retention_sweep(id) ON DELETE CASCADE,
    tenant_id    uuid         NOT NULL,
    data_class   varchar(32)  NOT NULL,
    action       varchar(16)  NOT NULL,
    -- the ExpiringArtifacts implementation that finds and expires these artifacts
    contributor  varchar(200) NOT NULL,
    cursor_after varchar(100),
    artifacts    bigint       NOT NULL DEFAULT 0,
    digest       bytea        NOT NULL,
    done         boolean      NOT NULL DEFAULT false,
    PRIMARY KEY (sweep_id, data_class, action, contributor)
);

-- The SHA-256 of every identifier a sweep listed or expired (never the identifier itself), for its certificate.
CREATE TABLE retention_sweep_item (
    sweep_id       uuid         NOT NULL REFERENCES retention_sweep(id) ON DELETE CASCADE,
    tenant_id      uuid         NOT NULL,
    data_class     varchar(32)  NOT NULL,
    artifact_type  varchar(32)  NOT NULL,
    id_hash        bytea        NOT NULL,
    -- a dry run also keeps what it found in the clear, so a person can see exactly what would go
    session_id     uuid,
    identifier     varchar(100)
);
CREATE INDEX retention_sweep_item_by_sweep ON retention_sweep_item (sweep_id, data_class);

-- A legal hold for a matter. Its scope is the conjunction of the criteria given (empty ones do not narrow), plus
-- calls named explicitly; a hold with no criterion at all is refused by the application.
CREATE TABLE legal_hold (
    id                     uuid          PRIMARY KEY,
    tenant_id              uuid          NOT NULL REFERENCES tenant(id),
    matter_name            varchar(200)  NOT NULL,
    reference              varchar(100)  NOT NULL,
    description            text,
    -- people whose work is on a call (annotation authors, flag reviewers), by user id or display name
    custodians             text[]        NOT NULL DEFAULT '{}',
    date_from              timestamptz,
    date_to                timestamptz,
    agent_profile_names    text[]        NOT NULL DEFAULT '{}',
    -- keyed hashes of caller references (call_session.caller_ref_hash), never the references themselves
    caller_ref_hashes      text[]        NOT NULL DEFAULT '{}',
    flag_reasons           text[]        NOT NULL DEFAULT '{}',
    session_ids            uuid[]        NOT NULL DEFAULT '{}',
    state                  varchar(20)   NOT NULL CHECK (state IN ('ACTIVE', 'RELEASE_REQUESTED', 'RELEASED')),
    created_by             varchar(128)  NOT NULL,
    created_by_name        varchar(200)  NOT NULL,
    created_at             timestamptz   NOT NULL DEFAULT now(),
    release_requested_by   varchar(128),
    release_requested_name varchar(200),
    release_requested_at   timestamptz,
    release_reason         text,
    released_by            varchar(128),
    released_by_name       varchar(200),
    released_at            timestamptz,
    version                integer       NOT NULL DEFAULT 0,
    UNIQUE (tenant_id, reference),
    CHECK (date_to IS NULL OR date_from IS NULL OR date_to > date_from),
    CHECK (state = 'ACTIVE' OR release_requested_by IS NOT NULL),
    CHECK (state <> 'RELEASED' OR released_by IS NOT NULL),
    -- four eyes: who approves the release is not who asked for it
    CHECK (released_by IS NULL OR released_by <> release_requested_by)
);
CREATE INDEX legal_hold_live ON legal_hold (tenant_id) WHERE state <> 'RELEASED';
CREATE INDEX legal_hold_by_tenant ON legal_hold (tenant_id, created_at DESC);

-- The calls a hold covers. A row stays after release (released_at set), as the record of what was held.
CREATE TABLE legal_hold_session (
    hold_id      uuid         NOT NULL REFERENCES legal_hold(id),
    tenant_id    uuid         NOT NULL REFERENCES tenant(id),
    session_id   uuid         NOT NULL REFERENCES call_session(id) ON DELETE CASCADE,
    added_at     timestamptz  NOT NULL DEFAULT now(),
    released_at  timestamptz,
    PRIMARY KEY (hold_id, session_id)
);
-- "is this call held?": the question every sweep query asks for every candidate (and the cascade of a deleted call)
CREATE INDEX legal_hold_session_by_session ON legal_hold_session (session_id, released_at);

-- Whether hold h covers call c: every non-empty criterion must match, or c is named explicitly.
CREATE FUNCTION legal_hold_covers(h legal_hold, c call_session) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT h.tenant_id = c.tenant_id AND (
        c.id = ANY (h.session_ids)
        OR ((h.date_from IS NOT NULL OR h.date_to IS NOT NULL OR cardinality(h.agent_profile_names) > 0
             OR cardinality(h.caller_ref_hashes) > 0 OR cardinality(h.flag_reasons) > 0
             OR cardinality(h.custodians) > 0)
            AND (h.date_from IS NULL OR c.started_at >= h.date_from)
            AND (h.date_to IS NULL OR c.started_at < h.date_to)
            AND (cardinality(h.agent_profile_names) = 0 OR EXISTS (SELECT 1 FROM agent_profile a
                     WHERE a.id = c.agent_profile_id AND a.name = ANY (h.agent_profile_names)))
            AND (cardinality(h.caller_ref_hashes) = 0 OR c.caller_ref_hash = ANY (h.caller_ref_hashes))
            AND (cardinality(h.flag_reasons) = 0 OR EXISTS (SELECT 1 FROM flag f
                     WHERE f.session_id = c.id AND f.reason = ANY (h.flag_reasons)))
            AND (cardinality(h.custodians) = 0
                 OR EXISTS (SELECT 1 FROM annotation n WHERE n.session_id = c.id
                            AND (n.author_id = ANY (h.custodians) OR n.author_name = ANY (h.custodians)))
                 OR EXISTS (SELECT 1 FROM flag f WHERE f.session_id = c.id
                            AND (f.assignee_id = ANY (h.custodians) OR f.assignee_name = ANY (h.custodians)
                                 OR f.resolved_by = ANY (h.custodians) OR f.approved_by = ANY (h.custodians))))))
$$;

-- New calls fall under the live holds whose scope they match: when the call starts (date, agent, caller) and again
-- when it ends (its flags are stored by then). Annotations added later are picked up by the holds' re-evaluation.
CREATE FUNCTION legal_hold_scope_call() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO legal_hold_session (hold_id, tenant_id, session_id)
    SELECT h.id, NEW.tenant_id, NEW.id FROM legal_hold h
    WHERE h.tenant_id = NEW.tenant_id AND h.state <> 'RELEASED' AND legal_hold_covers(h, NEW)
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END;
$$;

CREATE TRIGGER call_session_legal_hold
AFTER INSERT OR UPDATE OF ended_at ON call_session
FOR EACH ROW EXECUTE FUNCTION legal_hold_scope_call();
