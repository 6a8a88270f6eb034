-- Ways to give, listed on the Support page in the newsroom's order, and the
-- keys that open the read-only Content API. A key is kept only as the
-- SHA-256 of its secret, in hex; its prefix helps staff tell keys apart.
CREATE TABLE support_methods (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('link', 'bank', 'crypto')),
    position   INTEGER NOT NULL DEFAULT 0,
    label      TEXT NOT NULL DEFAULT '',
    url        TEXT NOT NULL DEFAULT '',
    note       TEXT NOT NULL DEFAULT '',
    holder     TEXT NOT NULL DEFAULT '',
    account    TEXT NOT NULL DEFAULT '',
    bic        TEXT NOT NULL DEFAULT '',
    bank       TEXT NOT NULL DEFAULT '',
    reference  TEXT NOT NULL DEFAULT '',
    currency   TEXT NOT NULL DEFAULT '',
    address    TEXT NOT NULL DEFAULT '',
    network    TEXT NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL
);

CREATE TABLE api_keys (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    prefix       TEXT NOT NULL,
    secret_hash  TEXT NOT NULL UNIQUE,
    created_by   INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at   DATETIME NOT NULL,
    last_used_at DATETIME,
    revoked_at   DATETIME
);
