package server_test

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"html"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/store/storetest"
)

// testOrigin is where httptest requests say they arrive.
const testOrigin = "http://example.com"

// What a feed reader takes from each format, whatever it is written in.
type parsedEntry struct {
	Title, Link, Content, Image string
	Authors, Categories         []string
}

type rssDoc struct {
	Channel struct {
		Link  string `xml:"link"`
		Items []struct {
			Title      string   `xml:"title"`
			Link       string   `xml:"link"`
			Desc       string   `xml:"description"`
			Content    string   `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
			Creators   []string `xml:"http://purl.org/dc/elements/1.1/ creator"`
			Categories []string `xml:"category"`
			Media      struct {
				URL string `xml:"url,attr"`
			} `xml:"http://search.yahoo.com/mrss/ content"`
		} `xml:"item"`
	} `xml:"channel"`
}

type atomDoc struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	Updated string   `xml:"updated"`
	Entries []struct {
		Title string `xml:"title"`
		Links []struct {
			Rel  string `xml:"rel,attr"`
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Authors []struct {
			Name string `xml:"name"`
			URI  string `xml:"uri"`
		} `xml:"author"`
		Categories []struct {
			Term string `xml:"term,attr"`
		} `xml:"category"`
		Content string `xml:"content"`
	} `xml:"entry"`
}

type jsonDoc struct {
	Version string `json:"version"`
	FeedURL string `json:"feed_url"`
	Items   []struct {
		URL         string `json:"url"`
		Title       string `json:"title"`
		ContentHTML string `json:"content_html"`
		ContentText string `json:"content_text"`
		Image       string `json:"image"`
		Authors     []struct {
			Name string `json:"name"`
			URL  string `json:"url"`
		} `json:"authors"`
		Tags []string `json:"tags"`
	} `json:"items"`
}

// parseFeed reads any of the three formats into entries, failing the test
// if the document does not parse.
func parseFeed(t *testing.T, format, b string) []parsedEntry {
	t.Helper()
	var out []parsedEntry
	switch format {
	case "rss":
		var d rssDoc
		if err := xml.Unmarshal([]byte(b), &d); err != nil {
			t.Fatalf("RSS does not parse: %v\n%.500s", err, b)
		}
		for _, it := range d.Channel.Items {
			out = append(out, parsedEntry{Title: it.Title, Link: it.Link, Content: it.Content, Image: it.Media.URL,
				Authors: it.Creators, Categories: it.Categories})
		}
	case "atom":
		var d atomDoc
		if err := xml.Unmarshal([]byte(b), &d); err != nil {
			t.Fatalf("Atom does not parse: %v\n%.500s", err, b)
		}
		for _, e := range d.Entries {
			pe := parsedEntry{Title: e.Title, Content: e.Content}
			for _, l := range e.Links {
				switch l.Rel {
				case "alternate":
					pe.Link = l.Href
				case "enclosure":
					pe.Image = l.Href
				}
			}
			for _, au := range e.Authors {
				pe.Authors = append(pe.Authors, au.Name)
			}
			for _, c := range e.Categories {
				pe.Categories = append(pe.Categories, c.Term)
			}
			out = append(out, pe)
		}
	case "json":
		var d jsonDoc
		if err := json.Unmarshal([]byte(b), &d); err != nil || d.Version != "https://jsonfeed.org/version/1.1" {
			t.Fatalf("JSON Feed does not parse (%v) or has version %q\n%.500s", err, d.Version, b)
		}
		for _, it := range d.Items {
			pe := parsedEntry{Title: it.Title, Link: it.URL, Content: it.ContentHTML, Image: it.Image, Categories: it.Tags}
			for _, au := range it.Authors {
				pe.Authors = append(pe.Authors, au.Name)
			}
			out = append(out, pe)
		}
	}
	return out
}

var emailLike = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`)

var feedKinds = []struct{ name, suffix, ctype string }{
	{"rss", "", "application/rss+xml"},
	{"atom", "atom/", "application/atom+xml"},
	{"json", "json/", "application/feed+json"},
}

func TestFeeds(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		a := newApp(t, st)
		stories := a.published(t)
		first := stories[0]
		sources := []struct {
			name, path string
			keep       func(article.Article) bool
		}{
			{"site", "/", func(article.Article) bool { return true }},
			{"section", first.Section.Path(), func(s article.Article) bool { return s.Section.ID == first.Section.ID }},
			{"tag", first.Tags[0].Path(), func(s article.Article) bool {
				return slices.ContainsFunc(s.Tags, func(tg article.Tag) bool { return tg.ID == first.Tags[0].ID })
			}},
			{"author", first.Authors[0].Path(), func(s article.Article) bool {
				return slices.ContainsFunc(s.Authors, func(au people.Author) bool { return au.ID == first.Authors[0].ID })
			}},
		}
		for _, src := range sources {
			var want []string
			for _, s := range stories {
				if src.keep(s) && len(want) < 20 {
					want = append(want, s.Headline)
				}
			}
			for _, f := range feedKinds {
				t.Run(src.name+" "+f.name, func(t *testing.T) {
					path := src.path + "feed/" + f.suffix
					res := a.get(t, path)
					b := body(t, res)
					if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), f.ctype) {
						t.Fatalf("GET %s = %d %q\n%.300s", path, res.StatusCode, res.Header.Get("Content-Type"), b)
					}
					checkFeed(t, parseFeed(t, f.name, b), want, first)
					if m := emailLike.FindString(b); m != "" {
						t.Errorf("feed carries an email address: %q", m)
					}
				})
			}
		}
	})
}

