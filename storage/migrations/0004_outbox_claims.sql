-- Outbox rows are claimed before they are sent (status 'sending', claimed_at = the attempt's
-- time), and every attempt that may have reached the platform is kept for an hour in
-- send_log: the history the rate limiter reads back after a restart (20 per minute in a
-- group must hold across restarts, also when an interrupted message is sent again).
ALTER TABLE outbox ADD COLUMN claimed_at REAL;

CREATE TABLE send_log (
    id       INTEGER PRIMARY KEY,
    platform TEXT NOT NULL,
    chat     TEXT NOT NULL,
    at       REAL NOT NULL
);
CREATE INDEX send_log_at ON send_log (platform, at);
