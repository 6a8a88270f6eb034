package server_test

import (
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/blob/disk"
	"github.com/datelinenews/dateline/internal/demo"
	"github.com/datelinenews/dateline/internal/server"
	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/store/storetest"
)

// published returns every visible demo story, newest first.
func (a *app) published(t testing.TB) []article.Article {
	t.Helper()
	list, _, err := a.articles.List(context.Background(), article.Filter{Limit: 100})
	if err != nil || len(list) < 10 {
		t.Fatalf("demo stories: %d, %v", len(list), err)
	}
	return list
}

func kabul() *time.Location { return demo.Site.Location() }

func TestPublicRoutes(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		a := newApp(t, st)
		stories := a.published(t)
		first := stories[0]
		var persian article.Article
		for _, s := range stories {
			if s.Language == "fa-AF" {
				persian = s
			}
		}
		if persian.ID == 0 {
			t.Fatal("demo has no Dari story")
		}
		author := first.Authors[0]
		tag := first.Tags[0]

		type scenario struct {
			name, path  string
			status      int
			contains    []string
			notContains []string
			location    string
			cacheable   bool
		}
		scenarios := []scenario{
			{name: "front page", path: "/", status: 200, cacheable: true,
				contains: []string{demo.Site.Name, first.Headline, `<html lang="en" dir="ltr">`, `fetchpriority="high"`, "Latest"}},
			{name: "section front", path: first.Section.Path(), status: 200, cacheable: true,
				contains: []string{"<h1>" + first.Section.Name + "</h1>", first.Headline, `aria-current="page"`}},
			{name: "section without slash", path: strings.TrimSuffix(first.Section.Path(), "/"), status: 301, location: first.Section.Path()},
			{name: "tag archive", path: tag.Path(), status: 200, cacheable: true, contains: []string{tag.Name, first.Headline}},
			{name: "author archive", path: author.Path(), status: 200, cacheable: true, contains: []string{author.Name, first.Headline}},
			{name: "article", path: first.Path(kabul()), status: 200, cacheable: true,
				contains: []string{"<h1 class=\"headline\">" + first.Headline, first.Standfirst, author.Name, "Click to see full-size image",
					`width="320" height="180"`, `rel="canonical"`, first.Dateline}},
			{name: "Dari article right to left", path: persian.Path(kabul()), status: 200,
				contains: []string{`lang="fa-AF" dir="rtl"`, persian.Headline}},
			{name: "article at wrong date", path: article.DatedPath(first.PublishedAt.Add(-72*time.Hour), first.Slug), status: 301, location: first.Path(kabul())},
			{name: "about page", path: "/about/", status: 200, cacheable: true, contains: []string{"About"}},
			{name: "support page", path: "/support/", status: 200},
			{name: "contact page", path: "/contact/", status: 200},
			{name: "robots.txt", path: "/robots.txt", status: 200, contains: []string{"User-agent: *"}},
			{name: "health", path: "/healthz", status: 200},
			{name: "unknown page", path: "/no-such-page/", status: 404, contains: []string{"Page not found", demo.Site.Name}},
			{name: "unknown deep path", path: "/a/b/c/d/e/f", status: 404, contains: []string{"Page not found"}},
			{name: "unknown section", path: "/section/sport/", status: 404},
			{name: "unknown tag", path: "/tag/nothing-here/", status: 404},
			{name: "unknown author", path: "/author/nobody/", status: 404},
			{name: "unknown article", path: "/2026/11/25/never-written/", status: 404},
			{name: "non-numeric date", path: "/yyyy/mm/dd/" + first.Slug + "/", status: 301, location: first.Path(kabul())},
			{name: "negative page", path: "/section/world/?page=-1", status: 400, contains: []string{"not quite right"}},
			{name: "word for page", path: "/section/world/?page=abc", status: 400},
			{name: "huge page number", path: "/section/world/?page=99999999999999999999", status: 400},
			{name: "page past the end", path: "/section/world/?page=50", status: 404},
			{name: "10 KB path", path: "/" + strings.Repeat("x", 10<<10) + "/", status: 404},
			{name: "10 KB article slug", path: "/2026/11/25/" + strings.Repeat("y", 10<<10) + "/", status: 404},
			{name: "oversized query", path: "/?q=" + strings.Repeat("z", 5000), status: 400},
			{name: "tracking parameters are fine", path: "/?utm_source=newsletter", status: 200},
			{name: "bad media key", path: "/media/..%2f..%2fetc%2fpasswd", status: 404},
			{name: "missing media", path: "/media/nothing.jpg", status: 404},
			{name: "stale static hash", path: "/static/000000000000/css/site.css", status: 404},
		}
		for _, sc := range scenarios {
			t.Run(sc.name, func(t *testing.T) {
				res := a.get(t, sc.path)
				b := body(t, res)
				if res.StatusCode != sc.status {
					t.Fatalf("GET %.80s = %d, want %d\n%.500s", sc.path, res.StatusCode, sc.status, b)
				}
				if sc.location != "" {
					if loc := res.Header.Get("Location"); loc != sc.location {
						t.Errorf("Location = %q, want %q", loc, sc.location)
					}
				}
				for _, want := range sc.contains {
					if !strings.Contains(b, want) {
						t.Errorf("GET %s: body lacks %q", sc.path, want)
					}
				}
				for _, bad := range sc.notContains {
					if strings.Contains(b, bad) {
						t.Errorf("GET %s: body has %q", sc.path, bad)
					}
				}
				if sc.cacheable {
					if cc := res.Header.Get("Cache-Control"); !strings.HasPrefix(cc, "public, max-age=") {
						t.Errorf("Cache-Control = %q", cc)
					}
					if res.Header.Get("ETag") == "" {
						t.Error("no ETag")
					}
					if strings.Contains(res.Header.Get("Set-Cookie"), "=") {
						t.Error("public page sets a cookie")
					}
				}
			})
		}
	})
}

