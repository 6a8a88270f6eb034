package pagecache

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strconv"
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
	variants [3]variant
}

// minCompress is the smallest body worth compressing: below it the
// encoding's own overhead eats the saving.
const minCompress = 1024

// Headers the cache sets per response, so a stored copy never carries them.
var perResponse = []string{"Content-Length", "Content-Encoding", "ETag", "Vary", "Date", "X-Cache", "Set-Cookie", "X-Request-Id"}

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
	e.prepare()
	e.size = int64(len(key) + len(body) + len(e.Gzip) + len(e.Brotli) + headerSize(h) + 256)
	for _, v := range e.variants {
		e.size += int64(len(v.head))
	}
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
	v := e.variant(r.Header.Get("Accept-Encoding"))
	return v.name, v.body, v.etag
}

// A variant is the entry in one encoding, with the head of its answer
// written out once for the connections the fast path serves.
type variant struct {
	name string // Content-Encoding; "" for identity
	body []byte
	etag string // quoted
	head []byte // status line and headers, less Date and X-Request-Id
}

// variant picks the smallest version the Accept-Encoding header allows.
func (e *Entry) variant(acceptEncoding string) *variant {
	if e.variants[brotliVariant].body != nil && accepts(acceptEncoding, "br") {
		return &e.variants[brotliVariant]
	}
	if e.variants[gzipVariant].body != nil && accepts(acceptEncoding, "gzip") {
		return &e.variants[gzipVariant]
	}
	return &e.variants[identityVariant]
}

const (
	identityVariant = iota
	gzipVariant
	brotliVariant
)

// prepare fills the variants and their heads, the exact bytes the cache's
// Middleware would have net/http write for them.
func (e *Entry) prepare() {
	e.variants = [3]variant{
		{name: "", body: e.Identity, etag: `"` + e.ETag + `"`},
		{name: "gzip", body: e.Gzip, etag: `"` + e.ETag + `-gz"`},
		{name: "br", body: e.Brotli, etag: `"` + e.ETag + `-br"`},
	}
	for i := range e.variants {
		v := &e.variants[i]
		if v.body == nil && i != identityVariant {
			continue
		}
		h := e.Header.Clone()
		h.Set("X-Cache", "hit")
		h.Set("Vary", "Accept-Encoding")
		if e.Status == http.StatusOK {
			h.Set("ETag", v.etag)
			if h.Get("Last-Modified") == "" {
				h.Set("Last-Modified", e.Stored.UTC().Format(http.TimeFormat))
			}
		}
		if v.name != "" {
			h.Set("Content-Encoding", v.name)
		}
		h.Set("Content-Length", strconv.Itoa(len(v.body)))
		v.head = wireHead(e.Status, h)
	}
}

// wireHead writes an HTTP/1.1 status line and header block, names sorted
// as net/http sends them, without the blank line that ends it.
func wireHead(status int, h http.Header) []byte {
	var b bytes.Buffer
	b.WriteString("HTTP/1.1 ")
	b.WriteString(strconv.Itoa(status))
	b.WriteByte(' ')
	b.WriteString(http.StatusText(status))
	b.WriteString("\r\n")
	h.WriteSubset(&b, nil) // sorts, and turns stray line breaks in values into spaces
	return b.Bytes()
}
