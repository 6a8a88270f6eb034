package site

import (
	"context"
	"errors"
	"net/http"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/redirect"
)

// Redirects finds where an old address (an imported WordPress permalink,
// /?p=ID) leads now.
type Redirects interface {
	Redirect(ctx context.Context, oldPath string) (redirect.Target, bool, error)
}

// movedTo returns the current path of what used to live at key, or ""
// when nothing did or it is not public now.
func (h *Handler) movedTo(ctx context.Context, key string) (string, error) {
	if h.Redirects == nil || len(key) > 1024 {
		return "", nil
	}
	t, found, err := h.Redirects.Redirect(ctx, key)
	if err != nil || !found {
		return "", err
	}
	if t.PageSlug != "" {
		return "/" + t.PageSlug + "/", nil
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
	if target == "" || target == r.URL.Path && key == r.URL.Path {
		return false
	}
	w.Header().Set("Cache-Control", "public, max-age=3600")
	http.Redirect(w, r, target, http.StatusMovedPermanently)
	return true
}

// redirectQuery answers WordPress's own short links, /?p=ID and
// /?page_id=ID, on the front page.
func (h *Handler) redirectQuery(w http.ResponseWriter, r *http.Request) bool {
	q := r.URL.Query()
	for _, param := range []string{"p", "page_id"} {
		if id := q.Get(param); id != "" {
			return h.redirectOld(w, r, redirect.QueryPath(param, id))
		}
	}
	return false
}
