package store

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/datelinenews/dateline/internal/article"
)

// searchEngine is the engine-specific half of full-text search
// (search_sqlite.go, search_postgres.go). Visibility and filters are
// written once, by searchSQL.
type searchEngine interface {
	// from names the tables searched; articles must be aliased a.
	from() string
	// match is the condition "the story matches", with ? for matchArg.
	match() string
	matchArg(terms []string) any
	// page returns the ids of one page of matches, best first, and how many
	// match, counted up to q.Cap()+1 (zero when the page is empty).
	page(ctx context.Context, s *Store, q article.SearchQuery, from, where string, args []any) (ids []int64, total int, err error)
	// marked returns, for each id, the headline, standfirst and body with
	// matches between markOpen and markClose, trimmed to snippets.
	marked(ctx context.Context, s *Store, arg any, ids []int64) (map[int64][3]string, error)
}

// The markers around matches in the engines' snippets: control characters
// that do not occur in stories. Should one be stored anyway, it can only
// misplace a highlight, as snippets become spans of escaped text.
const (
	markOpen  = "\x02"
	markClose = "\x03"
)

func (s *Store) searchEngine() searchEngine {
	if s.engine == Postgres {
		return postgresSearch{}
	}
	return sqliteSearch{}
}

// SearchArticles returns one page of visible stories matching q's words,
// best first, with their matches marked, and how many match (up to
// the query's cap).
func (s *Store) SearchArticles(ctx context.Context, q article.SearchQuery) (article.SearchResult, error) {
	terms := q.Terms()
	if len(terms) == 0 {
		return article.SearchResult{}, nil
	}
	if q.Limit <= 0 {
		q.Limit = 10
	}
	eng := s.searchEngine()
	arg := eng.matchArg(terms)
	from, where, args := searchSQL(eng, q, arg)
	ids, total, err := eng.page(ctx, s, q, from, where, args)
	if err == nil && len(ids) == 0 && q.Offset > 0 {
		// A page past the last: the count came with the rows, so ask for it.
		total, err = s.countMatches(ctx, q, from, where, args)
	}
	if err != nil {
		return article.SearchResult{}, fmt.Errorf("search: %w", err)
	}
	res := article.SearchResult{Total: min(total, q.Cap()), More: total > q.Cap()}
	if len(ids) == 0 {
		return res, nil
	}
	res.Hits, err = s.searchHits(ctx, eng, arg, ids)
	return res, err
}

// searchSQL returns the FROM and WHERE of a search and their arguments,
// the match argument last.
func searchSQL(eng searchEngine, q article.SearchQuery, arg any) (from, where string, args []any) {
	where, args = filterSQL(article.Filter{Now: q.Now, SectionID: q.SectionID, AuthorID: q.AuthorID})
	add := func(cond string, v any) {
		args = append(args, v)
		where += " AND " + strings.ReplaceAll(cond, "?", "$"+strconv.Itoa(len(args)))
	}
	if !q.From.IsZero() {
		add("a.published_at >= ?", utc(q.From))
	}
	if !q.To.IsZero() {
		add("a.published_at < ?", utc(q.To))
	}
	add(eng.match(), arg)
	return eng.from(), where, args
}

// queryIDs runs a query whose first column is an id and whose second,
// if any, is the same count on every row.
func (s *Store) queryIDs(ctx context.Context, query string, args ...any) (ids []int64, count int, err error) {
	rows, err := s.read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, 0, err
	}
	err = scanEach(rows, func(r *sql.Rows) error {
		var id int64
		err := r.Scan(&id, &count)
		ids = append(ids, id)
		return err
	})
	return ids, count, err
}

// countMatches counts a search's matches up to the query's cap plus one:
// enough to say "more", without walking every match of a common word.
func (s *Store) countMatches(ctx context.Context, q article.SearchQuery, from, where string, args []any) (int, error) {
	var n int
	err := s.read.QueryRowContext(ctx, fmt.Sprintf(`SELECT COUNT(*) FROM (SELECT 1 FROM %s%s LIMIT %d) c`,
		from, where, q.Cap()+1), args...).Scan(&n)
	return n, err
}

// pageArgs appends LIMIT and OFFSET arguments and returns their placeholders.
func pageArgs(args []any, q article.SearchQuery) ([]any, string) {
	n := len(args)
	return append(args, q.Limit, q.Offset), fmt.Sprintf(" LIMIT $%d OFFSET $%d", n+1, n+2)
}

