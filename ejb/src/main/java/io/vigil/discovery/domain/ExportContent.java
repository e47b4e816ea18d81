package io.vigil.discovery.domain;

/** What of a call goes into a bundle besides its audio. */
public enum ExportContent {
    /** {@code TEXT/<number>.txt} and {@code TEXT/<number>.vtt}. */
    TRANSCRIPT,
    /** Session events (consent, disclosure, tool calls, ...) in {@code METADATA/<number>.json}. */
    EVENTS,
    /** Supervisors' annotations on the call's timeline. */
    ANNOTATIONS,
    /** Flags raised on the call and every review step they went through. */
    FLAGS
}
