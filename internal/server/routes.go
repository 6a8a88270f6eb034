package server

import (
	"net/http"
	"strings"

	"github.com/datelinenews/dateline/internal/render"
	"github.com/datelinenews/dateline/internal/site"
)

// Routes lists every route Dateline answers, grouped by audience.
func Routes(pub *site.Handler, assets *render.Assets) http.Handler {
	mux := http.NewServeMux()

	// Public pages: no session, no per-visitor content, cacheable.
	mux.Handle("GET /{$}", pub.Handle(pub.Front))
	mux.Handle("GET /section/{slug}/{$}", pub.Handle(pub.Section))
	mux.Handle("GET /tag/{slug}/{$}", pub.Handle(pub.Tag))
	mux.Handle("GET /author/{slug}/{$}", pub.Handle(pub.Author))
	mux.Handle("GET /{year}/{month}/{day}/{slug}/{$}", pub.Handle(pub.Article))
	mux.Handle("GET /{slug}/{$}", pub.Handle(pub.Page))
	mux.Handle("GET /robots.txt", pub.Handle(pub.Robots))

	// Files: content-addressed, cached for a year.
	mux.Handle("GET /static/{hash}/{dir}/{file}", assets)
	mux.Handle("GET /media/{file}", pub.Handle(pub.Media))

	// Operators.
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		w.Write([]byte("ok\n"))
	})

	mux.Handle("GET /", pub.Handle(pub.NotFound))
	return slashRedirect(mux)
}

// slashRedirect sends /section/world to /section/world/ with a permanent
// redirect. (ServeMux's own redirect is temporary, which search engines
// do not treat as the page's real address.)
func slashRedirect(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		if (r.Method == http.MethodGet || r.Method == http.MethodHead) && !strings.HasSuffix(p, "/") && len(p) < 1024 {
			// ServeMux reports the slash pattern it would redirect to.
			if _, pattern := mux.Handler(r); strings.HasSuffix(pattern, "/{$}") {
				target := r.URL.EscapedPath() + "/"
				if r.URL.RawQuery != "" {
					target += "?" + r.URL.RawQuery
				}
				http.Redirect(w, r, target, http.StatusMovedPermanently)
				return
			}
		}
		mux.ServeHTTP(w, r)
	})
}
