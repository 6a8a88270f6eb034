package server_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/store/storetest"
)

// pageHead is what a crawler reads from a page: <html lang dir>, canonical
// links, meta tags by property or name, and JSON-LD documents.
type pageHead struct {
	lang, dir  string
	canonicals []string
	meta       map[string]string
	jsonLD     []map[string]any
}

func readHead(t *testing.T, b string) pageHead {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	h := pageHead{meta: map[string]string{}}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		a := attrs(n)
		switch {
		case n.Data == "html":
			h.lang, h.dir = a["lang"], a["dir"]
		case n.Data == "link" && a["rel"] == "canonical":
			h.canonicals = append(h.canonicals, a["href"])
		case n.Data == "meta" && (a["property"] != "" || a["name"] != ""):
			h.meta[a["property"]+a["name"]] = a["content"]
		case n.Data == "script" && a["type"] == "application/ld+json":
			var v map[string]any
			if n.FirstChild == nil || json.Unmarshal([]byte(n.FirstChild.Data), &v) != nil {
				t.Fatalf("JSON-LD does not parse: %v", n.FirstChild)
			}
			h.jsonLD = append(h.jsonLD, v)
		}
	}
	return h
}

func attrs(n *html.Node) map[string]string {
	m := map[string]string{}
	for _, a := range n.Attr {
		m[a.Key] = a.Val
	}
	return m
}

// things returns the page's JSON-LD objects by type, requiring exactly one
// document in the schema.org context.
func (h pageHead) things(t *testing.T) map[string]map[string]any {
	t.Helper()
	if len(h.jsonLD) != 1 || h.jsonLD[0]["@context"] != "https://schema.org" {
		t.Fatalf("want one schema.org JSON-LD document, have %d: %v", len(h.jsonLD), h.jsonLD)
	}
	out := map[string]map[string]any{}
	list, _ := h.jsonLD[0]["@graph"].([]any)
	for _, x := range list {
		if m, ok := x.(map[string]any); ok {
			out[m["@type"].(string)] = m
		}
	}
	return out
}

// str reads a string at a path of keys (and 0 for the first of a list).
func str(v any, path ...any) string {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			l, _ := v.([]any)
			if k >= len(l) {
				return ""
			}
			v = l[k]
		}
	}
	s, _ := v.(string)
	return s
}

func TestStructuredDataOnEveryPage(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		a := newApp(t, st)
		stories := a.published(t)
		en, dari := stories[0], stories[0]
		for _, s := range stories {
			if s.Language == "fa-AF" {
				dari = s
			}
		}
		editor := a.addUser(t, "ld.editor@example.org", people.Editor)
		en, err := a.articles.Correct(context.Background(), editor, en.ID, article.KindCorrection, "An earlier version misspelt the district's name.")
		if err != nil {
			t.Fatal(err)
		}
		pages := []struct {
			name, path, kind, lang, dir string
		}{
			{"front", "/", "WebSite", "en", "ltr"},
			{"section", en.Section.Path(), "CollectionPage", "en", "ltr"},
			{"tag", en.Tags[0].Path(), "CollectionPage", "en", "ltr"},
			{"author", en.Authors[0].Path(), "ProfilePage", "en", "ltr"},
			{"article", en.Path(kabul()), "NewsArticle", "en", "ltr"},
			{"Dari article", dari.Path(kabul()), "NewsArticle", "fa-AF", "rtl"},
			{"static page", "/about/", "WebPage", "en", "ltr"},
			{"search", "/search?q=canal", "SearchResultsPage", "en", "ltr"},
		}
		for _, p := range pages {
			t.Run(p.name, func(t *testing.T) {
				res := a.get(t, p.path)
				b := body(t, res)
				if res.StatusCode != http.StatusOK {
					t.Fatalf("GET %s = %d", p.path, res.StatusCode)
				}
				h := readHead(t, b)
				if h.lang != p.lang || h.dir != p.dir {
					t.Errorf(`<html lang=%q dir=%q>, want %q %q`, h.lang, h.dir, p.lang, p.dir)
				}
				if len(h.canonicals) != 1 || !strings.HasPrefix(h.canonicals[0], testOrigin+"/") {
					t.Errorf("canonical links %q, want exactly one on %s", h.canonicals, testOrigin)
				}
				things := h.things(t)
				main, ok := things[p.kind]
				if !ok {
					t.Fatalf("no %s in %v", p.kind, things)
				}
				if p.kind != "WebSite" {
					checkBreadcrumbs(t, things["BreadcrumbList"], h.canonicals)
				}
				if logo := str(main, "publisher", "logo", "url"); !strings.HasPrefix(logo, testOrigin+"/") {
					t.Errorf("publisher logo %q", logo)
				} else if res := a.get(t, strings.TrimPrefix(logo, testOrigin)); res.StatusCode != 200 {
					t.Errorf("publisher logo %s answers %d", logo, res.StatusCode)
				}
			})
		}
		t.Run("NewsArticle fields", func(t *testing.T) {
			checkNewsArticle(t, a, en)
		})
	})
}

