package pagecache

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
)

// BenchmarkHit serves a 40 kB page from the cache, brotli-compressed.
func BenchmarkHit(b *testing.B) {
	c := New(Options{MaxBytes: 64 << 20})
	h := c.Middleware(Rules{}, &page{size: 40_000})
	req := httptest.NewRequest(http.MethodGet, "/2026/11/25/story/", nil)
	req.Header.Set("Accept-Encoding", "gzip, deflate, br")
	h.ServeHTTP(httptest.NewRecorder(), req)
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Header().Get("X-Cache") != "hit" {
			b.Fatal("missed")
		}
	}
}

// BenchmarkFill measures a miss: the cost of storing a 40 kB page, mostly
// compressing it once in gzip and brotli.
func BenchmarkFill(b *testing.B) {
	c := New(Options{MaxBytes: 64 << 20})
	h := c.Middleware(Rules{}, &page{size: 40_000})
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/story/"+strconv.Itoa(i), nil))
	}
}
