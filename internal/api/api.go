// Package api serves the read-only JSON Content API under /api/v1/:
// published stories, sections, tags and authors, for the newsroom's apps
// and partners. Every request needs a key made in the desk; answers are
// private to the key's holder and carry an ETag.
package api

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/datelinenews/dateline/internal/apikey"
	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/section"
	"github.com/datelinenews/dateline/internal/settings"
	"github.com/datelinenews/dateline/internal/web"
)

// Store is what the API reads besides stories.
type Store interface {
	Site(ctx context.Context) (settings.Site, error)
	ListSections(ctx context.Context) ([]section.Section, error)
	SectionBySlug(ctx context.Context, slug string) (section.Section, error)
	TagBySlug(ctx context.Context, slug string) (article.Tag, error)
	AuthorBySlug(ctx context.Context, slug string) (people.Author, error)
	ListPublishedTags(ctx context.Context, now time.Time, limit, offset int) ([]article.TagCount, error)
	CountPublishedTags(ctx context.Context, now time.Time) (int, error)
	ListPublishedAuthors(ctx context.Context, now time.Time) ([]article.AuthorCount, error)
	APIKeyByHash(ctx context.Context, hash string) (apikey.Key, error)
	TouchAPIKey(ctx context.Context, id int64, now time.Time) error
}

// Handler serves the API.
type Handler struct {
	Articles *article.Service
	Store    Store
	Log      *slog.Logger
	Now      func() time.Time
	Proxies  web.Proxies
	BaseURL  string // the site's public address; empty: from each request
	// Limit is each key's request allowance; zero: DefaultLimit.
	Limit Limit

	limitOnce sync.Once
	limiter   *limiter
}

// Error is an API error: its status, a stable code for programs, a
// sentence for people and, for a bad query, the parameter at fault.
type Error struct {
	Status    int    `json:"-"`
	Code      string `json:"code"`
	Message   string `json:"message"`
	Parameter string `json:"parameter,omitempty"`
}

func (e *Error) Error() string { return e.Message }

// badParam is a 400 naming the query parameter to fix.
func badParam(name, message string) error {
	return &Error{Status: http.StatusBadRequest, Code: "invalid_parameter", Message: message, Parameter: name}
}

// notFound is a 404 for a path that names nothing.
func notFound(what string) error {
	return &Error{Status: http.StatusNotFound, Code: "not_found", Message: what}
}

// Handle adapts an error-returning API handler: errors become JSON bodies,
// anything unexpected a 500 whose details go only to the log.
func (h *Handler) Handle(fn web.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		err := fn(w, r)
		if err == nil {
			return
		}
		var e *Error
		switch {
		case errors.As(err, &e):
		case errors.Is(err, article.ErrNotFound), errors.Is(err, section.ErrNotFound), errors.Is(err, people.ErrNotFound):
			e = &Error{Status: http.StatusNotFound, Code: "not_found", Message: "Nothing published has this id."}
		default:
			h.Log.ErrorContext(r.Context(), "api request", slog.String("path", r.URL.Path), slog.Any("err", err))
			e = &Error{Status: http.StatusInternalServerError, Code: "internal", Message: "Something went wrong on our side; try again later."}
		}
		writeError(w, e)
	})
}

// NotFound answers any other path under /api/ with a JSON 404 (or 405 for
// a method other than GET on a known path's prefix).
func (h *Handler) NotFound(w http.ResponseWriter, r *http.Request) error {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		return &Error{Status: http.StatusMethodNotAllowed, Code: "method_not_allowed", Message: "The API is read-only: use GET."}
	}
	return notFound("No API endpoint at this address; see /api/v1/articles.")
}

func writeError(w http.ResponseWriter, e *Error) {
	body, _ := json.Marshal(struct {
		Error *Error `json:"error"`
	}{e})
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Length", strconv.Itoa(len(body)+1))
	w.WriteHeader(e.Status)
	w.Write(append(body, '\n'))
}

// writeJSON sends v with a strong ETag, answering 304 when the client
// already holds it. Answers are for the key's holder only: private, and
// revalidated on every use so a revoked key stops working at once.
func writeJSON(w http.ResponseWriter, r *http.Request, v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return err
	}
	body = append(body, '\n')
	sum := sha256.Sum256(body)
	etag := `"` + base64.RawURLEncoding.EncodeToString(sum[:12]) + `"`
	h := w.Header()
	h.Set("Cache-Control", "private, no-cache")
	h.Set("Vary", "Authorization, X-API-Key")
	h.Set("ETag", etag)
	h.Set("X-Content-Type-Options", "nosniff")
	if etagMatches(r.Header.Get("If-None-Match"), etag) {
		w.WriteHeader(http.StatusNotModified)
		return nil
	}
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	if r.Method == http.MethodHead {
		return nil
	}
	_, err = w.Write(body)
	return err
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

// origin is the site's address for absolute URLs in answers.
func (h *Handler) origin(r *http.Request) string {
	if h.BaseURL != "" {
		return h.BaseURL
	}
	scheme := "http"
	if h.Proxies.HTTPS(r) {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}
