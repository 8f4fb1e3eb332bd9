-- Replies to the bot's own messages ("收到" in reply to the message about issue 3): the id of
-- the message replied to is kept with the incoming message, and the platform id of each sent
-- message that is about an issue, event or request is kept with the numbers it carried.
ALTER TABLE inbox ADD COLUMN reply_to TEXT;
CREATE TABLE sent_messages (
    chat       TEXT NOT NULL,
    message_id TEXT NOT NULL,
    refs       TEXT NOT NULL,  -- JSON {"issue": 3, "issues": [3, 4], "event": 1, ...}
    PRIMARY KEY (chat, message_id)
);
