// Package web adapts error-returning handlers to net/http: it is the one
// place where errors become status codes, and it writes pages with the
// caching headers every public response carries.
package web

import (
	"bytes"
	"compress/gzip"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"log/slog"
	"net/http"
	"net/netip"
	"slices"
	"strconv"
	"strings"
)

// HandlerFunc is an HTTP handler that returns its error instead of writing it.
type HandlerFunc func(w http.ResponseWriter, r *http.Request) error

// ErrorPage writes the page for a failed request with the given status;
// message, when not empty, says what went wrong in words for the reader.
type ErrorPage func(w http.ResponseWriter, r *http.Request, status int, message string)

// Errors maps handler errors to responses.
type Errors struct {
	Log  *slog.Logger
	Page ErrorPage
	// Classify returns the status for a domain error, or 0 if it does not know it.
	Classify func(error) int
}

// Handle wraps fn so a returned error becomes the right error page.
func (e *Errors) Handle(fn HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		err := fn(w, r)
		if err == nil {
			return
		}
		status := StatusOf(err)
		if status == 0 && e.Classify != nil {
			status = e.Classify(err)
		}
		if status == 0 {
			status = http.StatusInternalServerError
		}
		message := ""
		if status >= 500 {
			e.Log.ErrorContext(r.Context(), "request failed", "method", r.Method, "path", r.URL.Path, slog.Any("err", err))
		} else if se := (*StatusError)(nil); errors.As(err, &se) {
			message = se.Msg
		}
		e.Page(w, r, status, message)
	})
}

// StatusError carries an HTTP status for errors that come from the request itself.
type StatusError struct {
	Status int
	Msg    string
}

func (e *StatusError) Error() string { return e.Msg }

// BadRequest reports malformed input such as page=abc.
func BadRequest(msg string) error { return &StatusError{Status: http.StatusBadRequest, Msg: msg} }

// NotFound reports a URL that names nothing.
func NotFound() error { return &StatusError{Status: http.StatusNotFound} }

// StatusOf returns the status carried by err, or 0.
func StatusOf(err error) int {
	var se *StatusError
	if errors.As(err, &se) {
		return se.Status
	}
	return 0
}

// SessionCookie names the staff session cookie. Public pages look only at
// whether it is there: staff get fresh pages, everyone else the cached ones.
const SessionCookie = "dateline_session"

// IsStaff reports whether the request carries a staff session cookie. It
// does not check the session: it only decides caching, never access.
func IsStaff(r *http.Request) bool {
	_, err := r.Cookie(SessionCookie)
	return err == nil
}

// ClientHash is how a client's address is kept: an HMAC under the
// installation's secret, so rate limits work and the address is never stored.
func ClientHash(secret []byte, addr netip.Addr) string {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(addr.String()))
	return hex.EncodeToString(m.Sum(nil)[:16])
}

// Caching says how long shared caches and browsers may keep a response.
type Caching int

// Caching policies for public responses.
const (
	NoStore Caching = iota // errors from the server, anything per-visitor
	Public                 // public pages: a minute fresh, then revalidated in the background
	Short                  // 404 and the like: cached briefly so a flood of bad URLs costs little
)

func (c Caching) header() string {
	switch c {
	case Public:
		return "public, max-age=60, stale-while-revalidate=600, stale-if-error=86400"
	case Short:
		return "public, max-age=30"
	}
	return "no-store"
}

// WriteHTML writes a rendered page with an ETag, answering 304 when the
// client already has it and compressing it when the client accepts gzip.
func WriteHTML(w http.ResponseWriter, r *http.Request, status int, body []byte, caching Caching) {
	Write(w, r, status, "text/html; charset=utf-8", body, caching)
}

// Write is WriteHTML for any content type.
func Write(w http.ResponseWriter, r *http.Request, status int, contentType string, body []byte, caching Caching) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	cc := caching.header()
	if caching != NoStore && IsStaff(r) {
		// Staff see their own changes at once; shared caches must not keep
		// a copy fetched with a session (issue-free, as public pages carry
		// nothing per-visitor, but it keeps the rule simple for CDNs).
		cc = "private, no-cache"
	}
	h.Set("Cache-Control", cc)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Add("Vary", "Accept-Encoding")
	// Each encoding is its own representation with its own strong ETag.
	gz := len(body) > 1024 && acceptsGzip(r)
	sum := sha256.Sum256(body)
	etag := base64.RawURLEncoding.EncodeToString(sum[:12])
	if gz {
		etag += "-gz"
	}
	etag = `"` + etag + `"`
	if caching != NoStore {
		h.Set("ETag", etag)
		if status == http.StatusOK && etagMatches(r.Header.Get("If-None-Match"), etag) {
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	if gz {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		zw.Write(body)
		zw.Close()
		body = buf.Bytes()
		h.Set("Content-Encoding", "gzip")
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	if r.Method == http.MethodHead {
		w.WriteHeader(status)
		return
	}
	w.WriteHeader(status)
	w.Write(body)
}

func etagMatches(header, etag string) bool {
	for part := range strings.SplitSeq(header, ",") {
		part = strings.TrimPrefix(strings.TrimSpace(part), "W/")
		if part == etag || part == "*" {
			return true
		}
	}
	return false
}

func acceptsGzip(r *http.Request) bool {
	for part := range strings.SplitSeq(r.Header.Get("Accept-Encoding"), ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(name), "gzip") && strings.ReplaceAll(params, " ", "") != "q=0" {
			return true
		}
	}
	return false
}

// Keys adds surrogate keys to a response: names of what it shows, by which
// the page cache and a CDN drop it when that changes (see package change).
func Keys(w http.ResponseWriter, keys ...string) {
	h := w.Header()
	have := strings.Fields(h.Get("Surrogate-Key"))
	for _, k := range keys {
		if k != "" && !slices.Contains(have, k) {
			have = append(have, k)
		}
	}
	if len(have) > 0 {
		h.Set("Surrogate-Key", strings.Join(have, " "))
	}
}
