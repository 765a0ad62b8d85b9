-- Sitrep schema, version 3: the last state pulled from each platform, so the board and the
-- kill switch can show it (marked stale) when the platform cannot be reached.

CREATE TABLE platform_state (
    name                 VARCHAR(40)   PRIMARY KEY,
    health               VARCHAR(20),
    health_version       VARCHAR(200),
    health_detail        VARCHAR(2000),
    health_checks        VARCHAR(4000),                 -- JSON object of strings
    health_at            TIMESTAMP(9) WITH TIME ZONE,
    halted               BOOLEAN,
    halted_since         TIMESTAMP(9) WITH TIME ZONE,
    halted_by            VARCHAR(320),
    halted_reason        VARCHAR(2000),
    kill_switch_at       TIMESTAMP(9) WITH TIME ZONE,
    last_event_id        VARCHAR(200),                  -- newest kill-switch event already on timelines
    last_platform_event  VARCHAR(200),                  -- newest platform event (deployment) already on timelines
    last_error           VARCHAR(2000),
    last_error_at        TIMESTAMP(9) WITH TIME ZONE,
    offline_since        TIMESTAMP(9) WITH TIME ZONE,
    failures             INT           NOT NULL DEFAULT 0
);
