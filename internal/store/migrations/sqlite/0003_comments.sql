-- Reader comments. The email is kept for moderation and never published;
-- the client address only as a keyed hash, erased after the retention time.
CREATE TABLE comments (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    parent_id    INTEGER REFERENCES comments (id) ON DELETE SET NULL,
    depth        INTEGER NOT NULL DEFAULT 1,
    author_name  TEXT NOT NULL,
    author_email TEXT NOT NULL,
    author_url   TEXT NOT NULL DEFAULT '',
    body         TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'spam', 'trash')),
    from_staff   BOOLEAN NOT NULL DEFAULT FALSE,
    user_id      INTEGER REFERENCES users (id) ON DELETE SET NULL,
    client_hash  TEXT NOT NULL DEFAULT '',
    spam_score   REAL NOT NULL DEFAULT 0,
    reason       TEXT NOT NULL DEFAULT '',
    created_at   DATETIME NOT NULL,
    updated_at   DATETIME NOT NULL
);
CREATE INDEX comments_by_article ON comments (article_id, status, created_at);
CREATE INDEX comments_by_status ON comments (status, created_at);
CREATE INDEX comments_by_email ON comments (author_email, status);
CREATE INDEX comments_by_client ON comments (client_hash, created_at);