// searchHits loads the stories of a page, in rank order, through the same
// scan and fill as every list, and adds their snippets.
func (s *Store) searchHits(ctx context.Context, eng searchEngine, arg any, ids []int64) ([]article.SearchHit, error) {
	list, err := s.articlesByIDs(ctx, ids)
	if err != nil {
		return nil, err
	}
	marked, err := eng.marked(ctx, s, arg, ids)
	if err != nil {
		return nil, fmt.Errorf("search snippets: %w", err)
	}
	hits := make([]article.SearchHit, 0, len(list))
	for _, a := range list {
		m := marked[a.ID]
		hit := article.SearchHit{Article: a, Headline: parseMarked(m[0])}
		if hit.Headline.Text() != a.Headline {
			hit.Headline = article.Snippet{{Text: a.Headline}} // the engine lost some text: show it plain
		}
		hit.Snippet = chooseSnippet(parseMarkdownSnippet(m[1]), parseMarkdownSnippet(m[2]))
		hits = append(hits, hit)
	}
	return hits, nil
}

// articlesByIDs loads visible-or-not articles by id, in the order given;
// a story deleted in between is left out.
func (s *Store) articlesByIDs(ctx context.Context, ids []int64) ([]article.Article, error) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.read.QueryContext(ctx, articleSelect+` WHERE a.id IN (`+placeholders(1, len(ids))+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("load search hits: %w", err)
	}
	byID := map[int64]article.Article{}
	err = scanEach(rows, func(r *sql.Rows) error {
		a, err := scanArticle(r)
		byID[a.ID] = a
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("load search hits: %w", err)
	}
	list := make([]article.Article, 0, len(ids))
	for _, id := range ids {
		if a, ok := byID[id]; ok {
			list = append(list, a)
		}
	}
	return list, s.fillArticles(ctx, list)
}

// chooseSnippet prefers the standfirst when the match is there, then the
// body; with no match in either (a headline-only match) it shows the
// standfirst, or failing that the body's opening words.
func chooseSnippet(standfirst, body article.Snippet) article.Snippet {
	switch {
	case standfirst.HasMatch():
		return standfirst
	case body.HasMatch():
		return body
	case len(standfirst) > 0:
		return standfirst
	}
	return body
}

// parseMarked cuts engine output into spans at the match markers.
func parseMarked(s string) article.Snippet {
	var out article.Snippet
	inMatch := false
	for s != "" {
		marker := markOpen
		if inMatch {
			marker = markClose
		}
		text, rest, found := strings.Cut(s, marker)
		// A stray marker of the other kind is dropped, never shown.
		text = strings.NewReplacer(markOpen, "", markClose, "").Replace(text)
		if text != "" {
			out = append(out, article.Span{Text: text, Match: inMatch})
		}
		if !found {
			break
		}
		s, inMatch = rest, !inMatch
	}
	return out
}

// Markdown punctuation that means nothing to a reader of a snippet: link
// and image brackets with their targets, emphasis, code ticks, and the
// markers of headings, quotes and lists at the start of a line.
var (
	markdownNoise = regexp.MustCompile("!?\\[|\\]\\([^)\\s]*\\)?|\\]|\\*{1,3}|_{2,3}|`+")
	markdownLine  = regexp.MustCompile(`(?m)^[ \t]*(?:#{1,6}|>|[-+*]|\d+[.)])[ \t]+`)
	spaces        = regexp.MustCompile(`\s+`)
)

// parseMarkdownSnippet turns a marked snippet of Markdown into spans of
// the words a reader sees.
func parseMarkdownSnippet(s string) article.Snippet {
	spans := parseMarked(strings.TrimSpace(markdownLine.ReplaceAllString(s, "")))
	out := spans[:0]
	for _, sp := range spans {
		sp.Text = spaces.ReplaceAllString(markdownNoise.ReplaceAllString(sp.Text, ""), " ")
		if sp.Text != "" {
			out = append(out, sp)
		}
	}
	return out
}

// scanMarked reads a snippet query's rows, the same on both engines: an
// id and its marked headline, standfirst and body.
func scanMarked(rows *sql.Rows, err error) (map[int64][3]string, error) {
	if err != nil {
		return nil, err
	}
	out := map[int64][3]string{}
	err = scanEach(rows, func(r *sql.Rows) error {
		var id int64
		var m [3]string
		err := r.Scan(&id, &m[0], &m[1], &m[2])
		out[id] = m
		return err
	})
	return out, err
}
