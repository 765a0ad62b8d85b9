-- Sitrep schema, version 10: the kill-switch audit entries other consoles shared through a team
-- platform (the sitrep contract's "audit" entity). Kept apart from this console's own chained
-- trail (audit_entry): they are what the team recorded, each with the hash its own console gave it.

CREATE TABLE team_audit (
    id          VARCHAR(40)   PRIMARY KEY,
    via         VARCHAR(40)   NOT NULL,
    at          TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    action      VARCHAR(20)   NOT NULL,
    platform    VARCHAR(40),
    actor       VARCHAR(200)  NOT NULL,
    reason      VARCHAR(2000),
    approver    VARCHAR(200),
    detail      VARCHAR(4000),
    incident_id VARCHAR(40),
    hash        CHAR(64),
    received_at TIMESTAMP(9) WITH TIME ZONE NOT NULL
);
CREATE INDEX team_audit_platform ON team_audit (platform, at);
