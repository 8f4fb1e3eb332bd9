-- Indexes for the hot paths (issue 18; bench/realpath.py). Every query the message loop,
-- the ticks and delivery run must find its rows through an index, not by scanning a table
-- that grows with the district's history (tests/storage/test_query_plans.py checks it).

-- What is due in the outbox for every platform at once (replay, the local chat): the
-- partial index outbox_pending needs a platform.
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status = 'pending';
-- Rows a killed process was sending, put back in the queue at start-up.
CREATE INDEX outbox_sending ON outbox (platform) WHERE status = 'sending';

-- The residents of a building (polls).
CREATE INDEX residents_building ON residents (building);

-- Help matching reads only the offers that can answer a request: those of the requester's
-- building (the default scope) ...
CREATE INDEX help_offers_building ON help_offers (building) WHERE status = 'active';
CREATE INDEX help_profiles_building ON help_profiles (building);

-- ... or, community-wide, those offering a matching word: one row per word of each offer.
CREATE TABLE help_offer_words (
    word  TEXT    NOT NULL,
    offer INTEGER NOT NULL,
    PRIMARY KEY (word, offer)
);
CREATE INDEX help_offer_words_offer ON help_offer_words (offer);
-- Every word ever offered: the vocabulary a request's skills are compared with (bounded by
-- the district's skills, not by the number of offers).
CREATE TABLE help_words (word TEXT PRIMARY KEY);
INSERT OR IGNORE INTO help_offer_words (word, offer)
    SELECT j.value, o.id FROM help_offers o, json_each(o.skills) j WHERE o.status = 'active';
INSERT OR IGNORE INTO help_words (word) SELECT DISTINCT word FROM help_offer_words;

-- Pending notices of one recipient (handlers/issue_notices.py gathers them into one
-- message): found by the recipient in the payload, not by decoding every pending notice.
CREATE INDEX timers_to ON timers (kind, json_extract(payload, '$.to')) WHERE done = 0;
