-- Looking after the vulnerable: daily safety check-ins (平安打卡) and the community-wide
-- alert (全域联动); outbox priority so that alerts are sent before everything else.

-- One row per person enrolled (or asked to be): the row exists from the head's /checkin add
-- until the person declines, stops, is removed or asks to be forgotten.
CREATE TABLE checkins (
    id             INTEGER PRIMARY KEY,          -- timers' ref; shown in /checkin list
    person         TEXT    NOT NULL UNIQUE,
    name           TEXT    NOT NULL,
    building       TEXT,
    head           TEXT    NOT NULL,             -- who enrolled them: told when they miss
    head_name      TEXT    NOT NULL,
    family         TEXT,                         -- optional family contact, told too
    daily_at       TEXT    NOT NULL,             -- local "HH:MM" of the daily question
    status         TEXT    NOT NULL,             -- asked | active
    asked_at       REAL    NOT NULL,
    enrolled_at    REAL,
    paused_until   REAL,
    request_at     REAL,                         -- the last daily question
    answered_at    REAL,                         -- the person's last reply
    missed_at      REAL,                         -- the open "no answer" notice, if any
    missed_reason  TEXT,                         -- NULL: the daily question; else a device event
    missed_handled REAL                          -- the person answered or the head did
);
CREATE INDEX checkins_head ON checkins (head);

CREATE TABLE community_alerts (
    number       INTEGER PRIMARY KEY,            -- contract: numbered from 1 (`alert`)
    text         TEXT    NOT NULL,
    creator      TEXT    NOT NULL,
    creator_name TEXT    NOT NULL,
    building     TEXT,
    chat         TEXT    NOT NULL,
    issue        INTEGER,                        -- raised from this urgent report (全域 N)
    status       TEXT    NOT NULL DEFAULT 'open',  -- open | closed
    created_at   REAL    NOT NULL,
    closed_at    REAL,
    close_note   TEXT,
    closed_by    TEXT
);

ALTER TABLE outbox ADD COLUMN alert INTEGER;
-- Higher goes first (community alerts); within a priority, queue order.
ALTER TABLE outbox ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
CREATE INDEX outbox_pending_priority ON outbox (platform, priority DESC, id)
    WHERE status = 'pending';
