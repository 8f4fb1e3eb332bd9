-- Community events: one row per announced event (numbered from 1), sign-ups in join order,
-- and one row per recurring series from the config holding its next occurrence.

CREATE TABLE events (
    number       INTEGER PRIMARY KEY,              -- contract: numbered from 1
    title        TEXT    NOT NULL,
    place        TEXT,
    starts_at    REAL    NOT NULL,
    buildings    TEXT    NOT NULL DEFAULT '[]',    -- JSON list; [] = the whole community
    capacity     INTEGER,                          -- NULL: no limit
    creator      TEXT,                             -- NULL for an occurrence of a config series
    creator_name TEXT    NOT NULL,
    chat         TEXT,                             -- where it was created
    series       TEXT,                             -- config id of a recurring series
    status       TEXT    NOT NULL DEFAULT 'scheduled',  -- scheduled | cancelled
    created_at   REAL    NOT NULL,
    cancelled_at REAL,
    UNIQUE (series, starts_at)
);
CREATE INDEX events_starts ON events (starts_at);

CREATE TABLE event_signups (
    id        INTEGER PRIMARY KEY,                 -- join order: capacity first, then waiting
    event     INTEGER NOT NULL REFERENCES events (number),
    user      TEXT    NOT NULL,
    name      TEXT    NOT NULL,
    chat      TEXT    NOT NULL,                    -- where they joined (notices fall back here)
    building  TEXT,
    joined_at REAL    NOT NULL,
    UNIQUE (event, user)
);

CREATE TABLE event_series (
    id         INTEGER PRIMARY KEY,                -- timers' ref
    key        TEXT    NOT NULL UNIQUE,            -- [[events.recurring]] id
    schedule   TEXT    NOT NULL,                   -- the rule next_start was computed from
    next_start REAL,                               -- the occurrence waiting for its announcement
    announce_at REAL
);
