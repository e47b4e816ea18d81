-- eDiscovery exports (io.vigil.discovery): the request, the calls it covers in production order, and what is staged,
-- so an export interrupted by a crash or restart carries on where it stopped (see docs/ediscovery.md).

CREATE TABLE export_request (
    id                 uuid          PRIMARY KEY,
    tenant_id          uuid          NOT NULL REFERENCES tenant(id),
    matter             varchar(200)  NOT NULL,
    -- the request as made (io.vigil.discovery.domain.ExportRequest as JSON), also in the bundle's manifest
    request_json       text          NOT NULL,
    requested_by       varchar(128)  NOT NULL,
    requested_by_name  varchar(200),
    requested_at       timestamptz   NOT NULL,
    state              varchar(16)   NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    total_calls        integer       NOT NULL CHECK (total_calls > 0),
    staged_calls       integer       NOT NULL DEFAULT 0,
    -- the certificates the bundle is signed under (PEM), fixed at request time so a resumed export signs alike
    signing_chain_pem  text          NOT NULL,
    trust_root_pem     text          NOT NULL,
    bundle_size        bigint,
    bundle_sha256      varchar(64),
    encrypted          boolean       NOT NULL DEFAULT false,
    error              text,
    finished_at        timestamptz,
    -- the requester has seen the "export ready" notice
    notified           boolean       NOT NULL DEFAULT false
);
-- the exports page: the tenant's exports, newest first
CREATE INDEX export_request_tenant ON export_request (tenant_id, requested_at DESC);
-- the resumer at start-up: unfinished exports
CREATE INDEX export_request_unfinished ON export_request (state) WHERE state IN ('QUEUED', 'RUNNING');

-- The calls of an export in production order (fixed when requested); staged_json is set once the call's files are
-- staged (io.vigil.discovery.domain.StagedCall as JSON).
CREATE TABLE export_call (
    export_id    uuid     NOT NULL REFERENCES export_request(id) ON DELETE CASCADE,
    tenant_id    uuid     NOT NULL REFERENCES tenant(id),
    ordinal      integer  NOT NULL,
    session_id   uuid     NOT NULL,
    staged_json  text,
    PRIMARY KEY (export_id, ordinal)
);

-- The other staged files of an export (load files, audit evidence, report, manifest, signature) with their digests.
CREATE TABLE export_file (
    export_id    uuid          NOT NULL REFERENCES export_request(id) ON DELETE CASCADE,
    tenant_id    uuid          NOT NULL REFERENCES tenant(id),
    path         varchar(300)  NOT NULL,
    digest_json  text          NOT NULL,
    PRIMARY KEY (export_id, path)
);
