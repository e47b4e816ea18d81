-- Customer-managed keys and encrypted recordings (docs/keys.md).
-- Key material never lives here: only which provider holds a tenant's key, its versions, and data keys in their
-- wrapped (encrypted) form, which are useless without the key provider.

-- One key per tenant and data domain; current_version wraps new data keys, versions below minimum_version are retired.
CREATE TABLE key_configuration (
    tenant_id        uuid        NOT NULL REFERENCES tenant(id),
    domain           varchar(16) NOT NULL CHECK (domain IN ('audio', 'transcript', 'export', 'signing')),
    provider_id      varchar(32) NOT NULL,
    key_id           varchar(128) NOT NULL,
    current_version  integer     NOT NULL CHECK (current_version >= 1),
    minimum_version  integer     NOT NULL DEFAULT 1 CHECK (minimum_version >= 1),
    created_at       timestamptz NOT NULL DEFAULT now(),
    rotated_at       timestamptz,
    PRIMARY KEY (tenant_id, domain),
    CHECK (minimum_version <= current_version)
);

CREATE TABLE key_version (
    tenant_id     uuid        NOT NULL,
    domain        varchar(16) NOT NULL,
    version       integer     NOT NULL,
    state         varchar(16) NOT NULL CHECK (state IN ('ACTIVE', 'RETIRED', 'DESTROYED')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    retired_at    timestamptz,
    destroyed_at  timestamptz,
    PRIMARY KEY (tenant_id, domain, version),
    FOREIGN KEY (tenant_id, domain) REFERENCES key_configuration (tenant_id, domain)
);

-- A data key wrapped under one key version. associated_data is the context the wrap is bound to (not secret);
-- the rewrap job needs it. A shredded key has no wrapped bytes left.
CREATE TABLE data_key (
    id               uuid        PRIMARY KEY,
    tenant_id        uuid        NOT NULL REFERENCES tenant(id),
    domain           varchar(16) NOT NULL,
    owner_type       varchar(32) NOT NULL,
    owner_id         uuid        NOT NULL,
    provider_id      varchar(32) NOT NULL,
    key_id           varchar(128) NOT NULL,
    key_version      integer     NOT NULL,
    wrapped          bytea,
    associated_data  bytea       NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    rewrapped_at     timestamptz,
    shredded_at      timestamptz,
    UNIQUE (tenant_id, owner_type, owner_id),
    CHECK ((shredded_at IS NULL) = (wrapped IS NOT NULL))
);
-- the Keys page counts live data keys per version, and the rewrap job walks those below the target version
CREATE INDEX data_key_live_by_version ON data_key (tenant_id, domain, key_version, id) WHERE shredded_at IS NULL;

CREATE TABLE rewrap_job (
    id              uuid        PRIMARY KEY,
    tenant_id       uuid        NOT NULL REFERENCES tenant(id),
    domain          varchar(16) NOT NULL,
    target_version  integer     NOT NULL,
    state           varchar(16) NOT NULL CHECK (state IN ('RUNNING', 'COMPLETED', 'FAILED', 'SUPERSEDED')),
    total           integer     NOT NULL,
    done            integer     NOT NULL DEFAULT 0,
    failed          integer     NOT NULL DEFAULT 0,
    last_error      text,
    started_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz
);
CREATE INDEX rewrap_job_by_tenant ON rewrap_job (tenant_id, domain, started_at DESC);

-- One encrypted recording track in the blob store.
CREATE TABLE recording (
    id           uuid        PRIMARY KEY,
    tenant_id    uuid        NOT NULL REFERENCES tenant(id),
    session_id   uuid        NOT NULL REFERENCES call_session(id) ON DELETE CASCADE,
    track        varchar(32) NOT NULL,
    blob_id      varchar(512) NOT NULL UNIQUE,
    data_key_id  uuid        NOT NULL REFERENCES data_key(id),
    key_ref      varchar(200) NOT NULL,
    duration_ms  bigint      NOT NULL,
    format       varchar(64) NOT NULL,
    size_bytes   bigint      NOT NULL,
    complete     boolean     NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, session_id, track)
);
CREATE INDEX recording_by_session ON recording (tenant_id, session_id);
