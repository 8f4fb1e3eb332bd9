-- A member leaving (or being removed from) a building group is stored in the inbox like a
-- message, marked here, so that it is handled once and survives a crash before handling.
ALTER TABLE inbox ADD COLUMN member_left INTEGER NOT NULL DEFAULT 0;
