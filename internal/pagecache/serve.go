package pagecache

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// Rules say which requests may be answered from the cache.
type Rules struct {
	// SkipPrefixes are paths never cached: the desk, private previews, files
	// that carry their own year-long caching.
	SkipPrefixes []string
	// PrivateParams are query parameters that make a response one reader's
	// own (a commenter's link to their held comment).
	PrivateParams []string
	// PrivateCookies are cookies whose presence makes a request private,
	// such as signed-in staff's session: such requests get a fresh copy.
	PrivateCookies []string
}

// Middleware answers cacheable requests from the cache and stores what next
// renders for them. X-Cache says hit, miss or bypass.
func (c *Cache) Middleware(rules Rules, next http.Handler) http.Handler {
	if !c.Enabled() {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !rules.cacheable(r) {
			w.Header().Set("X-Cache", "bypass")
			next.ServeHTTP(w, r)
			return
		}
		key := Key(r)
		if e := c.get(key); e != nil {
			e.serve(w, r, "hit")
			return
		}
		c.fill(w, r, key, next)
	})
}

func (rules Rules) cacheable(r *http.Request) bool {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return false
	}
	if r.Header.Get("Authorization") != "" {
		return false
	}
	for _, name := range rules.PrivateCookies {
		if _, err := r.Cookie(name); err == nil {
			return false
		}
	}
	return rules.publicURL(r.URL)
}

// publicURL applies the rules that depend on the address alone.
func (rules Rules) publicURL(u *url.URL) bool {
	for _, p := range rules.SkipPrefixes {
		if strings.HasPrefix(u.Path, p) {
			return false
		}
	}
	if len(rules.PrivateParams) > 0 && u.RawQuery != "" {
		q := u.Query()
		for _, p := range rules.PrivateParams {
			if q.Has(p) {
				return false
			}
		}
	}
	return true
}

// trackingParams never change a page, so they do not split the cache.
var trackingParams = []string{"fbclid", "gclid", "mc_cid", "mc_eid"}

// Key is a request's cache key: scheme, host, path and the query with its
// parameters sorted and tracking tags dropped. The host and scheme are in
// it because canonical links are made from them when no public address is
// configured.
func Key(r *http.Request) string {
	return key(r.TLS != nil, r.Header.Get("X-Forwarded-Proto"), r.Host, r.URL)
}

// key is Key from the parts of a request it reads, for the fast path that
// has no http.Request.
func key(tls bool, forwardedProto, host string, u *url.URL) string {
	scheme := "http"
	if tls {
		scheme = "https"
	}
	if forwardedProto != "" {
		scheme += "+" + strings.ToLower(forwardedProto)
	}
	k := scheme + "://" + strings.ToLower(host) + u.EscapedPath()
	if u.RawQuery == "" {
		return k
	}
	q, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		return k + "?" + u.RawQuery
	}
	for name := range q {
		if strings.HasPrefix(name, "utm_") || slices.Contains(trackingParams, name) {
			delete(q, name)
		}
	}
	if len(q) == 0 {
		return k
	}
	return k + "?" + q.Encode() // Encode sorts by name
}

// flight is one render that concurrent requests for the same key wait for.
type flight struct {
	done  chan struct{}
	entry *Entry // nil when the response could not be stored
}

// fill renders a missing entry once, however many readers ask for it at
// the same moment: the first renders, the others wait for its result.
func (c *Cache) fill(w http.ResponseWriter, r *http.Request, key string, next http.Handler) {
	c.mu.Lock()
	if f, ok := c.flights[key]; ok {
		c.stampede++
		c.mu.Unlock()
		select {
		case <-f.done:
		case <-r.Context().Done():
			return
		}
		if f.entry != nil {
			f.entry.serve(w, r, "hit")
			return
		}
		w.Header().Set("X-Cache", "bypass")
		next.ServeHTTP(w, r) // not storable: each request gets its own
		return
	}
	f := &flight{done: make(chan struct{})}
	c.flights[key] = f
	gen := c.gen
	c.mu.Unlock()

	rec := c.lead(f, key, gen, r, next)
	if f.entry != nil {
		f.entry.serve(w, r, "miss")
		return
	}
	rec.replay(w, r)
}

