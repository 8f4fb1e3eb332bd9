-- 议事, 评事, 定期巡: building polls, satisfaction ratings of closed issues, patrols.
-- (晒事, the monthly report, is computed from these and the issues; it stores only a timer.)

-- Outgoing messages about a poll carry its number (contract: ``poll``/``polls``).
ALTER TABLE outbox ADD COLUMN poll INTEGER;
ALTER TABLE outbox ADD COLUMN polls TEXT NOT NULL DEFAULT '[]';   -- JSON list

CREATE TABLE polls (
    number       INTEGER PRIMARY KEY,              -- contract: numbered from 1
    building     TEXT    NOT NULL,
    chat         TEXT    NOT NULL,                 -- where it was started
    question     TEXT    NOT NULL,
    options      TEXT    NOT NULL,                 -- JSON list of option texts
    anonymous    INTEGER NOT NULL DEFAULT 0,
    creator      TEXT    NOT NULL,
    creator_name TEXT    NOT NULL,
    created_at   REAL    NOT NULL,
    closes_at    REAL    NOT NULL,
    status       TEXT    NOT NULL DEFAULT 'open',  -- open | closed
    closed_at    REAL
);
CREATE INDEX polls_open ON polls (building) WHERE status = 'open';

-- One row per voter; a changed vote overwrites the choice.
CREATE TABLE poll_votes (
    poll   INTEGER NOT NULL REFERENCES polls (number),
    user   TEXT    NOT NULL,
    name   TEXT    NOT NULL,
    choice INTEGER NOT NULL,                       -- 1-based option number
    at     REAL    NOT NULL,
    PRIMARY KEY (poll, user)
);

-- A rating request per person (reporter, followers) and closed issue; score NULL until rated.
CREATE TABLE ratings (
    id           INTEGER PRIMARY KEY,
    issue        INTEGER NOT NULL,
    user         TEXT    NOT NULL,
    name         TEXT    NOT NULL,
    building     TEXT    NOT NULL,
    requested_at REAL    NOT NULL,
    score        INTEGER,                          -- 3 满意, 2 基本满意, 1 不满意
    comment      TEXT,
    rated_at     REAL,
    UNIQUE (issue, user)
);
CREATE INDEX ratings_user ON ratings (user);
CREATE INDEX ratings_rated ON ratings (rated_at) WHERE score IS NOT NULL;

-- One row per [[patrols]] entry from the config: the next round (timers' ref).
CREATE TABLE patrol_series (
    id       INTEGER PRIMARY KEY,
    key      TEXT    NOT NULL UNIQUE,              -- [[patrols]] name
    schedule TEXT    NOT NULL,
    next_at  REAL
);

-- One round of a patrol in one building: the head answers the checklist item by item.
CREATE TABLE patrol_rounds (
    number     INTEGER PRIMARY KEY,                -- "巡查 N"
    patrol     TEXT    NOT NULL,                   -- [[patrols]] name
    building   TEXT    NOT NULL,
    occurrence REAL    NOT NULL,                   -- the scheduled time it belongs to
    checklist  TEXT    NOT NULL,                   -- JSON list of items
    answers    TEXT    NOT NULL DEFAULT '[]',      -- JSON list: null | [ok, note]
    due_at     REAL    NOT NULL,                   -- to be done by then
    status     TEXT    NOT NULL DEFAULT 'open',    -- open | done
    escalation INTEGER NOT NULL DEFAULT 0,         -- 0 none, 1 grid worker, 2 office
    created_at REAL    NOT NULL,
    done_at    REAL,
    done_by    TEXT,
    UNIQUE (patrol, building, occurrence)
);
CREATE INDEX patrol_rounds_open ON patrol_rounds (building) WHERE status = 'open';
