package store

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/datelinenews/dateline/internal/article"
)

// sqliteSearch searches the FTS5 index articles_fts (migration 0006),
// which triggers keep in step with articles.
type sqliteSearch struct{}

// from makes the full-text index the outer loop: CROSS JOIN fixes
// SQLite's join order. With a plain JOIN the planner walked articles by
// status and ran the match once per story: seconds a query at 100,000
// stories (BenchmarkSearch). Each match's visibility and filters are then
// read from the covering index articles_search_filter (migration 0006),
// not from the article rows, which carry whole bodies: that halved the
// time of a common word's search.
func (sqliteSearch) from() string {
	return `articles_fts CROSS JOIN articles a INDEXED BY articles_search_filter ON a.id = articles_fts.rowid`
}

func (sqliteSearch) match() string { return `articles_fts MATCH ?` }

func (sqliteSearch) matchArg(terms []string) any { return fts5Query(terms) }

// sqliteRanked is the search: the newest matches that may be shown (the
// FTS5 index walks its rowids, the story ids, backwards and stops after
// article.MaxSearchMatches+1), then those ranked. Only the rows kept get
// their bm25 computed, so a word in most stories costs what a word in
// 2,000 does. The ranking puts stories with a word in the headline first
// (bm25 with only the headline weighted is below zero exactly then), then
// ranks by bm25 weighing a headline match ten times one in the body, and
// one in the standfirst three times (bm25 is lower for better matches).
// The first key is needed because bm25 adds weighted counts before it
// saturates: a long body repeating a word would otherwise outrank a
// headline. Past article.MaxSearchMatches, the oldest candidate (the one
// counted only to know there are more) is left out.
const sqliteRanked = `WITH m AS MATERIALIZED (
    SELECT articles_fts.rowid AS id,
           bm25(articles_fts, 1.0, 0.0, 0.0) < 0 AS in_headline,
           bm25(articles_fts, 10.0, 3.0, 1.0) AS score,
           a.published_at AS published_at
      FROM %s%s
     ORDER BY articles_fts.rowid DESC LIMIT %d),
  n AS (SELECT COUNT(*) AS total, MIN(id) AS oldest FROM m)
SELECT m.id, n.total FROM m CROSS JOIN n
 WHERE n.total <= %d OR m.id > n.oldest
 ORDER BY m.in_headline DESC, m.score, m.published_at DESC, m.id DESC`

func (sqliteSearch) page(ctx context.Context, s *Store, q article.SearchQuery, from, where string, args []any) ([]int64, int, error) {
	args, limit := pageArgs(args, q)
	query := fmt.Sprintf(sqliteRanked, from, where, q.Cap()+1, q.Cap()) + limit
	return s.queryIDs(ctx, query, args...)
}

// fts5Query writes terms as FTS5 strings, which the engine reads as words
// to find, never as syntax: "AND", "NEAR(" or "col:x" inside quotes are
// only text. Space between strings means all must match.
func fts5Query(terms []string) string {
	quoted := make([]string, len(terms))
	for i, t := range terms {
		quoted[i] = `"` + strings.ReplaceAll(t, `"`, `""`) + `"`
	}
	return strings.Join(quoted, " ")
}

// The snippets: the headline whole, the standfirst and body cut to about
// this many words around the best matches.
const sqliteSnippets = `SELECT rowid,
       highlight(articles_fts, 0, $2, $3),
       snippet(articles_fts, 1, $2, $3, '…', 24),
       snippet(articles_fts, 2, $2, $3, '…', 32)
  FROM articles_fts
 WHERE articles_fts MATCH $1 AND rowid BETWEEN $4 AND $5 AND +rowid IN (`

// marked asks the index for a page's snippets in one query. FTS5 computes
// them only for the rows kept. The rowid range bounds one walk through
// the matches; the unary + keeps the id list out of the index, which would
// otherwise start the match over for each id (ten times the work).
func (sqliteSearch) marked(ctx context.Context, s *Store, arg any, ids []int64) (map[int64][3]string, error) {
	args := []any{arg, markOpen, markClose, slices.Min(ids), slices.Max(ids)}
	for _, id := range ids {
		args = append(args, id)
	}
	return scanMarked(s.read.QueryContext(ctx, sqliteSnippets+placeholders(6, len(ids))+`)`, args...))
}
