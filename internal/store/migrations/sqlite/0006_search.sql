-- Full-text search over stories. The FTS5 index reads its text from
-- articles (external content: nothing stored twice) and triggers keep it in
-- step with every insert, edit and delete. Whether a story may be shown
-- (status, publication time, trash) is decided when searching, by joining
-- articles, so publishing, unpublishing and trashing need no index work.
-- unicode61 with remove_diacritics 2 folds case and accents in any script:
-- Dari, Pashto, Russian and English words are all found.
CREATE VIRTUAL TABLE articles_fts USING fts5(
    headline, standfirst, body,
    content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, headline, standfirst, body)
    VALUES (new.id, new.headline, new.standfirst, new.body);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, headline, standfirst, body)
    VALUES ('delete', old.id, old.headline, old.standfirst, old.body);
END;

-- Every save sets the text columns; only a real change re-indexes.
CREATE TRIGGER articles_fts_update AFTER UPDATE OF headline, standfirst, body ON articles
WHEN old.headline IS NOT new.headline OR old.standfirst IS NOT new.standfirst OR old.body IS NOT new.body
BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, headline, standfirst, body)
    VALUES ('delete', old.id, old.headline, old.standfirst, old.body);
    INSERT INTO articles_fts (rowid, headline, standfirst, body)
    VALUES (new.id, new.headline, new.standfirst, new.body);
END;

-- What a search checks for every match, so it need not read the article
-- rows with their bodies: visibility, section and date.
CREATE INDEX articles_search_filter ON articles (id, status, published_at, trashed_at, section_id);

-- Index the stories written before this migration.
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
