-- The original (unredacted) transcript of a call, kept only encrypted: AES-256-GCM under one data key per call,
-- wrapped by the tenant's transcript key (data_key, owner_type 'transcript-original'). Rotation re-wraps that data
-- key; shredding it makes these rows unreadable. Read only through the audited break-glass path.
CREATE TABLE transcript_original (
    tenant_id   uuid    NOT NULL REFERENCES tenant(id),
    session_id  uuid    NOT NULL REFERENCES call_session(id) ON DELETE CASCADE,
    seq         integer NOT NULL,
    nonce       bytea   NOT NULL CHECK (length(nonce) = 12),
    ciphertext  bytea   NOT NULL,
    PRIMARY KEY (session_id, seq)
);