// checkFeed compares a feed's entries with the stories it should carry, newest first.
func checkFeed(t *testing.T, entries []parsedEntry, want []string, first article.Article) {
	t.Helper()
	var got []string
	for _, e := range entries {
		got = append(got, e.Title)
		if !strings.HasPrefix(e.Link, testOrigin+"/") || !strings.HasPrefix(e.Image, testOrigin+"/media/") {
			t.Errorf("%q: link %q, image %q: want absolute URLs on %s", e.Title, e.Link, e.Image, testOrigin)
		}
		if len(e.Authors) == 0 || e.Content == "" {
			t.Errorf("%q: authors %q, %d bytes of content", e.Title, e.Authors, len(e.Content))
		}
	}
	if !slices.Equal(got, want) {
		t.Fatalf("entries:\n%q\nwant:\n%q", got, want)
	}
	top := entries[0]
	if top.Link != testOrigin+first.Path(kabul()) || top.Authors[0] != first.Authors[0].Name {
		t.Errorf("newest entry: link %q by %q, want %q by %q", top.Link, top.Authors, first.Path(kabul()), first.Authors[0].Name)
	}
	if !slices.Contains(top.Categories, first.Section.Name) || !slices.Contains(top.Categories, first.Tags[0].Name) {
		t.Errorf("newest entry's categories %q lack the section %q or tag %q", top.Categories, first.Section.Name, first.Tags[0].Name)
	}
}

// TestFeedExcerpts switches feeds to standfirsts only.
func TestFeedExcerpts(t *testing.T) {
	st := storetest.OpenSQLite(t)
	a := newApp(t, st)
	first := a.published(t)[0]
	if err := st.SetFeedFullText(context.Background(), false); err != nil {
		t.Fatal(err)
	}
	var d rssDoc
	if err := xml.Unmarshal([]byte(body(t, a.get(t, "/feed/"))), &d); err != nil {
		t.Fatal(err)
	}
	it := d.Channel.Items[0]
	if it.Content != "" || it.Desc != first.Standfirst {
		t.Errorf("excerpt RSS item: %d bytes of content, description %q; want none and %q", len(it.Content), it.Desc, first.Standfirst)
	}
	var j jsonDoc
	if err := json.Unmarshal([]byte(body(t, a.get(t, "/feed/json/"))), &j); err != nil {
		t.Fatal(err)
	}
	if j.Items[0].ContentHTML != "" || j.Items[0].ContentText != first.Standfirst {
		t.Errorf("excerpt JSON item: content_html %d bytes, content_text %q", len(j.Items[0].ContentHTML), j.Items[0].ContentText)
	}
}

func TestFeedConditionalGet(t *testing.T) {
	a := newApp(t, storetest.OpenSQLite(t))
	for _, path := range []string{"/feed/", "/feed/atom/", "/feed/json/", "/sitemap.xml"} {
		t.Run(path, func(t *testing.T) {
			res := a.get(t, path)
			etag, modified := res.Header.Get("ETag"), res.Header.Get("Last-Modified")
			if etag == "" || modified == "" {
				t.Fatalf("ETag %q, Last-Modified %q", etag, modified)
			}
			lm, err := http.ParseTime(modified)
			if err != nil || lm.After(now) {
				t.Errorf("Last-Modified %q (%v): want a time before the clock", modified, err)
			}
			older := lm.Add(-time.Hour).Format(http.TimeFormat)
			cases := []struct {
				header []string
				status int
			}{
				{[]string{"If-None-Match", etag}, 304},
				{[]string{"If-Modified-Since", modified}, 304},
				{[]string{"If-Modified-Since", older}, 200},
				// An ETag, when sent, decides alone.
				{[]string{"If-None-Match", `"old"`, "If-Modified-Since", modified}, 200},
			}
			for _, c := range cases {
				if res := a.get(t, path, c.header...); res.StatusCode != c.status {
					t.Errorf("GET with %q = %d, want %d", c.header, res.StatusCode, c.status)
				}
			}
		})
	}
}

