-- The figures of each live session (docs/live-sessions.md, "Metrics"), written with its SESSION_ENDED event by the
-- persistence worker, one row per call. Latency lists keep every turn and barge-in of the call.
CREATE TABLE session_metrics (
    session_id           uuid      PRIMARY KEY REFERENCES call_session(id) ON DELETE CASCADE,
    tenant_id            uuid      NOT NULL REFERENCES tenant(id),
    duration_ms          bigint    NOT NULL,
    first_agent_audio_ms bigint,                 -- null when the agent never spoke
    turn_latency_ms      bigint[]  NOT NULL,     -- end of caller speech to first agent audio, per turn
    barge_in_reaction_ms bigint[]  NOT NULL,     -- speech started to playback stopped, per barge-in
    caller_talk_ms       bigint    NOT NULL,
    agent_talk_ms        bigint    NOT NULL,
    silence_ms           bigint    NOT NULL,
    frames_in            bigint    NOT NULL,
    frames_out           bigint    NOT NULL,
    frames_dropped       bigint    NOT NULL,
    bad_frames           bigint    NOT NULL,
    pci_paused_ms        bigint    NOT NULL
);

CREATE INDEX session_metrics_by_tenant ON session_metrics (tenant_id);
