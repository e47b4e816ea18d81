-- The people who have signed in to the console, per tenant, as their identity provider described them at their
-- last sign-in. Review uses it to offer colleagues to assign flags to; audit to show names for user ids.
CREATE TABLE console_user (
    tenant_id  uuid         NOT NULL REFERENCES tenant(id),
    user_id    varchar(64)  NOT NULL,
    name       varchar(200) NOT NULL,
    roles      varchar(300) NOT NULL,
    last_seen  timestamptz  NOT NULL,
    PRIMARY KEY (tenant_id, user_id)
);
