-- The spam filter: a blocklist that moderators edit, and what the naive
-- Bayes filter has learned from their decisions.

-- Values are stored normalized (lower case, ranges masked), so a duplicate
-- is refused by the unique key.
CREATE TABLE spam_blocklist (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('word', 'url', 'email', 'network')),
    value      TEXT NOT NULL CHECK (value <> ''),
    note       TEXT NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL,
    UNIQUE (kind, value)
);

-- How many learned spam and ham messages contained each token.
CREATE TABLE spam_tokens (
    token TEXT PRIMARY KEY,
    spam  INTEGER NOT NULL DEFAULT 0,
    ham   INTEGER NOT NULL DEFAULT 0
);

-- How many spam and ham messages were learned: always one row.
CREATE TABLE spam_totals (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    spam INTEGER NOT NULL,
    ham  INTEGER NOT NULL
);
INSERT INTO spam_totals (id, spam, ham) VALUES (1, 0, 0);
