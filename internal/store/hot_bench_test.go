package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/comment"
)

// The hot set's size: lookups here go through indexes, whose cost grows
// with the logarithm of the table, so 20,000 stories and 200,000 comments
// show the same per-query work as bench/run's 100,000 and 1,000,000 while
// seeding in seconds rather than minutes.
const (
	hotStories  = 20_000
	hotComments = 10 // per story
)

// BenchmarkHotQueries times the queries behind every public page view on
// SQLite: a story by its URL's slug, the front page's lists (lead, latest,
// a section's row), the section list, and a story's comment thread.
//
//	go test ./internal/store -run '^$' -bench HotQueries
func BenchmarkHotQueries(b *testing.B) {
	ctx := context.Background()
	st, err := Open(ctx, "", b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	sections, _ := seedBenchStories(b, st, hotStories)
	if _, err := st.write.ExecContext(ctx, `UPDATE articles SET is_lead = TRUE WHERE id = $1`, hotStories/2); err != nil {
		b.Fatal(err)
	}
	seedHotComments(b, st)
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

	cases := []struct {
		name string
		run  func(i int) error
	}{
		{"article-by-slug", func(i int) error {
			_, err := st.ArticleBySlug(ctx, fmt.Sprintf("story-%d", i%hotStories))
			return err
		}},
		{"front-lead", func(int) error {
			return want(st.ListArticles(ctx, article.Filter{Now: now, LeadOnly: true, Limit: 1}))
		}},
		{"front-latest", func(int) error {
			return want(st.ListArticles(ctx, article.Filter{Now: now, ExcludeIDs: []int64{hotStories / 2}, Limit: 6}))
		}},
		{"front-section", func(i int) error {
			return want(st.ListArticles(ctx, article.Filter{Now: now, SectionID: sections[i%len(sections)],
				ExcludeIDs: []int64{1, 2, 3, 4, 5, 6, 7}, Limit: 4}))
		}},
		{"sections", func(int) error {
			_, err := st.ListSections(ctx)
			return err
		}},
		{"comment-thread", func(i int) error {
			list, err := st.ListComments(ctx, int64(1+i%hotStories), comment.Approved)
			if err == nil && len(list) == 0 {
				err = fmt.Errorf("story %d has no comments", 1+i%hotStories)
			}
			return err
		}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if err := c.run(i); err != nil {
					b.Fatal(err)
				}
				i += 7919 // a prime stride: a different story each time, not the cache's favourite
			}
		})
	}
}

// want fails a list query that found nothing: an empty front page would
// time the wrong thing.
func want(list []article.Article, err error) error {
	if err == nil && len(list) == 0 {
		return fmt.Errorf("no stories listed")
	}
	return err
}

// seedHotComments gives every story hotComments approved comments.
func seedHotComments(b *testing.B, st *Store) {
	ctx := context.Background()
	t0 := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	batch := make([]comment.Comment, 0, hotComments*1000)
	for id := int64(1); id <= hotStories; id++ {
		for k := range hotComments {
			at := t0.Add(time.Duration(k) * time.Minute)
			batch = append(batch, comment.Comment{ArticleID: id, Depth: 1, AuthorName: "Reader",
				AuthorEmail: fmt.Sprintf("reader%d@example.org", k), Body: "The harvest came in early.",
				Status: comment.Approved, CreatedAt: at, UpdatedAt: at})
		}
		if len(batch) == cap(batch) || id == hotStories {
			if err := st.ImportComments(ctx, batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
}
