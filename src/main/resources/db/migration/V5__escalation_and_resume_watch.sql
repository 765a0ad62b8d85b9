-- Sitrep schema, version 5: what a platform's health checks propose (shown as a banner in
-- every window), when its automation was last resumed (incidents naming it are watched for
-- 30 minutes before they may be resolved), and the profile's opt-in to an automatic halt.

ALTER TABLE platform_state ADD COLUMN escalation      VARCHAR(20);     -- kill_switch | rollback; NULL: nothing proposed
ALTER TABLE platform_state ADD COLUMN escalation_why  VARCHAR(2000);
ALTER TABLE platform_state ADD COLUMN escalated_at    TIMESTAMP(9) WITH TIME ZONE;
ALTER TABLE platform_state ADD COLUMN resumed_at      TIMESTAMP(9) WITH TIME ZONE;

ALTER TABLE platform_profile ADD COLUMN auto_halt BOOLEAN NOT NULL DEFAULT FALSE;
