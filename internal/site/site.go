// Package site holds the public handlers: fronts, archives, articles,
// static pages, media files and robots.txt. Public pages carry no
// per-visitor content, so every response can be cached.
package site

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/blob"
	"github.com/datelinenews/dateline/internal/comment"
	"github.com/datelinenews/dateline/internal/page"
	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/render"
	"github.com/datelinenews/dateline/internal/sanitize"
	"github.com/datelinenews/dateline/internal/section"
	"github.com/datelinenews/dateline/internal/settings"
	"github.com/datelinenews/dateline/internal/support"
	"github.com/datelinenews/dateline/internal/web"
)

// Content is what the public site reads besides articles.
type Content interface {
	Site(ctx context.Context) (settings.Site, error)
	ListSections(ctx context.Context) ([]section.Section, error)
	SectionBySlug(ctx context.Context, slug string) (section.Section, error)
	TagBySlug(ctx context.Context, slug string) (article.Tag, error)
	AuthorBySlug(ctx context.Context, slug string) (people.Author, error)
	ListPages(ctx context.Context) ([]page.Page, error)
	PageBySlug(ctx context.Context, slug string) (page.Page, error)
	ListSupportMethods(ctx context.Context) ([]support.Method, error)
}

// Handler serves the public site.
type Handler struct {
	Articles *article.Service
	Content  Content
	Files    blob.Bucket      // media files: images and their variants
	Library  sanitize.Library // the images and video posters bodies show
	Comments *comment.Service
	Feeds    FeedStore // feeds and sitemaps
	// Redirects are old addresses (imported WordPress permalinks) that
	// answer with a 301 instead of a 404; nil: none.
	Redirects Redirects
	Proxies   web.Proxies
	Secret    []byte // keys the hash of client addresses
	BaseURL   string // the site's public address, e.g. https://news.example.org; empty: from each request
	Render    *render.Renderer
	Log       *slog.Logger
	Now       func() time.Time
	errors    *web.Errors
}

// New returns the public site's handler set.
func New(h Handler) *Handler {
	h.errors = &web.Errors{Log: h.Log, Page: h.errorPage, Classify: classify}
	return &h
}

// Handle adapts an error-returning public handler.
func (h *Handler) Handle(fn web.HandlerFunc) http.Handler { return h.errors.Handle(fn) }

// classify maps the domain's errors to statuses.
func classify(err error) int {
	switch {
	case errors.Is(err, article.ErrGone):
		return http.StatusGone
	case errors.Is(err, article.ErrNotFound), errors.Is(err, section.ErrNotFound),
		errors.Is(err, people.ErrNotFound), errors.Is(err, page.ErrNotFound), errors.Is(err, blob.ErrNotFound),
		errors.Is(err, blob.ErrBadKey):
		return http.StatusNotFound
	}
	return 0
}
