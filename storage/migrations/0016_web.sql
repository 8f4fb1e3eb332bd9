-- One-time sign-in links for the office web console (docs/web.md). Only a hash of the token
-- is stored: a copy of the database does not let anyone sign in.
CREATE TABLE web_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    created_at REAL NOT NULL,
    expires_at REAL NOT NULL,
    used_at REAL
);
CREATE INDEX web_tokens_expiry ON web_tokens (expires_at);