// checkBreadcrumbs checks a trail starts at the front page and ends at the
// page itself.
func checkBreadcrumbs(t *testing.T, crumbs map[string]any, canonicals []string) {
	t.Helper()
	items, _ := crumbs["itemListElement"].([]any)
	if len(items) < 2 || str(items, 0, "item") != testOrigin+"/" {
		t.Fatalf("breadcrumbs %v", crumbs)
	}
	for i, it := range items {
		if pos, _ := it.(map[string]any)["position"].(float64); int(pos) != i+1 || str(it, "name") == "" {
			t.Errorf("breadcrumb %d: %v", i, it)
		}
	}
	if last := str(items, len(items)-1, "item"); len(canonicals) == 0 || last != canonicals[0] {
		t.Errorf("the trail ends at %q, not at the page %q", last, canonicals)
	}
}

func checkNewsArticle(t *testing.T, a *app, s article.Article) {
	t.Helper()
	h := readHead(t, body(t, a.get(t, s.Path(kabul()))))
	n := h.things(t)["NewsArticle"]
	date := func(key string) time.Time {
		v, err := time.Parse(time.RFC3339, str(n, key))
		if err != nil {
			t.Errorf("%s %q: %v", key, str(n, key), err)
		}
		return v
	}
	if str(n, "headline") != s.Headline || str(n, "articleSection") != s.Section.Name || str(n, "inLanguage") != s.Language {
		t.Errorf("headline %q, section %q, language %q", str(n, "headline"), str(n, "articleSection"), str(n, "inLanguage"))
	}
	if !date("datePublished").Equal(s.PublishedAt.Truncate(time.Second)) || !date("dateModified").Equal(s.UpdatedAt.Truncate(time.Second)) {
		t.Errorf("dates %q %q, want %s %s", str(n, "datePublished"), str(n, "dateModified"), s.PublishedAt, s.UpdatedAt)
	}
	if str(n, "author", 0, "name") != s.Authors[0].Name || str(n, "author", 0, "url") != testOrigin+s.Authors[0].Path() {
		t.Errorf("author %v", n["author"])
	}
	if res := a.get(t, s.Authors[0].Path()); res.StatusCode != 200 {
		t.Errorf("author URL answers %d", res.StatusCode)
	}
	if img := str(n, "image", 0); !strings.HasPrefix(img, testOrigin+"/media/") {
		t.Errorf("image %q", img)
	}
	if str(n, "publisher", "name") == "" || str(n, "publisher", "logo", "url") == "" {
		t.Errorf("publisher %v", n["publisher"])
	}
	if str(n, "correction", 0, "@type") != "CorrectionComment" || !strings.Contains(str(n, "correction", 0, "text"), "misspelt") {
		t.Errorf("correction %v", n["correction"])
	}
	want := map[string]string{"og:type": "article", "og:title": s.Headline + " – ", "og:url": h.canonicals[0],
		"twitter:card": "summary_large_image", "og:site_name": "", "og:image": testOrigin + "/media/", "og:description": s.Standfirst,
		"article:published_time": s.PublishedAt.In(kabul()).Format(time.RFC3339), "article:section": s.Section.Name}
	for k, v := range want {
		got, ok := h.meta[k]
		if !ok || !strings.HasPrefix(got, v) || got == "" {
			t.Errorf("meta %s = %q (present %v), want %q…", k, got, ok, v)
		}
	}
}
