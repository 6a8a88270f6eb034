package pagecache

import (
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
)

// page is a handler that renders a numbered page and counts its renders.
type page struct {
	renders atomic.Int64
	size    int
	keys    string
	status  int
	header  map[string]string
	gate    chan struct{} // when set, renders wait for it
}

func (p *page) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := p.renders.Add(1)
	if p.gate != nil {
		<-p.gate
	}
	if r.Header.Get("Accept-Encoding") != "" || r.Header.Get("If-None-Match") != "" {
		http.Error(w, "the cache must render the plain request", http.StatusTeapot)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "public, max-age=60, stale-while-revalidate=600")
	if p.keys != "" {
		h.Set("Surrogate-Key", p.keys)
	}
	for k, v := range p.header {
		h.Set(k, v)
	}
	if p.status != 0 {
		w.WriteHeader(p.status)
	}
	body := "<p>" + r.URL.Path + " render " + string(rune('0'+n%10)) + "</p>" + strings.Repeat("news ", p.size/5)
	io.WriteString(w, body)
}

func get(t testing.TB, h http.Handler, target string, header ...string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func read(t testing.TB, res *http.Response) string {
	t.Helper()
	var r io.Reader = res.Body
	switch res.Header.Get("Content-Encoding") {
	case "gzip":
		zr, err := gzip.NewReader(res.Body)
		if err != nil {
			t.Fatal(err)
		}
		r = zr
	case "br":
		r = brotli.NewReader(res.Body)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var noRules = Rules{}

func TestHitMissAndPurgeByKey(t *testing.T) {
	t.Parallel()
	c := New(Options{MaxBytes: 1 << 20})
	a, b := &page{keys: "front article:1"}, &page{keys: "article:2"}
	mux := http.NewServeMux()
	mux.Handle("/a", a)
	mux.Handle("/b", b)
	h := c.Middleware(noRules, mux)
	for _, want := range []string{"miss", "hit", "hit"} {
		if got := get(t, h, "/a").Header.Get("X-Cache"); got != want {
			t.Fatalf("X-Cache = %q, want %q", got, want)
		}
	}
	get(t, h, "/b")
	c.Purge("article:1")
	if res := get(t, h, "/a"); res.Header.Get("X-Cache") != "miss" || !strings.Contains(read(t, res), "render 2") {
		t.Error("/a not rendered again after its key was purged")
	}
	if get(t, h, "/b").Header.Get("X-Cache") != "hit" || b.renders.Load() != 1 {
		t.Error("/b dropped by another page's key")
	}
	if got := get(t, h, "/a").Header.Get("Surrogate-Key"); got != "front article:1" {
		t.Errorf("Surrogate-Key = %q", got)
	}
	c.Purge("*")
	if get(t, h, "/b").Header.Get("X-Cache") != "miss" {
		t.Error("* did not drop everything")
	}
}

func TestQueryNormalised(t *testing.T) {
	t.Parallel()
	c := New(Options{MaxBytes: 1 << 20})
	p := &page{}
	h := c.Middleware(noRules, p)
	get(t, h, "/s?page=2&q=kabul")
	for _, target := range []string{"/s?q=kabul&page=2", "/s?page=2&utm_source=mail&q=kabul&fbclid=x"} {
		if get(t, h, target).Header.Get("X-Cache") != "hit" {
			t.Errorf("%s missed", target)
		}
	}
	if get(t, h, "/s?page=3&q=kabul").Header.Get("X-Cache") != "miss" {
		t.Error("another page of results was served from the cache")
	}
	if get(t, h, "http://other.example/s?page=2&q=kabul").Header.Get("X-Cache") != "miss" {
		t.Error("another host's copy was served")
	}
}

func TestByteBoundEvictsLeastRecentlyUsed(t *testing.T) {
	t.Parallel()
	c := New(Options{MaxBytes: 12_000})
	p := &page{size: 500} // under minCompress: identity only, about 800 bytes an entry
	h := c.Middleware(noRules, p)
	for i := range 40 {
		get(t, h, "/p"+strconv.Itoa(i))
		if i == 5 {
			get(t, h, "/p1") // fetched once more early on, then left
		}
		get(t, h, "/p0")
	}
	s := c.Stats()
	if s.Bytes > s.MaxBytes || s.Evicted == 0 || s.Entries >= 40 {
		t.Fatalf("stats after 40 pages in 12 kB: %+v", s)
	}
	if !c.Has(Key(httptest.NewRequest("GET", "/p0", nil))) {
		t.Error("the most used page was evicted")
	}
	if c.Has(Key(httptest.NewRequest("GET", "/p1", nil))) {
		t.Error("the least recently used page is still held")
	}
	big := &page{size: 20_000}
	if get(t, c.Middleware(noRules, big), "/big"); c.Has(Key(httptest.NewRequest("GET", "/big", nil))) {
		t.Error("an entry larger than the cache was kept")
	}
}

func TestEncodingNegotiation(t *testing.T) {
	t.Parallel()
	c := New(Options{MaxBytes: 1 << 20})
	p := &page{size: 20_000}
	h := c.Middleware(noRules, p)
	want := read(t, get(t, h, "/story"))
	cases := []struct{ accept, encoding string }{
		{"gzip, deflate, br, zstd", "br"},
		{"gzip, deflate", "gzip"},
		{"br;q=0, gzip", "gzip"},
		{"identity", ""},
		{"", ""},
		{"*", "br"},
		{"gzip;q=0, br;q=0", ""},
	}
	etags := map[string]bool{}
	for _, tc := range cases {
		res := get(t, h, "/story", "Accept-Encoding", tc.accept)
		if got := res.Header.Get("Content-Encoding"); got != tc.encoding {
			t.Errorf("Accept-Encoding %q: Content-Encoding %q, want %q", tc.accept, got, tc.encoding)
		}
		if res.Header.Get("Vary") != "Accept-Encoding" {
			t.Errorf("Vary = %q", res.Header.Get("Vary"))
		}
		if body := read(t, res); body != want {
			t.Errorf("Accept-Encoding %q: body differs from the page", tc.accept)
		}
		etags[res.Header.Get("ETag")] = true
	}
	if len(etags) != 3 {
		t.Errorf("want one ETag per encoding, got %v", etags)
	}
	if p.renders.Load() != 1 {
		t.Errorf("rendered %d times", p.renders.Load())
	}
	br := get(t, h, "/story", "Accept-Encoding", "br")
	if n := br.ContentLength; n <= 0 || n >= int64(len(want))/5 {
		t.Errorf("brotli body %d bytes of %d", n, len(want))
	}
}

func TestConditionalRequests(t *testing.T) {
	t.Parallel()
	c := New(Options{MaxBytes: 1 << 20})
	h := c.Middleware(noRules, &page{size: 4000})
	first := get(t, h, "/story", "Accept-Encoding", "gzip")
	etag := first.Header.Get("ETag")
	if !strings.HasSuffix(etag, `-gz"`) {
		t.Fatalf("ETag %q", etag)
	}
	res := get(t, h, "/story", "Accept-Encoding", "gzip", "If-None-Match", `"other", `+etag)
	if res.StatusCode != http.StatusNotModified || res.ContentLength > 0 {
		t.Errorf("matching If-None-Match: %d", res.StatusCode)
	}
	if res.Header.Get("ETag") != etag || res.Header.Get("Cache-Control") == "" {
		t.Errorf("304 headers: %v", res.Header)
	}
	if res := get(t, h, "/story", "Accept-Encoding", "br", "If-None-Match", etag); res.StatusCode != http.StatusOK {
		t.Errorf("a gzip ETag matched the brotli copy: %d", res.StatusCode)
	}
	lm := first.Header.Get("Last-Modified")
	if res := get(t, h, "/story", "If-Modified-Since", lm); res.StatusCode != http.StatusNotModified {
		t.Errorf("If-Modified-Since the last modification: %d", res.StatusCode)
	}
	old := time.Now().Add(-time.Hour).UTC().Format(http.TimeFormat)
	if res := get(t, h, "/story", "If-Modified-Since", old); res.StatusCode != http.StatusOK {
		t.Errorf("If-Modified-Since an hour ago: %d", res.StatusCode)
	}
	req := httptest.NewRequest(http.MethodHead, "/story", nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != 200 || rec.Body.Len() != 0 || rec.Header().Get("X-Cache") != "hit" {
		t.Errorf("HEAD: %d, %d bytes, %s", rec.Code, rec.Body.Len(), rec.Header().Get("X-Cache"))
	}
}

func TestWhatIsNeverStored(t *testing.T) {
	t.Parallel()
	cases := map[string]*page{
		"a cookie":       {header: map[string]string{"Set-Cookie": "a=b"}},
		"no-store":       {header: map[string]string{"Cache-Control": "no-store"}},
		"a server error": {status: http.StatusInternalServerError},
		"a bad request":  {status: http.StatusBadRequest},
	}
	for name, p := range cases {
		c := New(Options{MaxBytes: 1 << 20})
		h := c.Middleware(noRules, p)
		get(t, h, "/x")
		if res := get(t, h, "/x"); res.Header.Get("X-Cache") != "bypass" || p.renders.Load() != 2 {
			t.Errorf("%s: X-Cache %q after %d renders", name, res.Header.Get("X-Cache"), p.renders.Load())
		}
	}
	for _, status := range []int{http.StatusNotFound, http.StatusGone, http.StatusMovedPermanently} {
		c := New(Options{MaxBytes: 1 << 20})
		h := c.Middleware(noRules, &page{status: status})
		get(t, h, "/x")
		if res := get(t, h, "/x"); res.StatusCode != status || res.Header.Get("X-Cache") != "hit" {
			t.Errorf("status %d: %d, X-Cache %q", status, res.StatusCode, res.Header.Get("X-Cache"))
		}
	}
}

func TestRulesBypass(t *testing.T) {
	t.Parallel()
	c := New(Options{MaxBytes: 1 << 20})
	rules := Rules{SkipPrefixes: []string{"/admin/"}, PrivateParams: []string{"held"},
		PrivateCookies: []string{"session"}}
	p := &page{}
	h := c.Middleware(rules, p)
	get(t, h, "/story")
	bypass := []struct {
		target string
		header []string
	}{
		{"/admin/stories", nil},
		{"/story?held=abc", nil},
		{"/story", []string{"Cookie", "session=x"}},
		{"/story", []string{"Authorization", "Basic eDp5"}},
	}
	for _, b := range bypass {
		before := p.renders.Load()
		if res := get(t, h, b.target, b.header...); res.Header.Get("X-Cache") != "bypass" || p.renders.Load() != before+1 {
			t.Errorf("%s %v: X-Cache %q", b.target, b.header, res.Header.Get("X-Cache"))
		}
	}
	req := httptest.NewRequest(http.MethodPost, "/story", nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Header().Get("X-Cache") != "bypass" {
		t.Error("a POST went through the cache")
	}
	if get(t, h, "/story", "Cookie", "theme=dark").Header.Get("X-Cache") != "hit" {
		t.Error("an unrelated cookie bypassed the cache")
	}
}

func TestConcurrentMissesRenderOnce(t *testing.T) {
	t.Parallel()
	c := New(Options{MaxBytes: 1 << 20})
	p := &page{size: 3000, gate: make(chan struct{})}
	h := c.Middleware(noRules, p)
	const readers = 50
	var wg sync.WaitGroup
	bodies := make([]string, readers)
	for i := range readers {
		wg.Go(func() { bodies[i] = read(t, get(t, h, "/breaking", "Accept-Encoding", "gzip")) })
	}
	// Let every reader arrive before the one render finishes.
	for c.Stats().Waited < readers-1 {
		time.Sleep(time.Millisecond)
	}
	close(p.gate)
	wg.Wait()
	if n := p.renders.Load(); n != 1 {
		t.Fatalf("%d renders for %d concurrent readers", n, readers)
	}
	for _, b := range bodies {
		if b != bodies[0] || !strings.Contains(b, "render 1") {
			t.Fatal("a reader got a different page")
		}
	}
}

func TestPurgeDuringRenderIsNotStored(t *testing.T) {
	t.Parallel()
	c := New(Options{MaxBytes: 1 << 20})
	p := &page{gate: make(chan struct{})}
	h := c.Middleware(noRules, p)
	done := make(chan struct{})
	go func() { get(t, h, "/story"); close(done) }()
	for p.renders.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	c.Purge("article:1") // the page being rendered may show the old story
	close(p.gate)
	<-done
	p.gate = nil
	if get(t, h, "/story").Header.Get("X-Cache") != "miss" {
		t.Error("a render that raced a purge was stored")
	}
}

func TestEntriesExpire(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	c := New(Options{MaxBytes: 1 << 20, Life: time.Minute, Now: func() time.Time { return now }})
	h := c.Middleware(noRules, &page{})
	get(t, h, "/story")
	now = now.Add(59 * time.Second)
	if get(t, h, "/story").Header.Get("X-Cache") != "hit" {
		t.Error("a fresh entry missed")
	}
	now = now.Add(2 * time.Second)
	if get(t, h, "/story").Header.Get("X-Cache") != "miss" {
		t.Error("an expired entry was served")
	}
}

func TestDisabledCachePassesThrough(t *testing.T) {
	t.Parallel()
	p := &page{}
	h := New(Options{}).Middleware(noRules, p)
	get(t, h, "/story")
	if res := get(t, h, "/story"); res.Header.Get("X-Cache") != "" || p.renders.Load() != 2 {
		t.Error("a disabled cache answered")
	}
}

func TestPanicEndsTheRender(t *testing.T) {
	t.Parallel()
	c := New(Options{MaxBytes: 1 << 20})
	var calls atomic.Int64
	h := c.Middleware(noRules, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			panic("template bug")
		}
		w.Header().Set("Cache-Control", "public, max-age=60")
		io.WriteString(w, "fixed")
	}))
	func() {
		defer func() { recover() }()
		get(t, h, "/story")
	}()
	done := make(chan string)
	go func() { done <- read(t, get(t, h, "/story")) }()
	select {
	case b := <-done:
		if b != "fixed" {
			t.Errorf("body %q", b)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a request waited for a render that panicked")
	}
}
