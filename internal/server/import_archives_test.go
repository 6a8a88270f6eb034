package server_test

import (
	"net/http"
	"net/url"
	"os"
	"testing"

	"github.com/datelinenews/dateline/internal/store/storetest"
)

// TestImportedWordPressArchives imports the WordPress fixture and follows,
// over real HTTP, the old site's archive addresses (categories, nested
// ones too, tags, authors, attachment pages), their query forms and their
// feeds: each must lead with 301s to the Dateline page or feed that
// replaced it.
func TestImportedWordPressArchives(t *testing.T) {
	data, err := os.ReadFile(wpFixture)
	if err != nil {
		t.Skipf("WordPress fixture not found (%v)", err)
	}
	st := storetest.OpenSQLite(t)
	srv := importedSite(t, st, data)
	client := srv.Client()
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	story, _ := follow(t, client, srv.URL+"/?p=8") // where the story with two attached pictures is now
	if story.StatusCode != http.StatusOK {
		t.Fatalf("/?p=8 ended with %d", story.StatusCode)
	}
	storyPath := story.Request.URL.Path
	cases := map[string]string{
		"/category/world/":                "/section/world/",
		"/category/world/asia/":           "/section/asia/",
		"/category/asia/":                 "/section/asia/",
		"/?cat=4":                         "/section/middle-east/",
		"/category/world/feed/":           "/section/world/feed/",
		"/category/world/asia/feed/atom/": "/section/asia/feed/atom/",
		"/category/politics/feed/rss2/":   "/section/politics/feed/",
		"/?cat=6&feed=rss2":               "/section/politics/feed/",
		"/?tag=border-crossing":           "/tag/border-crossing/",
		"/tag/border-crossing/feed/rdf/":  "/tag/border-crossing/feed/",
		"/?tag=border-crossing&feed=atom": "/tag/border-crossing/feed/atom/",
		"/author/admin/":                  "/author/site-admin/",
		"/?author=1":                      "/author/site-admin/",
		"/author/admin/feed/":             "/author/site-admin/feed/",
		"/?author=2":                      "/author/hana-rahimi/",
		"/?attachment_id=6":               storyPath,
		"/2026/08/06/after-months-of-delay-eastbrook-gets-its-customs-reform/economists-in-valeria/": storyPath,
		"/?attachment_id=67":      "/support/",
		"/feed/rss2/":             "/feed/",
		"/feed/rdf/":              "/feed/",
		"/?feed=rss2":             "/feed/",
		"/?feed=atom":             "/feed/atom/",
		"/comments/feed/rss2/":    "/comments/feed/",
		"/category/world/page/2/": "/section/world/",
		"/author/admin/page/3/":   "/author/site-admin/",
		"/page/2/":                "/",
		"/?p=8&feed=rss2":         storyPath + "feed/",
	}
	for old, want := range cases {
		u, err := url.Parse(srv.URL + old)
		if err != nil {
			t.Fatal(err)
		}
		res, hops := follow(t, client, u.String())
		if res.StatusCode != http.StatusOK || res.Request.URL.Path != want || hops == 0 {
			t.Errorf("%s led to %s (%d) after %d redirects, want %s", old, res.Request.URL.Path, res.StatusCode, hops, want)
		}
	}
	// Addresses in non-Latin script, sent percent-encoded as browsers do.
	for _, name := range []string{"گزارش", "репортаж"} {
		old := "/tag/" + url.PathEscape(name) + "/feed/"
		res, _ := follow(t, client, srv.URL+old)
		if res.StatusCode != http.StatusOK || res.Request.URL.Path != "/tag/"+name+"/feed/" {
			t.Errorf("%s led to %s (%d)", old, res.Request.URL.Path, res.StatusCode)
		}
	}
	// What never existed stays missing.
	for _, old := range []string{"/category/nowhere/", "/category/nowhere/feed/", "/?cat=999", "/?attachment_id=999", "/about/feed/"} {
		res, _ := follow(t, client, srv.URL+old)
		if old == "/?cat=999" || old == "/?attachment_id=999" {
			if res.Request.URL.Path != "/" || res.StatusCode != http.StatusOK {
				t.Errorf("%s: %d at %s, want the front page", old, res.StatusCode, res.Request.URL)
			}
			continue
		}
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", old, res.StatusCode)
		}
	}
}