func TestFeedLinksAdvertised(t *testing.T) {
	a := newApp(t, storetest.OpenSQLite(t))
	first := a.published(t)[0]
	for _, path := range []string{"/", first.Section.Path(), first.Tags[0].Path(), first.Authors[0].Path()} {
		// html/template writes the + of a MIME type as &#43;, which browsers decode.
		b := html.UnescapeString(body(t, a.get(t, path)))
		for _, f := range feedKinds {
			want := `<link rel="alternate" type="` + f.ctype + `"`
			href := `href="` + path + "feed/" + f.suffix + `"`
			if !regexp.MustCompile(regexp.QuoteMeta(want) + `[^>]*` + regexp.QuoteMeta(href)).MatchString(b) {
				t.Errorf("GET %s: no %s … %s", path, want, href)
			}
		}
	}
}

type urlSetDoc struct {
	URLs []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
		News    *struct {
			Name     string `xml:"publication>name"`
			Language string `xml:"publication>language"`
			Date     string `xml:"publication_date"`
			Title    string `xml:"title"`
		} `xml:"http://www.google.com/schemas/sitemap-news/0.9 news"`
	} `xml:"url"`
}

// getXML fetches a sitemap and parses it into doc.
func (a *app) getXML(t *testing.T, path string, doc any) {
	t.Helper()
	res := a.get(t, path)
	b := body(t, res)
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/xml") {
		t.Fatalf("GET %s = %d %q\n%.300s", path, res.StatusCode, res.Header.Get("Content-Type"), b)
	}
	if err := xml.Unmarshal([]byte(b), doc); err != nil {
		t.Fatalf("GET %s: %v\n%.500s", path, err, b)
	}
}

// addStory files a copy of model published at the given time.
func (a *app) addStory(t *testing.T, model article.Article, headline string, at time.Time) article.Article {
	t.Helper()
	in := article.InputOf(model)
	in.Headline, in.Slug, in.PublishedAt, in.Lead = headline, "", at, false
	s, err := a.articles.Create(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSitemaps(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		a := newApp(t, st)
		model := a.published(t)[0]
		october := a.addStory(t, model, "An October story", time.Date(2026, 10, 10, 8, 0, 0, 0, time.UTC))
		// 21:00 UTC on 31 October is already 1 November in Kabul.
		boundary := a.addStory(t, model, "A story filed at midnight in Kabul", time.Date(2026, 10, 31, 21, 0, 0, 0, time.UTC))
		stories := a.published(t)

		var idx struct {
			Sitemaps []struct {
				Loc     string `xml:"loc"`
				LastMod string `xml:"lastmod"`
			} `xml:"sitemap"`
		}
		a.getXML(t, "/sitemap.xml", &idx)
		var locs []string
		for _, s := range idx.Sitemaps {
			locs = append(locs, s.Loc)
			if _, err := time.Parse(time.RFC3339, s.LastMod); err != nil {
				t.Errorf("%s: lastmod %q", s.Loc, s.LastMod)
			}
		}
		wantIndex := []string{testOrigin + "/sitemap-pages.xml", testOrigin + "/sitemap-news.xml",
			testOrigin + "/sitemap-2026-11.xml", testOrigin + "/sitemap-2026-10.xml"}
		if !slices.Equal(locs, wantIndex) {
			t.Errorf("sitemap index:\n%q\nwant\n%q", locs, wantIndex)
		}

		months := map[string][]article.Article{}
		for _, s := range stories {
			m := s.PublishedAt.In(kabul()).Format("2006-01")
			months[m] = append(months[m], s)
		}
		if len(months["2026-10"]) != 1 || months["2026-10"][0].ID != october.ID {
			t.Fatalf("October in Kabul: %d stories, want only %q", len(months["2026-10"]), october.Headline)
		}
		for m, list := range months {
			checkMonth(t, a, m, list)
		}
		if !slices.ContainsFunc(months["2026-11"], func(s article.Article) bool { return s.ID == boundary.ID }) {
			t.Error("a story published on 1 November in Kabul is not in November's sitemap")
		}
		checkPagesSitemap(t, a, model)
		checkNewsSitemap(t, a, stories)
	})
}

