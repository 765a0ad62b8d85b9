-- Sitrep schema, version 4: the tamper-evident audit trail of halts, resumes, containment,
-- failed attempts and escalations. Each entry carries the SHA-256 of the one before it.

CREATE TABLE audit_entry (
    seq         BIGINT        PRIMARY KEY,
    id          VARCHAR(40)   NOT NULL UNIQUE,
    at          TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    action      VARCHAR(20)   NOT NULL,
    platform    VARCHAR(40),
    actor       VARCHAR(200)  NOT NULL,
    reason      VARCHAR(2000),
    approver    VARCHAR(200),
    detail      VARCHAR(4000),
    incident_id VARCHAR(40),
    prev_hash   CHAR(64)      NOT NULL,
    hash        CHAR(64)      NOT NULL
);
CREATE INDEX audit_entry_platform ON audit_entry (platform, seq);
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE, DELETE ON audit_entry
    FOR EACH ROW CALL 'dev.sitrep.store.AppendOnlyTrigger';

-- The newest entry's sequence and hash, one row; appends lock it so processes take turns.
CREATE TABLE audit_head (
    id   INT      PRIMARY KEY,
    seq  BIGINT   NOT NULL,
    hash CHAR(64) NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
