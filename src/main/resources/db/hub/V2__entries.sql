-- Records written once that belong to no incident in particular: the kill-switch actions' audit
-- entries each console shares (the sitrep contract's "audit" entity).
CREATE TABLE hub_entries (
    kind  VARCHAR(20)  NOT NULL,
    id    VARCHAR(40)  NOT NULL,
    body  TEXT         NOT NULL,
    PRIMARY KEY (kind, id)
);
