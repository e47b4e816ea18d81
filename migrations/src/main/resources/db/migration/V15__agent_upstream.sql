-- Where an agent profile's live sessions are answered. No row, or a row without a url: the embedded agent.
-- A url names an OpenAI Realtime endpoint (wss://api.openai.com/v1/realtime or any compatible one); its API key is
-- never stored: api_key_setting names the setting (a vigil.properties key or an environment variable) that holds it.
CREATE TABLE agent_upstream (
    agent_profile_id  uuid         PRIMARY KEY REFERENCES agent_profile(id),
    tenant_id         uuid         NOT NULL REFERENCES tenant(id),
    url               varchar(500) CHECK (url ~ '^wss?://'),
    model             varchar(120),
    voice             varchar(60),
    instructions      text,
    api_key_setting   varchar(120) CHECK (api_key_setting ~ '^[A-Za-z0-9_.-]+$'),
    updated_at        timestamptz  NOT NULL DEFAULT now(),
    CHECK ((url IS NULL) = (api_key_setting IS NULL))
);
