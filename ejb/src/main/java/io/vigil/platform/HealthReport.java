package io.vigil.platform;

/** What {@code GET /api/v1/health} answers: is the database there, which schema, which build. */
public record HealthReport(boolean databaseReachable, String schemaVersion, String applicationVersion,
                           String problem) {

    public boolean healthy() {
        return databaseReachable;
    }
}
