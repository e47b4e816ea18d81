-- Retention reaches eDiscovery exports (io.vigil.discovery.application.ExportArtifacts): an expired export keeps its
-- record (matter, requester, counts, the bundle's SHA-256) without its bundle.
ALTER TABLE export_request DROP CONSTRAINT export_request_state_check;
ALTER TABLE export_request ADD CONSTRAINT export_request_state_check
    CHECK (state IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'EXPIRED'));
ALTER TABLE export_request ADD COLUMN expired_at timestamptz;
