-- Old WordPress archive addresses keep working after a move: a redirect
-- may also lead to a section (category archives), a tag, an author page,
-- or a fixed address such as an imported media file.
ALTER TABLE redirects
    ADD COLUMN section_id  BIGINT REFERENCES sections (id) ON DELETE CASCADE,
    ADD COLUMN tag_id      BIGINT REFERENCES tags (id) ON DELETE CASCADE,
    ADD COLUMN author_id   BIGINT REFERENCES authors (id) ON DELETE CASCADE,
    ADD COLUMN target_path TEXT,
    DROP CONSTRAINT redirects_check,
    ADD CONSTRAINT redirects_one_target CHECK (num_nonnulls(article_id, page_id, section_id, tag_id, author_id, target_path) = 1);
CREATE INDEX redirects_by_section ON redirects (section_id);
CREATE INDEX redirects_by_tag ON redirects (tag_id);
CREATE INDEX redirects_by_author ON redirects (author_id);
