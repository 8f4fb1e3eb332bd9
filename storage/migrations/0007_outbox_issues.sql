-- A message about several issues (a batched reminder or escalation) lists them all.
ALTER TABLE outbox ADD COLUMN issues TEXT NOT NULL DEFAULT '[]';   -- JSON list of numbers
