package server_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/comment"
	"github.com/datelinenews/dateline/internal/store/storetest"
)

// BenchmarkPages renders public pages through the real router over the
// demo newsroom on SQLite: an article with 40 approved comments, plain
// and gzipped, and the front page. bench/run measures the same pages over
// HTTP with 100,000 stories; this isolates the handler's own cost.
//
//	go test ./internal/server -run '^$' -bench Pages
func BenchmarkPages(b *testing.B) {
	st := storetest.OpenSQLite(b)
	a := newApp(b, st)
	ctx := context.Background()
	list, _, err := a.articles.List(ctx, article.Filter{Now: now, Limit: 1})
	if err != nil || len(list) == 0 {
		b.Fatalf("no published story to measure: %v", err)
	}
	story := list[0]
	comments := make([]comment.Comment, 40)
	for i := range comments {
		at := now.Add(-time.Duration(40-i) * time.Minute)
		comments[i] = comment.Comment{ArticleID: story.ID, Depth: 1, AuthorName: fmt.Sprintf("Reader %d", i),
			AuthorEmail: fmt.Sprintf("reader%d@example.org", i), Status: comment.Approved, CreatedAt: at, UpdatedAt: at,
			Body: "The wheat harvest came in early this year, and prices at the *Herat* market fell.\n\nSee https://example.org for more."}
	}
	if err := st.ImportComments(ctx, comments); err != nil {
		b.Fatal(err)
	}
	path := story.Path(time.UTC)
	for _, c := range []struct{ name, path, encoding string }{
		{"article", path, ""},
		{"article-gzip", path, "gzip, deflate, br"},
		{"front", "/", ""},
		{"front-gzip", "/", "gzip, deflate, br"},
	} {
		b.Run(c.name, func(b *testing.B) {
			benchGet(b, a.handler, c.path, c.encoding)
		})
	}
}

// benchGet sends the same GET through h b.N times and fails on anything but 200.
func benchGet(b *testing.B, h http.Handler, path, encoding string) {
	b.ReportAllocs()
	var size int
	for b.Loop() {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		if encoding != "" {
			req.Header.Set("Accept-Encoding", encoding)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("GET %s: %d", path, rec.Code)
		}
		size = rec.Body.Len()
	}
	b.ReportMetric(float64(size), "bytes/page")
}
