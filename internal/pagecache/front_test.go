package pagecache

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// door is a real server: the front door on a loopback listener, and
// net/http behind it running the cache's Middleware over p.
type testDoor struct {
	addr   string
	cache  *Cache
	page   *page
	srv    *http.Server
	mu     sync.Mutex
	served []Served // what the door answered itself
	now    time.Time
}

func startDoor(t *testing.T, rules Rules) *testDoor {
	t.Helper()
	d := &testDoor{page: &page{size: 3000, keys: "article:1"}, now: time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)}
	d.cache = New(Options{MaxBytes: 1 << 20, Now: func() time.Time { d.mu.Lock(); defer d.mu.Unlock(); return d.now }})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	d.addr = ln.Addr().String()
	front := d.cache.Listen(ln, FrontOptions{Rules: rules, RequestID: func() string { return "front-id" },
		Log:               func(s Served) { d.mu.Lock(); d.served = append(d.served, s); d.mu.Unlock() },
		ReadHeaderTimeout: 2 * time.Second, IdleTimeout: 5 * time.Second, WriteTimeout: 5 * time.Second})
	mux := http.NewServeMux()
	mux.Handle("POST /form", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		io.WriteString(w, "posted "+string(b))
	}))
	mux.Handle("/", d.page)
	d.srv = &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Request-Id", "server-id")
		d.cache.Middleware(rules, mux).ServeHTTP(w, r)
	})}
	go d.srv.Serve(front)
	t.Cleanup(func() { d.srv.Close() })
	return d
}

// answeredAtLeast waits, up to two seconds, until the door has logged n
// answers, and returns how many it logged: it logs an answer just after
// writing it, so the client may have read it a moment before.
func (d *testDoor) answeredAtLeast(n int) int {
	for deadline := time.Now().Add(2 * time.Second); len(d.answered()) < n && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
	return len(d.answered())
}

func (d *testDoor) answered() []Served {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]Served(nil), d.served...)
}

