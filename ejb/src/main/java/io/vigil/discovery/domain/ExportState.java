package io.vigil.discovery.domain;

/** Where an export is: waiting for the worker, being built, ready to download, or failed (with a reason). */
public enum ExportState {
    QUEUED, RUNNING, DONE, FAILED
}
