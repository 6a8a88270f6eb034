package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/datelinenews/dateline/internal/article"
)

// postgresSearch searches the generated tsvector column
// articles.search_vector (migrations 0006, 0011) through its GIN index.
// The 'simple' configuration lower-cases words without stemming, so Dari,
// Pashto and Russian stories are found as well as English ones; the text
// and the query are folded by fold_accents, so "café" and "cafe" find
// each other. (ts_headline reads the stored text, so a word typed without
// its accent finds the story but is not marked in the snippet.)
type postgresSearch struct{}

func (postgresSearch) from() string { return `articles a` }

func (postgresSearch) match() string {
	return `a.search_vector @@ plainto_tsquery('simple', fold_accents(?))`
}

// matchArg leaves the words to plainto_tsquery, which reads no operators
// and requires every word.
func (postgresSearch) matchArg(terms []string) any { return strings.Join(terms, " ") }

// pgRanked is the search, shaped as on SQLite (sqliteRanked): the newest
// matches that may be shown, up to the cap plus one, then those ranked by
// ts_rank, whose default weights count a headline match (A) at 1.0,
// standfirst (B) at 0.4 and body (C) at 0.2.
const pgRanked = `WITH m AS MATERIALIZED (
    SELECT a.id, a.published_at, a.search_vector
      FROM %s%s
     ORDER BY a.id DESC LIMIT %d),
  n AS (SELECT COUNT(*) AS total, MIN(id) AS oldest FROM m)
SELECT m.id, n.total FROM m CROSS JOIN n
 WHERE n.total <= %d OR m.id > n.oldest
 ORDER BY ts_rank(m.search_vector, plainto_tsquery('simple', fold_accents(%s))) DESC, m.published_at DESC, m.id DESC`

func (postgresSearch) page(ctx context.Context, s *Store, q article.SearchQuery, from, where string, args []any) ([]int64, int, error) {
	matchArg := "$" + strconv.Itoa(len(args))
	args, limit := pageArgs(args, q)
	return s.queryIDs(ctx, fmt.Sprintf(pgRanked, from, where, q.Cap()+1, q.Cap(), matchArg)+limit, args...)
}

// ts_headline options: the headline whole, the standfirst and body cut to
// up to two fragments around the matches.
const (
	pgHeadlineOpts = `StartSel=` + markOpen + `, StopSel=` + markClose + `, HighlightAll=true`
	pgSnippetOpts  = `StartSel=` + markOpen + `, StopSel=` + markClose +
		`, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`
)

// pgSnippets runs ts_headline only for one page of hits, as it re-reads
// each text whole.
const pgSnippets = `SELECT a.id,
       ts_headline('simple', a.headline, q.query, $2),
       ts_headline('simple', a.standfirst, q.query, $3),
       ts_headline('simple', a.body, q.query, $3)
  FROM articles a CROSS JOIN plainto_tsquery('simple', fold_accents($1)) AS q(query)
 WHERE a.id IN (`

func (postgresSearch) marked(ctx context.Context, s *Store, arg any, ids []int64) (map[int64][3]string, error) {
	args := []any{arg, pgHeadlineOpts, pgSnippetOpts}
	for _, id := range ids {
		args = append(args, id)
	}
	return scanMarked(s.read.QueryContext(ctx, pgSnippets+placeholders(4, len(ids))+`)`, args...))
}