func checkMonth(t *testing.T, a *app, month string, want []article.Article) {
	t.Helper()
	var set urlSetDoc
	a.getXML(t, "/sitemap-"+month+".xml", &set)
	got := map[string]string{}
	for _, u := range set.URLs {
		got[u.Loc] = u.LastMod
	}
	if len(got) != len(want) {
		t.Errorf("sitemap-%s: %d URLs, want %d", month, len(got), len(want))
	}
	for _, s := range want {
		loc := testOrigin + s.Path(kabul())
		lastmod, ok := got[loc]
		if !ok {
			t.Errorf("sitemap-%s lacks %s", month, loc)
			continue
		}
		if lm, err := time.Parse(time.RFC3339, lastmod); err != nil || lm.Before(s.UpdatedAt.Truncate(time.Second)) {
			t.Errorf("%s: lastmod %q, want at least %s", loc, lastmod, s.UpdatedAt)
		}
	}
}

func checkPagesSitemap(t *testing.T, a *app, model article.Article) {
	t.Helper()
	var set urlSetDoc
	a.getXML(t, "/sitemap-pages.xml", &set)
	got := map[string]string{}
	for _, u := range set.URLs {
		got[u.Loc] = u.LastMod
	}
	for _, p := range []string{"/", model.Section.Path(), "/about/", "/support/", "/contact/"} {
		if lm, ok := got[testOrigin+p]; !ok || lm == "" {
			t.Errorf("pages sitemap: %s has lastmod %q (listed: %v)", p, lm, ok)
		}
	}
}

func checkNewsSitemap(t *testing.T, a *app, stories []article.Article) {
	t.Helper()
	var set urlSetDoc
	a.getXML(t, "/sitemap-news.xml", &set)
	var want, got []string
	for _, s := range stories {
		if now.Sub(s.PublishedAt) <= 48*time.Hour {
			want = append(want, testOrigin+s.Path(kabul()))
		}
	}
	for _, u := range set.URLs {
		got = append(got, u.Loc)
		if n := u.News; n == nil || n.Name == "" || n.Language == "" || n.Title == "" || n.Date == "" {
			t.Errorf("%s: news entry %+v", u.Loc, n)
		}
	}
	if len(want) == 0 || len(want) == len(stories) || !slices.Equal(got, want) {
		t.Errorf("news sitemap:\n%q\nwant the stories of the last 48 hours:\n%q", got, want)
	}
}

func TestSitemapInRobots(t *testing.T) {
	a := newApp(t, storetest.OpenSQLite(t))
	if b := body(t, a.get(t, "/robots.txt")); !strings.Contains(b, "\nSitemap: "+testOrigin+"/sitemap.xml\n") {
		t.Errorf("robots.txt lacks the Sitemap line:\n%s", b)
	}
}

func TestFeedAndSitemapBadURLs(t *testing.T) {
	a := newApp(t, storetest.OpenSQLite(t))
	cases := []struct {
		path     string
		status   int
		location string
	}{
		{"/sitemap-2026-13.xml", 404, ""},
		{"/sitemap-2026-00.xml", 404, ""},
		{"/sitemap-abc.xml", 404, ""},
		{"/sitemap-2026-1.xml", 404, ""},
		{"/sitemap-2020-01.xml", 404, ""}, // a month without stories
		{"/sitemap-2026-12.xml", 404, ""}, // the future
		{"/sitemap-" + strings.Repeat("9", 5000) + ".xml", 404, ""},
		{"/favicon.ico", 404, ""},
		{"/section/sport/feed/", 404, ""},
		{"/section/sport/feed/atom/", 404, ""},
		{"/tag/nothing-here/feed/json/", 404, ""},
		{"/author/nobody/feed/", 404, ""},
		{"/author/No_Body!/feed/atom/", 404, ""},
		{"/feed/xml/", 404, ""},
		// Top-level names without a dot still find their page.
		{"/about", 301, "/about/"},
		{"/feed", 301, "/feed/"},
	}
	for _, c := range cases {
		res := a.get(t, c.path)
		if res.StatusCode != c.status || res.Header.Get("Location") != c.location {
			t.Errorf("GET %.60s = %d %q, want %d %q", c.path, res.StatusCode, res.Header.Get("Location"), c.status, c.location)
		}
	}
}
