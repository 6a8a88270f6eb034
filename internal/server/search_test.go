package server_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/store/storetest"
)

func TestSearchPage(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		a := newApp(t, st)
		stories := a.published(t)
		canal := stories[0]
		for _, s := range stories {
			if strings.Contains(s.Headline, "canal") {
				canal = s
			}
		}
		// A story whose text looks like markup: it must come back as text.
		markup := a.searchable(t, canal, "Zanzibarite found", "A <script>alert(1)</script> rare zanzibarite mineral, <b>bold</b> claims.")
		section, author := canal.Section, canal.Authors[0]

		type scenario struct {
			name, query string
			status      int
			contains    []string
			notContains []string
		}
		scenarios := []scenario{
			{name: "empty form", query: "", status: 200,
				contains:    []string{`<meta name="robots" content="noindex">`, `role="search"`, `id="search-q"`, "Type a word or two", `<link rel="canonical" href="http://example.com/search">`},
				notContains: []string{"stories match"}},
			{name: "no words", query: `q=%22*%28`, status: 200, contains: []string{"Type a word or two"}},
			{name: "match", query: "q=canal", status: 200,
				contains: []string{`value="canal"`, "<mark>canal</mark>", canal.Path(kabul()), `class="snippet"`, `<q dir="auto">canal</q>`,
					`id="site-search-q" name="q" value="canal"`, `<link rel="canonical" href="http://example.com/search?q=canal">`}},
			{name: "no match", query: "q=zzyzx", status: 200, contains: []string{"0 stories match", "No published story has all of these words"}},
			{name: "Persian", query: "q=" + url.QueryEscape("زعفران"), status: 200,
				contains: []string{"<mark>زعفران</mark>", `lang="fa-AF" dir="rtl"`, "1 story matches"}},
			{name: "filters kept", query: "q=canal&section=" + section.Slug + "&author=" + author.Slug + "&from=2026-11-01&to=2026-11-30", status: 200,
				contains: []string{canal.Path(kabul()), `value="2026-11-01"`, `value="2026-11-30"`,
					`<option value="` + section.Slug + `" selected>`, `<option value="` + author.Slug + `" selected>`}},
			{name: "dates exclude", query: "q=canal&to=2026-10-31", status: 200, contains: []string{"0 stories match"}},
			{name: "stored markup is text", query: "q=zanzibarite", status: 200,
				contains:    []string{"<mark>Zanzibarite</mark> found", markup.Path(kabul())},
				notContains: []string{"<script>alert", "<b>bold"}},
			{name: "hostile words", query: "q=" + url.QueryEscape(`NEAR( "canal" -x col:y AND OR NOT *`), status: 200},
			{name: "unbalanced quotes", query: "q=" + url.QueryEscape(`"canal`), status: 200, contains: []string{"<mark>canal</mark>"}},
			{name: "only quotes", query: "q=" + url.QueryEscape(`"""`), status: 200, contains: []string{"Type a word or two"}},
			{name: "SQL-like", query: "q=" + url.QueryEscape(`canal'; DROP TABLE articles; --`), status: 200, contains: []string{"stories match"}},
			{name: "SQL-like union", query: "q=" + url.QueryEscape(`' UNION SELECT password_hash FROM users --`), status: 200,
				contains: []string{"0 stories match"}},
			{name: "NUL byte", query: "q=canal%00", status: 200, contains: []string{"<mark>canal</mark>"}},
			{name: "invalid UTF-8", query: "q=canal%FF%FE", status: 200, contains: []string{"<mark>canal</mark>"}},
			{name: "invalid UTF-8 alone", query: "q=%C3%28%A0%A1", status: 200},
			{name: "markers typed", query: "q=%02canal%03", status: 200, contains: []string{"<mark>canal</mark>"}},
			{name: "1 KB of words", query: "q=" + strings.Repeat("canal+", 170), status: 400,
				contains: []string{"Shorten it to 200", `value="canal canal`}},
			{name: "1 KB of one word", query: "q=" + strings.Repeat("x", 1024), status: 400, contains: []string{"Shorten it to 200"}},
			{name: "page not a number", query: "q=canal&page=abc", status: 400,
				contains: []string{"whole number from 1", `value="canal"`}},
			{name: "page zero", query: "q=canal&page=0", status: 400},
			{name: "page past the end", query: "q=canal&page=99", status: 404},
			{name: "bad date", query: "q=canal&from=notadate", status: 400,
				contains: []string{"Write the start date as year-month-day", `value="notadate"`, `aria-invalid="true"`, `value="canal"`}},
			{name: "dates reversed", query: "q=canal&from=2026-11-30&to=2026-11-01", status: 400, contains: []string{"end date is before"}},
			{name: "unknown section", query: "q=canal&section=sport", status: 400, contains: []string{"no such section"}},
			{name: "section not a slug", query: "q=canal&section=%3Cx%3E", status: 400, contains: []string{"no such section"}},
			{name: "unknown author", query: "q=canal&author=nobody", status: 400, contains: []string{"no such author"}},
			{name: "query too long", query: "q=" + strings.Repeat("a", 201), status: 400, contains: []string{"Shorten it to 200"}},
			{name: "10 KB query", query: "q=" + strings.Repeat("canal+", 1700), status: 400,
				contains: []string{"too long"}, notContains: []string{strings.Repeat("canal ", 100)}},
		}
		for _, sc := range scenarios {
			t.Run(sc.name, func(t *testing.T) {
				res := a.get(t, "/search?"+sc.query)
				b := body(t, res)
				if res.StatusCode != sc.status {
					t.Fatalf("status %d, want %d\n%s", res.StatusCode, sc.status, b)
				}
				for _, s := range sc.contains {
					if !strings.Contains(b, s) {
						t.Errorf("body lacks %q", s)
					}
				}
				for _, s := range sc.notContains {
					if strings.Contains(b, s) {
						t.Errorf("body has %q", s)
					}
				}
				if sc.status == 200 && !strings.HasPrefix(res.Header.Get("Cache-Control"), "public") {
					t.Errorf("Cache-Control %q, want public", res.Header.Get("Cache-Control"))
				}
			})
		}
	})
}

