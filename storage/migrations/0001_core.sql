-- Core tables: inbox, outbox, residents, timers, key/value state, issues.

CREATE TABLE inbox (
    id          INTEGER PRIMARY KEY,
    chat        TEXT    NOT NULL,
    message_id  TEXT    NOT NULL,
    sender      TEXT    NOT NULL,
    sender_name TEXT    NOT NULL,
    text        TEXT    NOT NULL,
    at          REAL    NOT NULL,
    private     INTEGER NOT NULL DEFAULT 0,
    status      TEXT    NOT NULL DEFAULT 'pending',  -- pending | handled
    UNIQUE (chat, message_id)
);
CREATE INDEX inbox_pending ON inbox (id) WHERE status = 'pending';

CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    created_at      REAL    NOT NULL,
    platform        TEXT    NOT NULL,
    chat            TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    text            TEXT    NOT NULL,
    issue           INTEGER,
    request         INTEGER,
    event           INTEGER,
    mentions        TEXT    NOT NULL DEFAULT '[]',   -- JSON [[user, name], ...]
    fallback_chat   TEXT,
    status          TEXT    NOT NULL DEFAULT 'pending',  -- pending | sent | failed
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at REAL    NOT NULL DEFAULT 0,
    sent_at         REAL,
    error           TEXT
);
CREATE INDEX outbox_pending ON outbox (platform, next_attempt_at) WHERE status = 'pending';

-- Residents are learnt from the building chats they write in.
CREATE TABLE residents (
    user      TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    building  TEXT,
    last_seen REAL NOT NULL
);

-- Everything that becomes due later: reminders, escalations, follow-ups, announcements.
CREATE TABLE timers (
    id      INTEGER PRIMARY KEY,
    kind    TEXT    NOT NULL,
    ref     INTEGER NOT NULL,
    due_at  REAL    NOT NULL,
    payload TEXT    NOT NULL DEFAULT '{}',
    done    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX timers_due ON timers (due_at) WHERE done = 0;
CREATE INDEX timers_ref ON timers (kind, ref) WHERE done = 0;

CREATE TABLE kv (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE issues (
    number        INTEGER PRIMARY KEY,             -- contract: numbered from 1
    building      TEXT    NOT NULL,
    chat          TEXT    NOT NULL,
    reporter      TEXT    NOT NULL,
    reporter_name TEXT    NOT NULL,
    text          TEXT    NOT NULL,
    category      TEXT    NOT NULL,
    urgent        INTEGER NOT NULL DEFAULT 0,
    location      TEXT,
    keywords      TEXT    NOT NULL DEFAULT '[]',   -- JSON list
    status        TEXT    NOT NULL DEFAULT 'new',
    assignee      TEXT,
    note          TEXT,
    duplicate_of  INTEGER,
    escalation    INTEGER NOT NULL DEFAULT 0,      -- 0 none, 1 grid worker, 2 office
    paused_at     REAL,                            -- set while waiting (the clock is paused)
    paused_seconds REAL   NOT NULL DEFAULT 0,      -- total time spent waiting so far
    created_at    REAL    NOT NULL,
    updated_at    REAL    NOT NULL,
    acked_at      REAL,
    resolved_at   REAL,
    closed_at     REAL
);
CREATE INDEX issues_building_status ON issues (building, status);
CREATE INDEX issues_reporter ON issues (reporter);

CREATE TABLE issue_followers (
    issue INTEGER NOT NULL,
    user  TEXT    NOT NULL,
    name  TEXT    NOT NULL,
    PRIMARY KEY (issue, user)
);
CREATE INDEX issue_followers_user ON issue_followers (user);

CREATE TABLE issue_log (
    id     INTEGER PRIMARY KEY,
    issue  INTEGER NOT NULL,
    at     REAL    NOT NULL,
    actor  TEXT    NOT NULL,
    action TEXT    NOT NULL,
    note   TEXT
);
CREATE INDEX issue_log_issue ON issue_log (issue);
