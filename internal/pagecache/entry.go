package pagecache

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strings"
	"time"

	"github.com/andybalholm/brotli"
)

// Entry is one stored response, in each encoding it is served in.
type Entry struct {
	key      string
	Status   int
	Header   http.Header // what the handler set, less what the cache writes itself
	Identity []byte
	Gzip     []byte // nil when the body is too small to gain from compression
	Brotli   []byte
	ETag     string // the identity ETag, quoted; encodings add -gz and -br inside the quotes
	Keys     []string
	Stored   time.Time
	size     int64
}

// minCompress is the smallest body worth compressing: below it the
// encoding's own overhead eats the saving.
const minCompress = 1024

// Headers the cache sets per response, so a stored copy never carries them.
var perResponse = []string{"Content-Length", "Content-Encoding", "ETag", "Vary", "Date", "X-Cache", "Set-Cookie"}

// newEntry compresses a rendered body once for every reader who will get it.
func newEntry(key string, status int, h http.Header, body []byte, now time.Time) *Entry {
	h = h.Clone()
	for _, name := range perResponse {
		h.Del(name)
	}
	sum := sha256.Sum256(body)
	e := &Entry{key: key, Status: status, Header: h, Identity: body, Stored: now,
		ETag: base64.RawURLEncoding.EncodeToString(sum[:12]), Keys: strings.Fields(h.Get("Surrogate-Key"))}
	if len(body) >= minCompress {
		e.Gzip, e.Brotli = gzipped(body), brotlied(body)
	}
	e.size = int64(len(key) + len(body) + len(e.Gzip) + len(e.Brotli) + headerSize(h) + 256)
	return e
}

func gzipped(body []byte) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(body)
	zw.Close()
	return buf.Bytes()
}

// brotliLevel trades a few milliseconds once per render for the smallest
// pages on every request that follows.
const brotliLevel = 5

func brotlied(body []byte) []byte {
	var buf bytes.Buffer
	bw := brotli.NewWriterLevel(&buf, brotliLevel)
	bw.Write(body)
	bw.Close()
	return buf.Bytes()
}

func headerSize(h http.Header) int {
	n := 0
	for k, vs := range h {
		for _, v := range vs {
			n += len(k) + len(v) + 4
		}
	}
	return n
}

// encoding picks the smallest body the client accepts.
func (e *Entry) encoding(r *http.Request) (name string, body []byte, etag string) {
	if e.Brotli != nil || e.Gzip != nil {
		acc := parseAccept(r.Header.Get("Accept-Encoding"))
		switch {
		case e.Brotli != nil && acc.ok("br"):
			return "br", e.Brotli, `"` + e.ETag + `-br"`
		case e.Gzip != nil && acc.ok("gzip"):
			return "gzip", e.Gzip, `"` + e.ETag + `-gz"`
		}
	}
	return "", e.Identity, `"` + e.ETag + `"`
}
