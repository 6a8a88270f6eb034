-- What the spam filter learned each comment as (0 nothing, 1 ham, 2 spam),
-- so a decision taken twice counts once and a reversed one moves the
-- comment's words from one side to the other.
ALTER TABLE comments ADD COLUMN learned SMALLINT NOT NULL DEFAULT 0;
