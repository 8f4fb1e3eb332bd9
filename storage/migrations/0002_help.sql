-- Help between neighbours (握手行动): offers, requests, candidates, consent questions.

-- What a resident can do or lend. ``skills`` is a JSON list of the words they used.
CREATE TABLE help_offers (
    id          INTEGER PRIMARY KEY,
    user        TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    building    TEXT,
    skills      TEXT    NOT NULL,
    note        TEXT,
    created_at  REAL    NOT NULL,
    expires_at  REAL    NOT NULL,
    status      TEXT    NOT NULL DEFAULT 'active'   -- active | removed
);
CREATE INDEX help_offers_user ON help_offers (user);
CREATE INDEX help_offers_active ON help_offers (expires_at) WHERE status = 'active';

-- One row per person who used the help feature: how to reach them, opt-outs, load spreading.
CREATE TABLE help_profiles (
    user            TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    building        TEXT,
    contact         TEXT,             -- what they agreed to share; NULL: private chat only
    hide_in_thanks  INTEGER NOT NULL DEFAULT 0,
    last_helped_at  REAL,
    prompt_declined_at REAL           -- said no to "register this offer?"
);

-- A question "register this as an offer?" waiting for the person's yes.
CREATE TABLE help_pending_offers (
    user      TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    building  TEXT,
    skills    TEXT NOT NULL,
    note      TEXT,
    asked_at  REAL NOT NULL
);

CREATE TABLE help_requests (
    number          INTEGER PRIMARY KEY,   -- contract: numbered from 1, apart from issues
    requester       TEXT    NOT NULL,      -- '' once forgotten
    requester_name  TEXT    NOT NULL,
    building        TEXT,
    chat            TEXT    NOT NULL,      -- where it was asked
    text            TEXT    NOT NULL,
    skills          TEXT    NOT NULL,      -- JSON list of canonical skills
    status          TEXT    NOT NULL,      -- searching | waiting | posted | connected | done | cancelled
    helper          TEXT,
    helper_name     TEXT,
    helper_building TEXT,
    created_at      REAL    NOT NULL,
    updated_at      REAL    NOT NULL,
    connected_at    REAL,
    closed_at       REAL
);
CREATE INDEX help_requests_requester ON help_requests (requester);
CREATE INDEX help_requests_done ON help_requests (closed_at) WHERE status = 'done';

-- Who was asked to help with a request, and what they said.
CREATE TABLE help_candidates (
    request     INTEGER NOT NULL,
    user        TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    status      TEXT    NOT NULL,   -- notified | declined | expired | accepted | taken | closed
    notified_at REAL    NOT NULL,
    PRIMARY KEY (request, user)
);
CREATE INDEX help_candidates_user ON help_candidates (user);
