-- Sitrep schema, version 2: platform profiles. Secrets are never stored here (environment,
-- OS keychain or asked at use).

CREATE TABLE platform_profile (
    name                    VARCHAR(40)   PRIMARY KEY,
    kind                    VARCHAR(20)   NOT NULL,
    url                     VARCHAR(2000),
    path                    VARCHAR(4000),
    email                   VARCHAR(320),
    environment             VARCHAR(20)   NOT NULL,
    ca_cert                 VARCHAR(4000),
    flags                   VARCHAR(4000) NOT NULL,   -- JSON array (so1's kill-switch flags)
    health_every_seconds    INT           NOT NULL,
    created_at              TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    created_by              VARCHAR(200)  NOT NULL
);
