-- The front page looks for its pinned lead story on every render: with no
-- lead pinned, that query read every story. A partial index holds only the
-- pinned ones.
CREATE INDEX articles_leads ON articles (status, published_at DESC, id DESC) WHERE is_lead;
