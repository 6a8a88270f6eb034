package server_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/datelinenews/dateline/internal/blob/disk"
	"github.com/datelinenews/dateline/internal/server"
	"github.com/datelinenews/dateline/internal/store/storetest"
)

// BenchmarkArticlePage serves one article page to readers whose browsers
// accept brotli, from the page cache and, for comparison, rendered each time.
//
//	go test ./internal/server -run '^$' -bench ArticlePage
func BenchmarkArticlePage(b *testing.B) {
	a := newCachedApp(b, storetest.OpenSQLite(b))
	path := a.published(b)[0].Path(kabul())
	media, err := disk.New(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	uncached, err := server.Build(context.Background(), server.Deps{Store: a.st, Media: media, Log: testLogger(b), Now: func() time.Time { return *a.clock.Load() }})
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		h    http.Handler
	}{{"cached", a.handler}, {"rendered", uncached.Handler}} {
		b.Run(bc.name, func(b *testing.B) {
			req := httptest.NewRequest(http.MethodGet, path, nil)
			req.Header.Set("Accept-Encoding", "gzip, deflate, br")
			serve := func() int {
				rec := httptest.NewRecorder()
				bc.h.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatalf("status %d", rec.Code)
				}
				return rec.Body.Len()
			}
			b.SetBytes(int64(serve()))
			b.ReportAllocs()
			for b.Loop() {
				serve()
			}
		})
	}
}