// exchange writes raw request bytes on c and reads n responses.
func exchange(t *testing.T, c net.Conn, br *bufio.Reader, raw string, methods ...string) []*http.Response {
	t.Helper()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.WriteString(c, raw); err != nil {
		t.Fatal(err)
	}
	var out []*http.Response
	for _, m := range methods {
		res, err := http.ReadResponse(br, &http.Request{Method: m})
		if err != nil {
			t.Fatalf("reading response %d to %q: %v", len(out)+1, raw, err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body = io.NopCloser(strings.NewReader(string(body)))
		out = append(out, res)
	}
	return out
}

func dial(t *testing.T, d *testDoor) (net.Conn, *bufio.Reader) {
	t.Helper()
	c, err := net.Dial("tcp", d.addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c, bufio.NewReader(c)
}

const getStory = "GET /story HTTP/1.1\r\nHost: news.example\r\nAccept-Encoding: gzip, deflate, br\r\n\r\n"

func TestFrontDoorAnswersHitsAsTheMiddlewareWould(t *testing.T) {
	d := startDoor(t, noRules)
	c, br := dial(t, d)
	miss := exchange(t, c, br, getStory, "GET")[0]
	if miss.Header.Get("X-Cache") != "miss" || len(d.answered()) != 0 {
		t.Fatalf("first request: X-Cache %q, door answered %d", miss.Header.Get("X-Cache"), len(d.answered()))
	}
	// The connection now belongs to net/http; a new one is the door's.
	c2, br2 := dial(t, d)
	hit := exchange(t, c2, br2, getStory, "GET")[0]
	if n := d.answeredAtLeast(1); n != 1 {
		t.Fatalf("the door answered %d requests, want 1", n)
	}
	viaServer := exchange(t, c, br, getStory, "GET")[0]
	if viaServer.Header.Get("X-Cache") != "hit" || len(d.answered()) != 1 {
		t.Fatalf("handed connection: X-Cache %q, door answered %d", viaServer.Header.Get("X-Cache"), len(d.answered()))
	}
	for name := range viaServer.Header {
		if name == "Date" || name == "X-Request-Id" {
			continue
		}
		if got, want := hit.Header.Values(name), viaServer.Header.Values(name); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s: door %q, server %q", name, got, want)
		}
	}
	if len(hit.Header) != len(viaServer.Header) {
		t.Errorf("door sent %d headers, server %d: %v vs %v", len(hit.Header), len(viaServer.Header), hit.Header, viaServer.Header)
	}
	if hit.Header.Get("X-Request-Id") != "front-id" || hit.Header.Get("Date") == "" {
		t.Errorf("per-answer headers: %v", hit.Header)
	}
	if a, b := read(t, hit), read(t, viaServer); a != b || !strings.Contains(a, "/story render 1") {
		t.Errorf("bodies differ or wrong: %.40q vs %.40q", a, b)
	}
	if hit.Header.Get("Content-Encoding") != "br" {
		t.Errorf("Content-Encoding %q, want br", hit.Header.Get("Content-Encoding"))
	}
	s := d.answered()[0]
	if s.Method != "GET" || s.Path != "/story" || s.Status != 200 || s.Bytes == 0 || s.RequestID != "front-id" {
		t.Errorf("logged %+v", s)
	}
	if st := d.cache.Stats(); st.Hits != 2 || st.Misses != 1 {
		t.Errorf("stats %+v, want 2 hits and 1 miss", st)
	}
}

func TestFrontDoorKeepAliveHeadAndPipelining(t *testing.T) {
	d := startDoor(t, noRules)
	c0, br0 := dial(t, d)
	exchange(t, c0, br0, getStory, "GET") // fills the cache

	c, br := dial(t, d)
	head := "HEAD /story HTTP/1.1\r\nHost: news.example\r\n\r\n"
	res := exchange(t, c, br, getStory+head+strings.Replace(getStory, "gzip, deflate, br", "gzip", 1), "GET", "HEAD", "GET")
	if n := d.answeredAtLeast(3); n != 3 {
		t.Fatalf("door answered %d of 3 pipelined requests", n)
	}
	if res[1].ContentLength <= 0 || res[1].Header.Get("Content-Encoding") != "" {
		t.Errorf("HEAD: length %d, encoding %q", res[1].ContentLength, res[1].Header.Get("Content-Encoding"))
	}
	if b, _ := io.ReadAll(res[1].Body); len(b) != 0 {
		t.Errorf("HEAD carried a body of %d bytes", len(b))
	}
	if res[2].Header.Get("Content-Encoding") != "gzip" || !strings.Contains(read(t, res[2]), "render 1") {
		t.Errorf("gzip answer: %v", res[2].Header)
	}
	// A form post on the same connection goes to net/http with its body,
	// and what follows it too.
	post := "POST /form HTTP/1.1\r\nHost: news.example\r\nContent-Length: 5\r\n\r\nhello"
	res = exchange(t, c, br, post+getStory, "POST", "GET")
	if read(t, res[0]) != "posted hello" || res[1].Header.Get("X-Cache") != "hit" || len(d.answered()) != 3 {
		t.Errorf("after a post: %q, X-Cache %q, door answered %d", read(t, res[0]), res[1].Header.Get("X-Cache"), len(d.answered()))
	}
}

func TestFrontDoorHandsOnWhatItMustNotAnswer(t *testing.T) {
	rules := Rules{PrivateCookies: []string{"session"}, PrivateParams: []string{"held"}, SkipPrefixes: []string{"/admin/"}}
	d := startDoor(t, rules)
	c0, br0 := dial(t, d)
	exchange(t, c0, br0, getStory, "GET")

	cases := []struct {
		name, raw, cache string
		status           int
	}{
		{"staff session", "GET /story HTTP/1.1\r\nHost: news.example\r\nCookie: a=1; session=x\r\n\r\n", "bypass", 200},
		{"conditional", "GET /story HTTP/1.1\r\nHost: news.example\r\nIf-None-Match: *\r\n\r\n", "hit", 304},
		{"private parameter", "GET /story?held=1 HTTP/1.1\r\nHost: news.example\r\n\r\n", "bypass", 200},
		{"skipped prefix", "GET /admin/x HTTP/1.1\r\nHost: news.example\r\n\r\n", "bypass", 200},
		{"credentials", "GET /story HTTP/1.1\r\nHost: news.example\r\nAuthorization: Bearer k\r\n\r\n", "bypass", 200},
		{"bare line feeds", "GET /story HTTP/1.1\nHost: news.example\n\n", "hit", 200},
		{"HTTP/1.0", "GET /story HTTP/1.0\r\nHost: news.example\r\n\r\n", "hit", 200},
		{"no host", "GET /story HTTP/1.1\r\n\r\n", "", 400},
		{"two hosts", "GET /story HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", "", 400},
		{"folded header", "GET /story HTTP/1.1\r\nHost: news.example\r\nX-A: 1\r\n  2\r\n\r\n", "hit", 200},
		{"long head", "GET /story HTTP/1.1\r\nHost: news.example\r\nX-Pad: " + strings.Repeat("p", 6000) + "\r\n\r\n", "hit", 200},
		{"absolute form", "GET http://news.example/story HTTP/1.1\r\nHost: news.example\r\n\r\n", "hit", 200},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := len(d.answered())
			c, br := dial(t, d)
			res := exchange(t, c, br, tc.raw, "GET")[0]
			if res.StatusCode != tc.status || res.Header.Get("X-Cache") != tc.cache {
				t.Errorf("status %d, X-Cache %q; want %d, %q", res.StatusCode, res.Header.Get("X-Cache"), tc.status, tc.cache)
			}
			if len(d.answered()) != before {
				t.Errorf("the door answered it itself")
			}
		})
	}
}