// lead renders for a flight and always ends it, even if the handler
// panics, so no later request waits for a render that will never come.
func (c *Cache) lead(f *flight, key string, gen uint64, r *http.Request, next http.Handler) *recorder {
	defer func() {
		c.mu.Lock()
		if c.flights[key] == f {
			delete(c.flights, key)
		}
		c.mu.Unlock()
		close(f.done)
	}()
	rec := render(r, next)
	if storable(rec) {
		f.entry = newEntry(key, rec.status, rec.header, rec.body.Bytes(), c.now())
		c.put(f.entry, gen) // refused after a purge: served to the waiters, not kept
	}
	return rec
}

// recorder keeps a response in memory.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (rec *recorder) Header() http.Header { return rec.header }
func (rec *recorder) Write(b []byte) (int, error) {
	if rec.status == 0 {
		rec.status = http.StatusOK
	}
	return rec.body.Write(b)
}
func (rec *recorder) WriteHeader(code int) {
	if rec.status == 0 {
		rec.status = code
	}
}

// render runs next for the plain version of the request: a GET with no
// encoding or validators, so the body comes whole and uncompressed, and on
// a context the asking reader cannot cancel, as others may be waiting.
func render(r *http.Request, next http.Handler) *recorder {
	in := r.Clone(context.WithoutCancel(r.Context()))
	in.Method = http.MethodGet
	for _, h := range []string{"Accept-Encoding", "If-None-Match", "If-Modified-Since", "Range", "If-Range"} {
		in.Header.Del(h)
	}
	rec := &recorder{header: http.Header{}}
	next.ServeHTTP(rec, in)
	if rec.status == 0 {
		rec.status = http.StatusOK
	}
	return rec
}

// storable accepts public pages, permanent redirects and the not-found and
// gone pages (a flood of requests for a missing URL must not each render).
// Anything that sets a cookie, is not marked public, or is already
// compressed is passed through.
func storable(rec *recorder) bool {
	switch rec.status {
	case http.StatusOK, http.StatusMovedPermanently, http.StatusNotFound, http.StatusGone:
	default:
		return false
	}
	h := rec.header
	return h.Get("Set-Cookie") == "" && h.Get("Content-Encoding") == "" &&
		strings.Contains(h.Get("Cache-Control"), "public")
}

// replay writes a recorded response that was not stored.
func (rec *recorder) replay(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	for k, vs := range rec.header {
		h[k] = vs
	}
	h.Set("X-Cache", "bypass")
	h.Set("Content-Length", strconv.Itoa(rec.body.Len()))
	w.WriteHeader(rec.status)
	if r.Method != http.MethodHead {
		w.Write(rec.body.Bytes())
	}
}

// serve answers from an entry in the encoding the client prefers, or 304
// when the client's copy is current.
func (e *Entry) serve(w http.ResponseWriter, r *http.Request, state string) {
	h := w.Header()
	for k, vs := range e.Header {
		h[k] = slices.Clip(vs) // an Add further out must copy, not write into the entry
	}
	h.Set("X-Cache", state)
	h.Set("Vary", "Accept-Encoding")
	enc, body, etag := e.encoding(r)
	if e.Status == http.StatusOK {
		h.Set("ETag", etag)
		if h.Get("Last-Modified") == "" {
			h.Set("Last-Modified", e.Stored.UTC().Format(http.TimeFormat))
		}
		if notModified(r, etag, h.Get("Last-Modified")) {
			h.Del("Content-Type")
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	if enc != "" {
		h.Set("Content-Encoding", enc)
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(e.Status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// notModified applies If-None-Match, or If-Modified-Since when there is no
// If-None-Match (RFC 9110, 13.2.2).
func notModified(r *http.Request, etag, lastModified string) bool {
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		for part := range strings.SplitSeq(inm, ",") {
			part = strings.TrimPrefix(strings.TrimSpace(part), "W/")
			if part == etag || part == "*" {
				return true
			}
		}
		return false
	}
	ims, err := http.ParseTime(r.Header.Get("If-Modified-Since"))
	if err != nil {
		return false
	}
	lm, err := http.ParseTime(lastModified)
	return err == nil && !lm.After(ims)
}