func TestSearchSlashRedirects(t *testing.T) {
	a := newApp(t, storetest.OpenSQLite(t))
	for target, want := range map[string]string{
		"/search/":                       "/search",
		"/search/?q=canal&section=world": "/search?q=canal&section=world",
		"/search/?q=%D8%B2%D8%B9":        "/search?q=%D8%B2%D8%B9",
	} {
		res := a.get(t, target)
		if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != want {
			t.Errorf("GET %s = %d to %q, want 301 to %q", target, res.StatusCode, res.Header.Get("Location"), want)
		}
	}
}

func TestSearchPagination(t *testing.T) {
	a := newApp(t, storetest.OpenSQLite(t))
	stories := a.published(t)
	for i := range 12 {
		a.searchable(t, stories[0], "Pomegranate report "+string(rune('A'+i)), "Pomegranates everywhere.")
	}
	first := body(t, a.get(t, "/search?q=pomegranate"))
	for _, want := range []string{"12 stories match", "Page 1 of 2", `href="/search?page=2&amp;q=pomegranate"`} {
		if !strings.Contains(first, want) {
			t.Errorf("page 1 lacks %q", want)
		}
	}
	if n := strings.Count(first, `class="story search-result"`); n != 10 {
		t.Errorf("page 1 lists %d results, want 10", n)
	}
	second := body(t, a.get(t, "/search?q=pomegranate&page=2"))
	if n := strings.Count(second, `class="story search-result"`); n != 2 || !strings.Contains(second, `href="/search?q=pomegranate"`) {
		t.Errorf("page 2 lists %d results / lacks the link back", n)
	}
}

func TestSearchBoxOnEveryPage(t *testing.T) {
	a := newApp(t, storetest.OpenSQLite(t))
	b := body(t, a.get(t, "/"))
	for _, want := range []string{`<form class="site-search" role="search"`, `action="/search"`, `<label class="visually-hidden" for="site-search-q">`} {
		if !strings.Contains(b, want) {
			t.Errorf("front page lacks %q", want)
		}
	}
}

// searchable publishes a story like model (same section and byline) now.
func (a *app) searchable(t *testing.T, model article.Article, headline, body string) article.Article {
	t.Helper()
	in := article.Input{Headline: headline, Body: body, SectionID: model.Section.ID,
		AuthorIDs: []int64{model.Authors[0].ID}, Language: "en", Status: article.Published, PublishedAt: now.Add(-30 * time.Minute)}
	s, err := a.articles.Create(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
