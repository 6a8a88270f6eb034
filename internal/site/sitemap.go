package site

import (
	"context"
	"encoding/xml"
	"github.com/datelinenews/dateline/internal/change"
	"net/http"
	"strings"
	"time"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/web"
)

// The sitemap protocol's namespaces.
const (
	sitemapNS = "http://www.sitemaps.org/schemas/sitemap/0.9"
	newsNS    = "http://www.google.com/schemas/sitemap-news/0.9"
)

// newsWindow is how far back the Google News sitemap reaches: Google takes
// only stories from the last two days from it.
const newsWindow = 48 * time.Hour

// newsLimit is the most URLs a news sitemap may list.
const newsLimit = 1000

// endOfTime bounds "all stories" from above; visibility still cuts at now.
var endOfTime = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)

type sitemapIndex struct {
	XMLName  xml.Name     `xml:"sitemapindex"`
	NS       string       `xml:"xmlns,attr"`
	Sitemaps []sitemapURL `xml:"sitemap"`
}

type urlSet struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	News    string       `xml:"xmlns:news,attr,omitempty"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string    `xml:"loc"`
	LastMod string    `xml:"lastmod,omitempty"`
	News    *newsItem `xml:"news:news"`
}

type newsItem struct {
	Publication newsPublication `xml:"news:publication"`
	Date        string          `xml:"news:publication_date"`
	Title       string          `xml:"news:title"`
}

type newsPublication struct {
	Name     string `xml:"news:name"`
	Language string `xml:"news:language"`
}

// SitemapIndex serves /sitemap.xml: the pages sitemap, one sitemap per
// month with stories, and the news sitemap while there is recent news.
func (h *Handler) SitemapIndex(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	site, err := h.Content.Site(ctx)
	if err != nil {
		return err
	}
	stories, err := h.sitemapStories(ctx, time.Time{}, endOfTime)
	if err != nil {
		return err
	}
	origin := h.absURL(r, "")
	_, newest, err := h.pageURLs(ctx, origin, stories)
	if err != nil {
		return err
	}
	idx := sitemapIndex{NS: sitemapNS, Sitemaps: []sitemapURL{{Loc: origin + "/sitemap-pages.xml", LastMod: w3c(newest)}}}
	if recent := h.recent(stories); len(recent) > 0 {
		idx.Sitemaps = append(idx.Sitemaps, sitemapURL{Loc: origin + "/sitemap-news.xml", LastMod: w3c(newestOf(recent))})
	}
	for _, m := range byMonth(stories, site.Location()) {
		idx.Sitemaps = append(idx.Sitemaps, sitemapURL{Loc: origin + "/" + m.Start.Format(monthSitemapName), LastMod: w3c(m.Updated)})
	}
	return writeXML(w, r, idx, newest)
}

// SitemapPages serves /sitemap-pages.xml: the front page, the section
// fronts and the static pages.
func (h *Handler) SitemapPages(w http.ResponseWriter, r *http.Request) error {
	stories, err := h.sitemapStories(r.Context(), time.Time{}, endOfTime)
	if err != nil {
		return err
	}
	urls, newest, err := h.pageURLs(r.Context(), h.absURL(r, ""), stories)
	if err != nil {
		return err
	}
	return writeXML(w, r, urlSet{NS: sitemapNS, URLs: urls}, newest)
}

// pageURLs lists the front, sections and static pages with when each last
// changed: a front changes whenever a story on it does.
func (h *Handler) pageURLs(ctx context.Context, origin string, stories []article.Article) ([]sitemapURL, time.Time, error) {
	sections, err := h.Content.ListSections(ctx)
	if err != nil {
		return nil, time.Time{}, err
	}
	pages, err := h.Content.ListPages(ctx)
	if err != nil {
		return nil, time.Time{}, err
	}
	bySection := map[int64]time.Time{}
	for _, a := range stories {
		bySection[a.Section.ID] = later(bySection[a.Section.ID], modified(a))
	}
	newest := newestOf(stories)
	urls := []sitemapURL{{Loc: origin + "/", LastMod: w3c(newest)}}
	for _, sec := range sections {
		t := later(sec.UpdatedAt, bySection[sec.ID])
		urls, newest = append(urls, sitemapURL{Loc: origin + sec.Path(), LastMod: w3c(t)}), later(newest, t)
	}
	for _, p := range pages {
		urls, newest = append(urls, sitemapURL{Loc: origin + p.Path(), LastMod: w3c(p.UpdatedAt)}), later(newest, p.UpdatedAt)
	}
	return urls, newest, nil
}

// NewsSitemap serves /sitemap-news.xml, the Google News sitemap of the
// stories published in the last 48 hours.
func (h *Handler) NewsSitemap(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	site, err := h.Content.Site(ctx)
	if err != nil {
		return err
	}
	stories, err := h.sitemapStories(ctx, h.Now().Add(-newsWindow), endOfTime)
	if err != nil {
		return err
	}
	stories = stories[:min(len(stories), newsLimit)]
	origin, loc := h.absURL(r, ""), site.Location()
	set := urlSet{NS: sitemapNS, News: newsNS}
	for _, a := range stories {
		set.URLs = append(set.URLs, sitemapURL{Loc: origin + a.Path(loc), LastMod: w3c(modified(a)),
			News: &newsItem{Publication: newsPublication{Name: site.Name, Language: newsLanguage(a.Language)},
				Date: w3c(a.PublishedAt), Title: a.Headline}})
	}
	return writeXML(w, r, set, newestOf(stories))
}

// RootFile serves the month sitemaps, /sitemap-2026-11.xml. ServeMux
// cannot match part of a path segment, so this route claims every top-level
// name no other route does, and answers the rest as the mux did before it:
// a name without a dot is a page, sent to its address with the slash; any
// other name is not found.
func (h *Handler) RootFile(w http.ResponseWriter, r *http.Request) error {
	name := r.PathValue("file")
	switch {
	case strings.HasPrefix(name, "sitemap-") && strings.HasSuffix(name, ".xml"):
		return h.monthSitemap(w, r, name)
	case name != "" && !strings.Contains(name, "."):
		target := r.URL.EscapedPath() + "/"
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, target, http.StatusMovedPermanently)
		return nil
	}
	return web.NotFound()
}

// monthSitemap lists the stories published in one month of the site's
// time zone, the zone their dated URLs use.
func (h *Handler) monthSitemap(w http.ResponseWriter, r *http.Request, name string) error {
	ctx := r.Context()
	site, err := h.Content.Site(ctx)
	if err != nil {
		return err
	}
	loc := site.Location()
	start, ok := monthOf(name, loc)
	if !ok {
		return web.NotFound() // sitemap-2026-13.xml, sitemap-abc.xml
	}
	stories, err := h.sitemapStories(ctx, start, start.AddDate(0, 1, 0))
	if err != nil {
		return err
	}
	if len(stories) == 0 {
		return web.NotFound()
	}
	origin := h.absURL(r, "")
	set := urlSet{NS: sitemapNS}
	for _, a := range stories {
		set.URLs = append(set.URLs, sitemapURL{Loc: origin + a.Path(loc), LastMod: w3c(modified(a))})
	}
	return writeXML(w, r, set, newestOf(stories))
}

// monthSitemapName is the layout of a month sitemap's file name.
const monthSitemapName = "sitemap-2006-01.xml"

// monthOf reads the month a sitemap's file name names, in loc. Only the
// one spelling we link to counts, so each month has a single URL.
func monthOf(name string, loc *time.Location) (time.Time, bool) {
	start, err := time.ParseInLocation(monthSitemapName, name, loc)
	return start, err == nil && start.Format(monthSitemapName) == name
}

// sitemapStories returns the stories visible now that were published in [from, to).
func (h *Handler) sitemapStories(ctx context.Context, from, to time.Time) ([]article.Article, error) {
	return h.Feeds.SitemapStories(ctx, from, to, h.Now())
}

// recent keeps the stories of the news window; stories come newest first.
func (h *Handler) recent(stories []article.Article) []article.Article {
	since := h.Now().Add(-newsWindow)
	for i, a := range stories {
		if a.PublishedAt.Before(since) {
			return stories[:i]
		}
	}
	return stories
}

// monthStamp is a month with stories and when the newest change among them was.
type monthStamp struct{ Start, Updated time.Time }

// byMonth groups stories, newest first, by month of publication in loc.
func byMonth(stories []article.Article, loc *time.Location) []monthStamp {
	var months []monthStamp
	for _, a := range stories {
		t := a.PublishedAt.In(loc)
		start := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, loc)
		if n := len(months); n == 0 || !months[n-1].Start.Equal(start) {
			months = append(months, monthStamp{Start: start})
		}
		last := &months[len(months)-1]
		last.Updated = later(last.Updated, modified(a))
	}
	return months
}

// newsLanguage turns a BCP 47 tag into what Google News accepts: an
// ISO 639 code, or zh-cn / zh-tw for Chinese.
func newsLanguage(tag string) string {
	base, rest, _ := strings.Cut(strings.ToLower(tag), "-")
	if base != "zh" {
		return base
	}
	if strings.Contains(rest, "hant") || strings.Contains(rest, "tw") || strings.Contains(rest, "hk") {
		return "zh-tw"
	}
	return "zh-cn"
}

func newestOf(stories []article.Article) time.Time {
	var t time.Time
	for _, a := range stories {
		t = later(t, modified(a))
	}
	return t
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// w3c writes a sitemap date; a zero time is left out.
func w3c(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func writeXML(w http.ResponseWriter, r *http.Request, doc any, updated time.Time) error {
	out, err := xml.MarshalIndent(doc, "", "  ")
	if err != nil {
		return err
	}
	web.Keys(w, change.Sitemap)
	writeDated(w, r, "application/xml; charset=utf-8", append([]byte(xml.Header), out...), updated)
	return nil
}
