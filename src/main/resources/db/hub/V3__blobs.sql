-- Evidence blobs, content-addressed by their SHA-256 (checked on receipt), kept in the database
-- so every hub process serves every blob and the team's backups hold them.
CREATE TABLE hub_blobs (
    sha256     CHAR(64)      PRIMARY KEY,
    size       BIGINT        NOT NULL,
    data       BYTEA         NOT NULL,
    stored_by  VARCHAR(200)  NOT NULL,
    stored_at  VARCHAR(40)   NOT NULL
);
