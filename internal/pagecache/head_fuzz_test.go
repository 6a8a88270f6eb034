package pagecache

import (
	"bufio"
	"bytes"
	"net/http"
	"net/url"
	"testing"
)

// FuzzReadHead checks the front door against net/http: whatever head the
// door accepts, net/http must read as the same request — same method,
// target, host and headers the door acts on, and no body — so the door
// never answers a request the full server would have read differently.
func FuzzReadHead(f *testing.F) {
	for _, seed := range []string{
		"GET / HTTP/1.1\r\nHost: a\r\n\r\n",
		"HEAD /x?y=1 HTTP/1.1\r\nHost: Example.org:8080\r\nAccept-Encoding: br\r\nCookie: a=b\r\n\r\n",
		"GET /a HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\nConnection: keep-alive\r\nX-Forwarded-Proto: https\r\n\r\n",
		"GET /a HTTP/1.1\r\nhost: a\r\nAccept-Encoding: gzip\r\nAccept-Encoding: br\r\n\r\n",
		"GET /%2e%2e/ HTTP/1.1\r\nHost: [::1]:80\r\n\r\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		end := bytes.Index(raw, crlfcrlf)
		if end < 0 || bareLF(raw[:end+4]) {
			return // the door hands these to net/http unread
		}
		raw = raw[:end+4]
		h, ok := readHead(raw, []string{"session="})
		if !ok {
			return
		}
		if _, err := url.ParseRequestURI(h.target); err != nil {
			return // answer hands it on too
		}
		req, err := http.ReadRequest(bufio.NewReader(bytes.NewReader(raw)))
		if err != nil {
			t.Fatalf("the door accepted %q, net/http refuses it: %v", raw, err)
		}
		if req.Method != h.method || req.RequestURI != h.target || req.Host != h.host {
			t.Fatalf("%q: door read %s %s host %q, net/http %s %s host %q", raw, h.method, h.target, h.host, req.Method, req.RequestURI, req.Host)
		}
		if req.ContentLength > 0 || len(req.TransferEncoding) > 0 || req.Close {
			t.Fatalf("%q: the door accepted a request with a body or a close", raw)
		}
		if got := req.Header.Get("Accept-Encoding"); got != h.acceptEncoding {
			t.Fatalf("%q: Accept-Encoding %q for net/http, %q for the door", raw, got, h.acceptEncoding)
		}
		if got := req.Header.Get("X-Forwarded-Proto"); got != h.forwardedProto {
			t.Fatalf("%q: X-Forwarded-Proto %q for net/http, %q for the door", raw, got, h.forwardedProto)
		}
		if _, err := req.Cookie("session"); err == nil {
			t.Fatalf("%q: the door accepted a staff session", raw)
		}
		for _, name := range []string{"Authorization", "If-None-Match", "If-Modified-Since", "Range", "Expect", "Upgrade"} {
			if req.Header.Get(name) != "" {
				t.Fatalf("%q: the door accepted a request with %s", raw, name)
			}
		}
	})
}