// TestStaticAndMediaFiles follows the stylesheet, icon and photo links of
// the front page, as a browser would.
func TestStaticAndMediaFiles(t *testing.T) {
	a := newApp(t, storetest.OpenSQLite(t))
	front := body(t, a.get(t, "/"))
	wants := map[string]string{
		`href="(/static/[0-9a-f]+/css/site\.css)"`: "text/css",
		`href="(/static/[0-9a-f]+/img/icon\.svg)"`: "image/svg+xml",
		`src="(/media/[^"]+\.jpg)"`:                "image/jpeg",
	}
	for pattern, ctype := range wants {
		m := regexp.MustCompile(pattern).FindStringSubmatch(front)
		if m == nil {
			t.Errorf("front page has no link matching %s", pattern)
			continue
		}
		res := a.get(t, m[1])
		b := body(t, res)
		if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), ctype) || len(b) == 0 {
			t.Errorf("GET %s = %d %q, %d bytes", m[1], res.StatusCode, res.Header.Get("Content-Type"), len(b))
		}
		if cc := res.Header.Get("Cache-Control"); !strings.Contains(cc, "immutable") {
			t.Errorf("GET %s: Cache-Control %q, want immutable", m[1], cc)
		}
	}
}

func TestConditionalAndCompressed(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		a := newApp(t, st)
		res := a.get(t, "/")
		plain := body(t, res)
		etag := res.Header.Get("ETag")
		if res := a.get(t, "/", "If-None-Match", etag); res.StatusCode != http.StatusNotModified {
			t.Errorf("If-None-Match with current ETag = %d, want 304", res.StatusCode)
		}
		if res := a.get(t, "/", "If-None-Match", `"stale"`); res.StatusCode != http.StatusOK {
			t.Errorf("If-None-Match with old ETag = %d, want 200", res.StatusCode)
		}
		res = a.get(t, "/", "Accept-Encoding", "gzip, br")
		if res.Header.Get("Content-Encoding") != "gzip" || res.Header.Get("ETag") == etag {
			t.Fatalf("gzip response: encoding %q, etag %q (plain %q)", res.Header.Get("Content-Encoding"), res.Header.Get("ETag"), etag)
		}
		zr, err := gzip.NewReader(res.Body)
		if err != nil {
			t.Fatal(err)
		}
		unzipped, _ := io.ReadAll(zr)
		if string(unzipped) != plain {
			t.Error("gzip body differs from the plain page")
		}
		if !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
			t.Error("no Vary: Accept-Encoding")
		}
	})
}

