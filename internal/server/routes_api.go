package server

import (
	"net/http"
	"strings"

	"github.com/datelinenews/dateline/internal/api"
	"github.com/datelinenews/dateline/internal/desk"
	"github.com/datelinenews/dateline/internal/people"
)

// apiKeyRoutes lists the desk's page where admins make and revoke the
// Content API's keys.
func apiKeyRoutes(mux *http.ServeMux, dk *desk.Handler) {
	mux.Handle("GET /admin/api-keys", dk.Need(people.ManageSettings, dk.APIKeys))
	mux.Handle("POST /admin/api-keys", dk.Need(people.ManageSettings, dk.CreateAPIKey))
	mux.Handle("POST /admin/api-keys/{id}/revoke", dk.Need(people.ManageSettings, dk.RevokeAPIKey))
}

// withAPI sends every path under /api/ to the read-only Content API, every
// route behind a key, and the rest to site. The API has a router of its
// own so that any /api/ address answers in JSON (a 404 page in HTML would
// puzzle a program) without clashing with the site's /{slug}/ patterns.
func withAPI(ap *api.Handler, site http.Handler) http.Handler {
	mux := http.NewServeMux()
	key := func(fn func(http.ResponseWriter, *http.Request) error) http.Handler {
		return ap.Authenticate(ap.Handle(fn))
	}
	mux.Handle("GET /api/v1/articles", key(ap.ListArticles))
	mux.Handle("GET /api/v1/articles/{id}", key(ap.ShowArticle))
	mux.Handle("GET /api/v1/sections", key(ap.ListSections))
	mux.Handle("GET /api/v1/tags", key(ap.ListTags))
	mux.Handle("GET /api/v1/authors", key(ap.ListAuthors))
	mux.Handle("/", ap.Handle(ap.NotFound))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/api/") {
			mux.ServeHTTP(w, r)
			return
		}
		site.ServeHTTP(w, r)
	})
}
