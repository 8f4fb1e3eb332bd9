-- Outbox rows are claimed before they are sent (status 'sending', claimed_at = the attempt's
-- time). The claim times of what was sent or may have been sent are also the history the rate
-- limiter needs after a restart (20 per minute in a group must hold across restarts).
ALTER TABLE outbox ADD COLUMN claimed_at REAL;
CREATE INDEX outbox_claimed ON outbox (platform, claimed_at) WHERE claimed_at IS NOT NULL;
