-- Moving in from WordPress. import_map remembers which Dateline row each
-- imported WordPress object became, per site and kind, so running the same
-- import again updates in place instead of creating duplicates; checksum
-- tells an unchanged object from an edited one. redirects keeps the old
-- site's addresses (permalinks, ?p=ID) answering with a 301.
CREATE TABLE import_map (
    source      TEXT NOT NULL,
    kind        TEXT NOT NULL,
    wp_id       TEXT NOT NULL,
    dateline_id BIGINT NOT NULL DEFAULT 0,
    target      TEXT NOT NULL DEFAULT '',
    checksum    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (source, kind, wp_id)
);

CREATE TABLE redirects (
    old_path   TEXT PRIMARY KEY,
    article_id BIGINT REFERENCES articles (id) ON DELETE CASCADE,
    page_id    BIGINT REFERENCES pages (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    CHECK ((article_id IS NULL) <> (page_id IS NULL))
);
CREATE INDEX redirects_by_article ON redirects (article_id);
CREATE INDEX redirects_by_page ON redirects (page_id);
