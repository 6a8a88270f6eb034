package server

import (
	"net/http"

	"github.com/datelinenews/dateline/internal/site"
)

// searchRoutes serves /search, and sends /search/ there permanently with
// the query kept: "search" is a reserved page slug, so without this the
// slash form would be a page that does not exist.
func searchRoutes(mux *http.ServeMux, pub *site.Handler) {
	mux.Handle("GET /search", pub.Handle(pub.Search))
	mux.HandleFunc("GET /search/{$}", func(w http.ResponseWriter, r *http.Request) {
		target := "/search"
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, target, http.StatusMovedPermanently)
	})
}
