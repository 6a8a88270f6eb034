package pagecache

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"
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

// BenchmarkFrontDoor is a cached article answered at the front door over a
// real loopback connection, kept alive as a browser or a CDN keeps it: the
// request written, the head read and the brotli body read back.
func BenchmarkFrontDoor(b *testing.B) {
	c := New(Options{MaxBytes: 64 << 20})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	srv := &http.Server{Handler: c.Middleware(Rules{}, &page{size: 40_000})}
	go srv.Serve(c.Listen(ln, FrontOptions{ReadHeaderTimeout: time.Minute, IdleTimeout: time.Minute, WriteTimeout: time.Minute}))
	defer srv.Close()
	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close()
	// Fill the cache on a connection of its own: a miss hands its
	// connection to net/http for good.
	if res, err := http.Get("http://" + ln.Addr().String() + "/2026/11/25/story/"); err == nil {
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
	}
	br := bufio.NewReader(conn)
	req := []byte("GET /2026/11/25/story/ HTTP/1.1\r\nHost: " + ln.Addr().String() + "\r\nAccept-Encoding: gzip, deflate, br\r\n\r\n")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := conn.Write(req); err != nil {
			b.Fatal(err)
		}
		res, err := http.ReadResponse(br, nil)
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		if res.Header.Get("X-Cache") != "hit" {
			b.Fatal("missed")
		}
	}
}
