package server

import (
	"net/http"
	"strings"

	"github.com/datelinenews/dateline/internal/api"
	"github.com/datelinenews/dateline/internal/desk"
	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/render"
	"github.com/datelinenews/dateline/internal/site"
)

// Routes lists every route Dateline answers, grouped by audience.
func Routes(pub *site.Handler, dk *desk.Handler, ap *api.Handler, assets *render.Assets) http.Handler {
	mux := http.NewServeMux()

	// Public pages: no session, no per-visitor content, cacheable.
	mux.Handle("GET /{$}", pub.Handle(pub.Front))
	mux.Handle("GET /section/{slug}/{$}", pub.Handle(pub.Section))
	mux.Handle("GET /tag/{slug}/{$}", pub.Handle(pub.Tag))
	mux.Handle("GET /author/{slug}/{$}", pub.Handle(pub.Author))
	mux.Handle("GET /{year}/{month}/{day}/{slug}/{$}", pub.Handle(pub.Article))
	mux.Handle("GET /{slug}/{$}", pub.Handle(pub.Page))
	mux.Handle("GET /comments/feed/{$}", pub.Handle(pub.SiteCommentFeed))
	mux.Handle("GET /{year}/{month}/{day}/{slug}/feed/{$}", pub.Handle(pub.ArticleCommentFeed))
	mux.Handle("GET /robots.txt", pub.Handle(pub.Robots))
	searchRoutes(mux, pub)
	// Story feeds, each in RSS, Atom and JSON Feed, and sitemaps. Month
	// sitemaps (/sitemap-2026-11.xml) come through /{file}: a pattern cannot
	// match part of a segment.
	mux.Handle("GET /feed/{$}", pub.Handle(pub.SiteFeed(site.RSS)))
	mux.Handle("GET /feed/atom/{$}", pub.Handle(pub.SiteFeed(site.Atom)))
	mux.Handle("GET /feed/json/{$}", pub.Handle(pub.SiteFeed(site.JSONFeed)))
	mux.Handle("GET /section/{slug}/feed/{$}", pub.Handle(pub.SectionFeed(site.RSS)))
	mux.Handle("GET /section/{slug}/feed/atom/{$}", pub.Handle(pub.SectionFeed(site.Atom)))
	mux.Handle("GET /section/{slug}/feed/json/{$}", pub.Handle(pub.SectionFeed(site.JSONFeed)))
	mux.Handle("GET /tag/{slug}/feed/{$}", pub.Handle(pub.TagFeed(site.RSS)))
	mux.Handle("GET /tag/{slug}/feed/atom/{$}", pub.Handle(pub.TagFeed(site.Atom)))
	mux.Handle("GET /tag/{slug}/feed/json/{$}", pub.Handle(pub.TagFeed(site.JSONFeed)))
	mux.Handle("GET /author/{slug}/feed/{$}", pub.Handle(pub.AuthorFeed(site.RSS)))
	mux.Handle("GET /author/{slug}/feed/atom/{$}", pub.Handle(pub.AuthorFeed(site.Atom)))
	mux.Handle("GET /author/{slug}/feed/json/{$}", pub.Handle(pub.AuthorFeed(site.JSONFeed)))
	mux.Handle("GET /sitemap.xml", pub.Handle(pub.SitemapIndex))
	mux.Handle("GET /sitemap-pages.xml", pub.Handle(pub.SitemapPages))
	mux.Handle("GET /sitemap-news.xml", pub.Handle(pub.NewsSitemap))
	mux.Handle("GET /{file}", pub.Handle(pub.RootFile))
	mux.Handle("POST /comments", pub.Handle(pub.PostComment))            // same-origin only, like every form
	mux.Handle("GET /preview/{id}/{token}/{$}", pub.Handle(pub.Preview)) // private, uncached

	// The newsroom desk: a session on every route but sign-in; each action
	// checked against the user's role.
	mux.Handle("GET /admin/sign-in", dk.Open(dk.SignInForm))
	mux.Handle("POST /admin/sign-in", dk.Open(dk.SignIn))
	mux.Handle("POST /admin/sign-out", dk.Handle(dk.SignOut))
	mux.Handle("GET /admin/{$}", dk.Handle(dk.Stories))
	mux.Handle("GET /admin/stories/new", dk.Need(people.WriteStories, dk.NewStory))
	mux.Handle("POST /admin/stories/new", dk.Need(people.WriteStories, dk.SaveStory))
	mux.Handle("POST /admin/stories/bulk", dk.Handle(dk.Bulk))
	mux.Handle("GET /admin/stories/{id}", dk.Handle(dk.EditStory))
	mux.Handle("POST /admin/stories/{id}", dk.Handle(dk.SaveStory))
	mux.Handle("POST /admin/stories/{id}/send-back", dk.Need(people.ReviewStories, dk.SendBack))
	mux.Handle("POST /admin/stories/{id}/corrections", dk.Need(people.CorrectStories, dk.Correct))
	mux.Handle("GET /admin/stories/{id}/revisions", dk.Handle(dk.Revisions))
	mux.Handle("POST /admin/stories/{id}/revisions/{rev}/restore", dk.Handle(dk.RestoreRevision))
	mux.Handle("POST /admin/preview", dk.Handle(dk.Preview))
	manageRoutes(mux, dk)
	commentRoutes(mux, dk)
	mux.Handle("GET /admin/comments/blocklist", dk.Need(people.ModerateComments, dk.Blocklist))
	mux.Handle("POST /admin/comments/blocklist", dk.Need(people.ModerateComments, dk.BlockAdd))
	mux.Handle("POST /admin/comments/blocklist/{id}/delete", dk.Need(people.ModerateComments, dk.BlockDelete))
	userRoutes(mux, dk)
	mediaRoutes(mux, dk)
	supportRoutes(mux, dk)
	apiKeyRoutes(mux, dk)

	// Files: content-addressed, cached for a year.
	mux.Handle("GET /static/{hash}/{dir}/{file}", assets)
	mux.Handle("GET /media/{file}", pub.Handle(pub.Media))

	// Operators.
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		w.Write([]byte("ok\n"))
	})

	mux.Handle("GET /", pub.Handle(pub.NotFound))
	return withAPI(ap, slashRedirect(mux))
}

// slashRedirect sends /section/world to /section/world/ with a permanent
// redirect. (ServeMux's own redirect is temporary, which search engines
// do not treat as the page's real address.)
func slashRedirect(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		last := p[strings.LastIndex(p, "/")+1:]
		if (r.Method == http.MethodGet || r.Method == http.MethodHead) && !strings.HasSuffix(p, "/") && !strings.Contains(last, ".") && len(p) < 1024 {
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
