package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/datelinenews/dateline/internal/pagecache"
)

// Middleware wraps a handler.
type Middleware func(http.Handler) http.Handler

// chain applies middleware so the first listed runs first.
func chain(h http.Handler, mw ...Middleware) http.Handler {
	for i := len(mw) - 1; i >= 0; i-- {
		h = mw[i](h)
	}
	return h
}

type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (s *statusRecorder) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	n, err := s.ResponseWriter.Write(b)
	s.bytes += n
	return n, err
}

// Unwrap lets http.ResponseController reach the real writer.
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// accessLog logs one line per request. Reader addresses are never logged.
func accessLog(log *slog.Logger) Middleware {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			start := time.Now()
			id := requestID()
			w.Header().Set("X-Request-Id", id)
			rec := &statusRecorder{ResponseWriter: w}
			next.ServeHTTP(rec, r)
			logRequest(r.Context(), log, pagecache.Served{Method: r.Method, Path: r.URL.Path, Status: rec.status,
				Bytes: rec.bytes, Took: time.Since(start), RequestID: id})
		})
	}
}

// logServed logs an answer of the page cache's front door like any other.
func (a *App) logServed(s pagecache.Served) { logRequest(context.Background(), a.log, s) }

func logRequest(ctx context.Context, log *slog.Logger, s pagecache.Served) {
	log.LogAttrs(ctx, slog.LevelInfo, "request",
		slog.String("request_id", s.RequestID), slog.String("method", s.Method),
		slog.String("path", truncate(s.Path, 200)), slog.Int("status", s.Status),
		slog.Int("bytes", s.Bytes), slog.Float64("duration_ms", float64(s.Took.Microseconds())/1000))
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

// requestID names a request: a random prefix drawn once per process and a
// counter, unique without asking the system for randomness each time.
func requestID() string {
	n := requestCount.Add(1)
	var b [16]byte
	hex.Encode(b[:8], requestPrefix[:])
	const digits = "0123456789abcdef"
	for i := 15; i >= 8; i-- {
		b[i] = digits[n&0xf]
		n >>= 4
	}
	return string(b[:])
}

var (
	requestPrefix = func() (p [4]byte) { rand.Read(p[:]); return p }()
	requestCount  atomic.Uint64
)

// recoverPanics turns a panic in a handler into a 500 instead of a dropped connection.
func recoverPanics(log *slog.Logger) Middleware {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			defer func() {
				if v := recover(); v != nil {
					if v == http.ErrAbortHandler {
						panic(v)
					}
					log.ErrorContext(r.Context(), "panic", "path", r.URL.Path, "panic", v)
					http.Error(w, "Internal Server Error", http.StatusInternalServerError)
				}
			}()
			next.ServeHTTP(w, r)
		})
	}
}

// securityHeaders sets headers that keep public pages from loading anything
// from another origin, which also guarantees readers make no third-party requests.
func securityHeaders(next http.Handler) http.Handler {
	const csp = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
		"object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'; " +
		// Only the click-to-load video players, and only after a reader presses play.
		"frame-src https://www.youtube-nocookie.com https://player.vimeo.com"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "SAMEORIGIN")
		h.Set("Permissions-Policy", "interest-cohort=(), geolocation=(), camera=(), microphone=()")
		next.ServeHTTP(w, r)
	})
}
