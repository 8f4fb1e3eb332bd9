-- Several workers on one database (PostgreSQL; issue 19).
--
-- A worker claims an outbox row for itself and for a while: claimed_by names the worker,
-- claimed_until is when the claim lapses. A worker killed between claiming and marking a
-- row sent leaves it 'sending'; once claimed_until has passed, the worker serving the chat
-- takes it over (sends it again: at-least-once). On SQLite (one process) the claim stays
-- as before: rows 'sending' at start-up are put back at once.
ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
ALTER TABLE outbox ADD COLUMN claimed_until REAL;
CREATE INDEX outbox_lapsed ON outbox (claimed_until) WHERE status = 'sending';

-- Which platform account sends to a chat when a platform has several accounts
-- ([[telegram.accounts]], [[wechat.accounts]]): a building's group chats and its staff's
-- private chats follow the config (learned = 0, rewritten at every start); a private chat
-- follows the account the person last wrote to privately (learned = 1). A chat without a
-- row goes to the platform's first account (storage/routes.py).
CREATE TABLE chat_routes (
    chat    TEXT PRIMARY KEY,
    account TEXT NOT NULL,
    learned INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX chat_routes_account ON chat_routes (account);