func TestFrontDoorLeavesStaleAndPurgedPagesToTheServer(t *testing.T) {
	d := startDoor(t, noRules)
	c0, br0 := dial(t, d)
	exchange(t, c0, br0, getStory, "GET")

	d.cache.Purge("article:1")
	c, br := dial(t, d)
	if res := exchange(t, c, br, getStory, "GET")[0]; res.Header.Get("X-Cache") != "miss" || !strings.Contains(read(t, res), "render 2") {
		t.Errorf("after a purge: X-Cache %q", res.Header.Get("X-Cache"))
	}
	d.mu.Lock()
	d.now = d.now.Add(DefaultLife + time.Second)
	d.mu.Unlock()
	c2, br2 := dial(t, d)
	if res := exchange(t, c2, br2, getStory, "GET")[0]; res.Header.Get("X-Cache") != "miss" || !strings.Contains(read(t, res), "render 3") {
		t.Errorf("after expiry: X-Cache %q", res.Header.Get("X-Cache"))
	}
	if n := len(d.answered()); n != 0 {
		t.Errorf("the door answered %d stale requests", n)
	}
}

func TestFrontDoorShutsDown(t *testing.T) {
	d := startDoor(t, noRules)
	c0, br0 := dial(t, d)
	exchange(t, c0, br0, getStory, "GET")
	idle, ibr := dial(t, d)
	exchange(t, idle, ibr, getStory, "GET") // a door connection, now idle

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := d.srv.Shutdown(ctx); err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	idle.SetReadDeadline(time.Now().Add(2 * time.Second))
	if _, err := ibr.ReadByte(); err != io.EOF {
		t.Errorf("idle door connection after shutdown: %v, want EOF", err)
	}
	if _, err := net.DialTimeout("tcp", d.addr, time.Second); err == nil {
		t.Errorf("still accepting after shutdown")
	}
}

func TestReadHead(t *testing.T) {
	good := "GET /a?b=1 HTTP/1.1\r\nhost: Example.org\r\nACCEPT-ENCODING: br\r\nAccept-Encoding: gzip\r\nX-Forwarded-Proto: https\r\nCookie: theme=dark\r\nConnection: keep-alive\r\n\r\n"
	h, ok := readHead([]byte(good), []string{"session="})
	if !ok || h.method != "GET" || h.target != "/a?b=1" || h.host != "Example.org" || h.acceptEncoding != "br" || h.forwardedProto != "https" {
		t.Fatalf("readHead = %+v, %v", h, ok)
	}
	for _, bad := range []string{
		"POST /a HTTP/1.1\r\nHost: x\r\n\r\n",
		"GET /a HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
		"GET /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\n",
		"GET /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n",
		"GET /a HTTP/1.1\r\nHost: x\r\nIf-Modified-Since: Thu, 26 Nov 2026 00:00:00 GMT\r\n\r\n",
		"GET /a HTTP/1.1\r\nHost: x\r\nRange: bytes=0-1\r\n\r\n",
		"GET /a HTTP/1.1\r\nHost: x y\r\n\r\n",
		"GET /a HTTP/1.1\r\nHost: x\r\nBad Name: 1\r\n\r\n",
		"GET /a HTTP/1.1\r\nHost: x\r\nX: a\x00b\r\n\r\n",
		"GET /a\x7f HTTP/1.1\r\nHost: x\r\n\r\n",
		"GET  /a HTTP/1.1\r\nHost: x\r\n\r\n",
		"GET * HTTP/1.1\r\nHost: x\r\n\r\n",
		"GET /a HTTP/1.1\r\nHost: x\r\nCookie: a=1; session=2\r\n\r\n",
		"GET /a HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n\r\n",
	} {
		if _, ok := readHead([]byte(bad), []string{"session="}); ok {
			t.Errorf("readHead accepted %q", bad)
		}
	}
}

func TestAccepts(t *testing.T) {
	for _, tc := range []struct {
		header, coding string
		want           bool
	}{
		{"gzip, deflate, br", "br", true},
		{"gzip;q=1.0, br;q=0", "br", false},
		{"GZIP", "gzip", true},
		{"*", "br", true},
		{"*;q=0, gzip", "br", false},
		{"br;q=0, *", "br", false},
		{"identity", "gzip", false},
		{"", "gzip", false},
		{" br ; q=0.5 ", "br", true},
	} {
		if got := accepts(tc.header, tc.coding); got != tc.want {
			t.Errorf("accepts(%q, %q) = %v", tc.header, tc.coding, got)
		}
	}
}