func TestRedirectsAndGone(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		a := newApp(t, st)
		stories := a.published(t)
		moved, gone := stories[1], stories[2]
		oldPath := moved.Path(kabul())

		in := article.InputOf(moved)
		in.Slug = "a-new-slug-for-this-story"
		in.PublishedAt = moved.PublishedAt.Add(-48 * time.Hour)
		updated, err := a.articles.Update(ctx, moved.ID, in)
		if err != nil {
			t.Fatal(err)
		}
		res := a.get(t, oldPath)
		if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != updated.Path(kabul()) {
			t.Errorf("old URL: %d → %q, want 301 → %q", res.StatusCode, res.Header.Get("Location"), updated.Path(kabul()))
		}
		if res := a.get(t, updated.Path(kabul())); res.StatusCode != http.StatusOK {
			t.Errorf("new URL: %d", res.StatusCode)
		}

		in = article.InputOf(gone)
		in.Status = article.Unpublished
		if _, err := a.articles.Update(ctx, gone.ID, in); err != nil {
			t.Fatal(err)
		}
		res = a.get(t, gone.Path(kabul()))
		if b := body(t, res); res.StatusCode != http.StatusGone || !strings.Contains(b, "removed") {
			t.Errorf("unpublished story: %d", res.StatusCode)
		}
		if b := body(t, a.get(t, "/")); strings.Contains(b, gone.Headline) {
			t.Error("front page still lists the unpublished story")
		}
	})
}

func TestArchivePagination(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		a := newApp(t, st)
		first := a.published(t)[0]
		// Fill the section past one page.
		for i := range 12 {
			in := article.InputOf(first)
			in.Slug, in.Lead = "", false
			in.Headline = "Filler story number " + string(rune('A'+i))
			in.PublishedAt = now.Add(-time.Duration(500+i) * time.Hour)
			if _, err := a.articles.Create(ctx, in); err != nil {
				t.Fatal(err)
			}
		}
		path := first.Section.Path()
		p1 := body(t, a.get(t, path))
		if !strings.Contains(p1, `rel="next" href="`+path+`?page=2"`) || strings.Contains(p1, `rel="prev"`) {
			t.Errorf("page 1 pager wrong")
		}
		res := a.get(t, path+"?page=2")
		p2 := body(t, res)
		if res.StatusCode != 200 || !strings.Contains(p2, `rel="prev" href="`+path+`"`) || !strings.Contains(p2, "Page 2 of") {
			t.Errorf("page 2: %d", res.StatusCode)
		}
		if !strings.Contains(p2, "Filler story number L") {
			t.Error("oldest story not on page 2")
		}
	})
}

// TestNoThirdPartyReferences checks every src and href on the main pages
// points at this site, so readers' browsers contact no one else.
func TestNoThirdPartyReferences(t *testing.T) {
	a := newApp(t, storetest.OpenSQLite(t))
	first := a.published(t)[0]
	attr := regexp.MustCompile(`(?:src|href|srcset|action)="([^"]*)"`)
	for _, path := range []string{"/", first.Path(kabul()), first.Section.Path(), "/about/", "/nope/"} {
		b := body(t, a.get(t, path))
		for _, m := range attr.FindAllStringSubmatch(b, -1) {
			u := m[1]
			if strings.HasPrefix(u, "http://example.com/") { // httptest's host, used for canonical links
				continue
			}
			if !strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "#") {
				t.Errorf("%s refers to %q", path, u)
			}
		}
	}
}

