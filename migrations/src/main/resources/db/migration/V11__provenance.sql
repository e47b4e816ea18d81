-- C2PA provenance (docs/provenance.md). No private key lives here: the demo CA's intermediate key and the tenants'
-- signing keys stay in the key provider; these tables hold certificates and what was signed.

-- The demo CA of this installation (one row): the root (whose private key was dropped once it had certified the
-- intermediate) and the intermediate, whose key is key_ref in the default key provider.
CREATE TABLE c2pa_demo_ca (
    id                 smallint     PRIMARY KEY CHECK (id = 1),
    root_cert          bytea        NOT NULL,
    intermediate_cert  bytea        NOT NULL,
    key_ref            varchar(200) NOT NULL,
    created_at         timestamptz  NOT NULL DEFAULT now()
);

-- The certificate chain (leaf first, PEM, without the root) that certifies one version of a tenant's signing key:
-- issued by the demo CA, or imported by the tenant's administrator with the root it chains to.
CREATE TABLE c2pa_signing_chain (
    tenant_id    uuid         NOT NULL REFERENCES tenant(id),
    key_version  integer      NOT NULL CHECK (key_version >= 1),
    source       varchar(16)  NOT NULL CHECK (source IN ('DEMO', 'IMPORTED')),
    chain_pem    text         NOT NULL,
    root_pem     text,
    subject      varchar(500) NOT NULL,
    issuer       varchar(500) NOT NULL,
    not_after    timestamptz  NOT NULL,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    created_by   varchar(200) NOT NULL,
    PRIMARY KEY (tenant_id, key_version)
);

-- What the C2PA manifest of a stored recording says (the call page shows it without decrypting the recording).
CREATE TABLE recording_provenance (
    recording_id         uuid         PRIMARY KEY REFERENCES recording(id) ON DELETE CASCADE,
    tenant_id            uuid         NOT NULL REFERENCES tenant(id),
    session_id           uuid         NOT NULL,
    manifest_label       varchar(100) NOT NULL,
    title                varchar(300) NOT NULL,
    signer               varchar(500) NOT NULL,
    chain_source         varchar(16)  NOT NULL,
    signing_key_ref      varchar(200) NOT NULL,
    digital_source_type  varchar(200),
    actions              varchar(500) NOT NULL,
    ingredient_label     varchar(100),
    timestamped          boolean      NOT NULL,
    signed_at            timestamptz  NOT NULL
);
CREATE INDEX recording_provenance_by_session ON recording_provenance (tenant_id, session_id);
