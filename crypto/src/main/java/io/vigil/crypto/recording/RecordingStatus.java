package io.vigil.crypto.recording;

/** Whether a recording ended properly. */
public enum RecordingStatus {
    /** The final segment is present and authentic: every byte the writer was given is readable. */
    COMPLETE,
    /**
     * No final segment: the writer stopped (crash, kill, power loss) or the file was cut short. Everything up
     * to the last complete segment is readable; whatever the writer held in memory is lost.
     */
    INCOMPLETE
}
