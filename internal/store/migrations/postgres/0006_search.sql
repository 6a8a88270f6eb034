-- Full-text search over stories: a tsvector the database computes from
-- each row, so it follows every insert and edit, and a GIN index over it.
-- Adding the column computes it for existing stories. Whether a story may
-- be shown is decided when searching, from status, time and trash.
-- The 'simple' configuration lower-cases words without stemming, which
-- suits every script (Dari, Pashto, Russian, English). Weights rank a
-- headline match (A) above the standfirst (B) and body (C). The body is
-- indexed up to 250,000 characters: a tsvector is limited to 1 MB, and a
-- longer (pathological) body must not make saving the story fail.
ALTER TABLE articles ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', headline), 'A') ||
    setweight(to_tsvector('simple', standfirst), 'B') ||
    setweight(to_tsvector('simple', left(body, 250000)), 'C')
) STORED;

CREATE INDEX articles_search ON articles USING GIN (search_vector);
