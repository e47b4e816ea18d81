-- Records of processing (GDPR Art. 30) and DPIAs (Art. 35) per tenant (io.vigil.dpia, docs/operations.md).
-- What Vigil knows from its configuration is not stored here but read live (agent profiles, keys, redaction,
-- retention); these tables hold what people write, and, for an approved DPIA, the facts it relied on.

-- One record per processing activity; the free-text fields are what Vigil cannot know.
CREATE TABLE processing_record (
    id                 uuid PRIMARY KEY,
    tenant_id          uuid         NOT NULL REFERENCES tenant(id),
    activity           varchar(200) NOT NULL,
    controller_contact text         NOT NULL DEFAULT '',
    dpo_contact        text         NOT NULL DEFAULT '',
    purposes           text         NOT NULL DEFAULT '',
    data_subjects      text         NOT NULL DEFAULT '',
    personal_data      text         NOT NULL DEFAULT '',
    recipients         text         NOT NULL DEFAULT '',
    processors         text         NOT NULL DEFAULT '',
    transfers          text         NOT NULL DEFAULT '',
    erasure_limits     text         NOT NULL DEFAULT '',
    security_measures  text         NOT NULL DEFAULT '',
    updated_at         timestamptz  NOT NULL DEFAULT now(),
    updated_by         varchar(200),
    UNIQUE (tenant_id, activity)
);

-- One version of a DPIA. Versions of one assessment share series_id; content is the CNIL PIA sections as JSON
-- (io.vigil.dpia.domain.DpiaContent). facts/facts_fingerprint: the configuration snapshot taken at approval.
CREATE TABLE dpia (
    id                   uuid PRIMARY KEY,
    tenant_id            uuid         NOT NULL REFERENCES tenant(id),
    series_id            uuid         NOT NULL,
    version              integer      NOT NULL CHECK (version > 0),
    processing_record_id uuid         REFERENCES processing_record(id),
    title                varchar(200) NOT NULL,
    state                varchar(16)  NOT NULL CHECK (state IN ('DRAFT', 'IN_REVIEW', 'APPROVED', 'REFUSED')),
    content              text         NOT NULL,
    author_id            varchar(128) NOT NULL,
    author_name          varchar(200) NOT NULL,
    created_at           timestamptz  NOT NULL,
    updated_at           timestamptz  NOT NULL,
    submitted_by         varchar(128),
    submitted_at         timestamptz,
    decided_by           varchar(128),
    decided_by_name      varchar(200),
    decided_at           timestamptz,
    decision_note        text,
    facts                text,
    facts_fingerprint    char(64),
    row_version          integer      NOT NULL DEFAULT 0,
    UNIQUE (tenant_id, series_id, version),
    -- four eyes: the author never decides on their own assessment
    CHECK (decided_by IS NULL OR (decided_by <> author_id AND decided_by <> submitted_by)),
    CHECK (state IN ('DRAFT', 'IN_REVIEW') OR decided_by IS NOT NULL),
    CHECK (state <> 'APPROVED' OR (facts IS NOT NULL AND facts_fingerprint IS NOT NULL))
);
-- at most one open (draft or in review) version per assessment
CREATE UNIQUE INDEX dpia_one_open_version ON dpia (series_id) WHERE state IN ('DRAFT', 'IN_REVIEW');
CREATE INDEX dpia_tenant_updated ON dpia (tenant_id, updated_at DESC, id);

-- A decided version is frozen: a change is a new version, never an edit (the service refuses first; this is the
-- guarantee for everything that bypasses it).
CREATE FUNCTION dpia_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.state IN ('APPROVED', 'REFUSED') THEN
        RAISE EXCEPTION 'DPIA % version % is % and frozen; start a new version to change it',
            OLD.series_id, OLD.version, OLD.state USING ERRCODE = 'check_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
CREATE TRIGGER dpia_frozen BEFORE UPDATE OR DELETE ON dpia FOR EACH ROW EXECUTE FUNCTION dpia_frozen();

-- The live configuration no longer matches what an approved DPIA relied on: which facts changed (JSON list of
-- {key, label, before, after}). Kept beside the frozen row; removed when the configuration matches again.
CREATE TABLE dpia_drift (
    dpia_id           uuid        PRIMARY KEY REFERENCES dpia(id),
    tenant_id         uuid        NOT NULL REFERENCES tenant(id),
    live_fingerprint  char(64)    NOT NULL,
    changes           text        NOT NULL,
    detected_at       timestamptz NOT NULL
);
CREATE INDEX dpia_drift_tenant ON dpia_drift (tenant_id);
