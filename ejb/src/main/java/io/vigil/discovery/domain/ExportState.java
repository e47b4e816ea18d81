package io.vigil.discovery.domain;

/**
 * Where an export is: waiting for the worker, being built, ready to download, failed (with a reason), or expired by
 * retention (the bundle is gone, the record stays).
 */
public enum ExportState {
    QUEUED, RUNNING, DONE, FAILED, EXPIRED
}
