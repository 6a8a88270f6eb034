package site

import (
	"context"
	"errors"
	"net/http"
	"net/url"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/redirect"
)

// Redirects finds where an old address (an imported WordPress permalink,
// /?p=ID, a category or tag archive) leads now.
type Redirects interface {
	Redirect(ctx context.Context, oldPath string) (redirect.Target, bool, error)
}

// movedTo returns the current path of what used to live at key, or ""
// when nothing did or it is not public now. The feed of an old address
// (/category/world/feed/) leads to the feed of the page that replaced it,
// a later page of an archive (/category/world/page/2/) to that page.
func (h *Handler) movedTo(ctx context.Context, key string) (string, error) {
	if h.Redirects == nil || len(key) > 1024 {
		return "", nil
	}
	target, err := h.lookUp(ctx, key)
	if target != "" || err != nil {
		return target, err
	}
	if base, kind, ok := redirect.SplitFeed(key); ok {
		return h.feedOf(ctx, base, kind)
	}
	if base, ok := redirect.SplitPage(key); ok {
		return h.firstPageOf(ctx, base)
	}
	return "", nil
}

// firstPageOf is where a later page of an old archive (/category/world/
// page/3/) leads: the first page of the archive that replaced it, as
// WordPress's pages of ten stories do not match Dateline's.
func (h *Handler) firstPageOf(ctx context.Context, base string) (string, error) {
	if base == "/" {
		return "/", nil
	}
	t, found, err := h.Redirects.Redirect(ctx, base)
	if err != nil || !found || t.SectionSlug == "" && t.TagSlug == "" && t.AuthorSlug == "" && t.Path != "/" {
		return "", err
	}
	return h.pathOf(ctx, t)
}

// feedOf is the Dateline feed that replaces the feed of the old address
// base, "" when its page has none.
func (h *Handler) feedOf(ctx context.Context, base string, kind redirect.Feed) (string, error) {
	switch base {
	case "/":
		return redirect.FeedPath("/", kind), nil
	case "/comments/":
		return "/comments/feed/", nil
	}
	t, found, err := h.Redirects.Redirect(ctx, base)
	if err != nil || !found {
		return "", err
	}
	p, err := h.pathOf(ctx, t)
	switch {
	case p == "" || err != nil:
		return "", err
	case t.ArticleID != 0:
		return p + "feed/", nil // a story's comments, which have no Atom feed
	case t.SectionSlug != "" || t.TagSlug != "" || t.AuthorSlug != "" || t.Path == "/":
		return redirect.FeedPath(p, kind), nil
	}
	return "", nil // pages and files have no feed
}

// lookUp returns the current path of the redirect stored under key.
func (h *Handler) lookUp(ctx context.Context, key string) (string, error) {
	t, found, err := h.Redirects.Redirect(ctx, key)
	if err != nil || !found {
		return "", err
	}
	return h.pathOf(ctx, t)
}

// pathOf is a redirect target's address; "" for a story that is not public.
func (h *Handler) pathOf(ctx context.Context, t redirect.Target) (string, error) {
	switch {
	case t.PageSlug != "":
		return "/" + t.PageSlug + "/", nil
	case t.SectionSlug != "":
		return "/section/" + t.SectionSlug + "/", nil
	case t.TagSlug != "":
		return "/tag/" + t.TagSlug + "/", nil
	case t.AuthorSlug != "":
		return "/author/" + t.AuthorSlug + "/", nil
	case t.Path != "":
		return t.Path, nil
	case t.ArticleID == 0:
		return "", nil // what it led to was deleted
	}
	a, err := h.Articles.ByID(ctx, t.ArticleID)
	if errors.Is(err, article.ErrNotFound) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	site, err := h.Content.Site(ctx)
	if err != nil {
		return "", err
	}
	return a.Path(site.Location()), nil
}

// redirectOld answers a request for an old address with a permanent
// redirect to its new one; it reports whether it did.
func (h *Handler) redirectOld(w http.ResponseWriter, r *http.Request, key string) bool {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return false
	}
	target, err := h.movedTo(r.Context(), key)
	if err != nil {
		h.Log.ErrorContext(r.Context(), "look up old address", "path", key, "err", err)
		return false
	}
	return h.moved(w, r, key, target)
}

// moved sends the permanent redirect to target, unless it would lead back
// to the address asked for.
func (h *Handler) moved(w http.ResponseWriter, r *http.Request, key, target string) bool {
	if target == "" || target == r.URL.Path && key == r.URL.Path {
		return false
	}
	w.Header().Set("Cache-Control", "public, max-age=3600")
	http.Redirect(w, r, (&url.URL{Path: target}).EscapedPath(), http.StatusMovedPermanently)
	return true
}

// redirectQuery answers WordPress's query links on the front page: posts
// (/?p=ID), pages (/?page_id=ID), archives (/?cat=ID, /?tag=slug,
// /?author=ID), attachment pages (/?attachment_id=ID), and the feeds of
// each (/?cat=3&feed=rss2, /?feed=atom).
func (h *Handler) redirectQuery(w http.ResponseWriter, r *http.Request) bool {
	if h.Redirects == nil || r.Method != http.MethodGet && r.Method != http.MethodHead {
		return false
	}
	q := r.URL.Query()
	feed, isFeed := redirect.FeedKind(q.Get("feed"))
	for _, param := range redirect.QueryParams {
		id := q.Get(param)
		if id == "" {
			continue
		}
		key := redirect.QueryPath(param, id)
		if !isFeed {
			return h.redirectOld(w, r, key)
		}
		target, err := h.feedOf(r.Context(), key, feed)
		if err != nil {
			h.Log.ErrorContext(r.Context(), "look up old feed", "key", key, "err", err)
			return false
		}
		return h.moved(w, r, key, target)
	}
	if isFeed {
		return h.moved(w, r, "?feed", redirect.FeedPath("/", feed))
	}
	return false
}