// TestDatabaseDown shows the reader a plain error page, never cached, when
// the database stops answering.
func TestDatabaseDown(t *testing.T) {
	st := storetest.OpenSQLite(t)
	a := newApp(t, st)
	st.Close()
	res := a.get(t, "/")
	b := body(t, res)
	if res.StatusCode != http.StatusInternalServerError || !strings.Contains(b, "Something went wrong") {
		t.Errorf("GET / with the database closed = %d\n%s", res.StatusCode, b)
	}
	if cc := res.Header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("error page Cache-Control = %q, want no-store", cc)
	}
}

func TestHead(t *testing.T) {
	a := newApp(t, storetest.OpenSQLite(t))
	req := httptest.NewRequest(http.MethodHead, "/", nil)
	rec := httptest.NewRecorder()
	a.handler.ServeHTTP(rec, req)
	if rec.Code != 200 || rec.Body.Len() != 0 || rec.Header().Get("Content-Length") == "" {
		t.Errorf("HEAD / = %d with %d body bytes, Content-Length %q", rec.Code, rec.Body.Len(), rec.Header().Get("Content-Length"))
	}
	for _, method := range []string{http.MethodPost, http.MethodDelete} {
		rec := httptest.NewRecorder()
		a.handler.ServeHTTP(rec, httptest.NewRequest(method, "/", nil))
		if rec.Code != http.StatusMethodNotAllowed {
			t.Errorf("%s / = %d, want 405", method, rec.Code)
		}
	}
}

// TestCanonicalURL: with a configured address, absolute links ignore the
// request's Host header, which anyone can forge.
func TestCanonicalURL(t *testing.T) {
	ctx := context.Background()
	st := storetest.OpenSQLite(t)
	a := newApp(t, st)
	media, _ := disk.New(t.TempDir())
	built, err := server.Build(ctx, server.Deps{Store: st, Media: media, Log: testLogger(t), Now: func() time.Time { return now }, BaseURL: "https://news.example.org/"})
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodGet, "/about/", nil)
	req.Host = "evil.example"
	rec := httptest.NewRecorder()
	built.Handler.ServeHTTP(rec, req)
	page := rec.Body.String()
	if !strings.Contains(page, `<link rel="canonical" href="https://news.example.org/about/">`) || strings.Contains(page, "evil.example") {
		t.Errorf("canonical link follows the Host header")
	}
	_ = a
}

// TestSupportCallToAction: "Support <site name>" at the top of every
// article and again after its body.
func TestSupportCallToAction(t *testing.T) {
	a := newApp(t, storetest.OpenSQLite(t))
	page := body(t, a.get(t, a.published(t)[0].Path(kabul())))
	if n := strings.Count(page, ">Support "+demo.Site.Name+"</a>"); n != 2 {
		t.Errorf("support links on the article: %d, want 2 (top and after the body)", n)
	}
}

// TestSharingCards: OpenGraph and Twitter tags, one canonical link.
func TestSharingCards(t *testing.T) {
	a := newApp(t, storetest.OpenSQLite(t))
	story := a.published(t)[0]
	page := body(t, a.get(t, story.Path(kabul())))
	for _, want := range []string{`<meta property="og:type" content="article">`, `<meta property="og:image" content="http://example.com/media/`,
		`<meta name="twitter:card" content="summary_large_image">`, `<meta property="og:site_name" content="` + demo.Site.Name + `">`} {
		if !strings.Contains(page, want) {
			t.Errorf("article lacks %s", want)
		}
	}
	for _, path := range []string{"/", story.Path(kabul()), story.Section.Path(), "/about/"} {
		if n := strings.Count(body(t, a.get(t, path)), `rel="canonical"`); n != 1 {
			t.Errorf("%s has %d canonical links, want 1", path, n)
		}
	}
}
