-- Labelled examples from staff corrections (/report as a reply, /notissue, /recat):
-- `linli learn` retrains the community's understanding model on them.
CREATE TABLE understanding_examples (
    id        INTEGER PRIMARY KEY,
    text      TEXT    NOT NULL,
    intent    TEXT    NOT NULL,             -- report | help_request | offer | chat
    category  TEXT,                         -- for reports
    urgent    INTEGER NOT NULL DEFAULT 0,
    source    TEXT    NOT NULL,             -- report_reply | notissue | recat
    issue     INTEGER,
    actor     TEXT    NOT NULL,
    at        REAL    NOT NULL
);
CREATE INDEX understanding_examples_issue ON understanding_examples (issue);
