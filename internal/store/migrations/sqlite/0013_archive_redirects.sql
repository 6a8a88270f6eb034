-- Old WordPress archive addresses keep working after a move: a redirect
-- may also lead to a section (category archives), a tag, an author page,
-- or a fixed address such as an imported media file. SQLite cannot change
-- a table's CHECK, so the table is made again with its rows.
CREATE TABLE redirects_new (
    old_path    TEXT PRIMARY KEY,
    article_id  INTEGER REFERENCES articles (id) ON DELETE CASCADE,
    page_id     INTEGER REFERENCES pages (id) ON DELETE CASCADE,
    section_id  INTEGER REFERENCES sections (id) ON DELETE CASCADE,
    tag_id      INTEGER REFERENCES tags (id) ON DELETE CASCADE,
    author_id   INTEGER REFERENCES authors (id) ON DELETE CASCADE,
    target_path TEXT,
    created_at  DATETIME NOT NULL,
    CHECK ((article_id IS NOT NULL) + (page_id IS NOT NULL) + (section_id IS NOT NULL)
         + (tag_id IS NOT NULL) + (author_id IS NOT NULL) + (target_path IS NOT NULL) = 1)
);
INSERT INTO redirects_new (old_path, article_id, page_id, created_at)
  SELECT old_path, article_id, page_id, created_at FROM redirects;
DROP TABLE redirects;
ALTER TABLE redirects_new RENAME TO redirects;
CREATE INDEX redirects_by_article ON redirects (article_id);
CREATE INDEX redirects_by_page ON redirects (page_id);
CREATE INDEX redirects_by_section ON redirects (section_id);
CREATE INDEX redirects_by_tag ON redirects (tag_id);
CREATE INDEX redirects_by_author ON redirects (author_id);
