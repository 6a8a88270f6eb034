package site

import (
	"context"
	"fmt"
	"html/template"
	"net/http"
	"time"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/media"
	"github.com/datelinenews/dateline/internal/page"
	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/render"
	"github.com/datelinenews/dateline/internal/section"
	"github.com/datelinenews/dateline/internal/settings"
)

// Layout is what every public page shows around its content.
type Layout struct {
	Site        settings.Site
	Lang, Dir   string
	Title       string // the whole <title>
	Description string
	Canonical   string // absolute URL
	Origin      string // scheme://host of this site, for absolute links
	// Sharing cards (OpenGraph, Twitter): the kind of page and its picture.
	ShareType  string // "website" or "article"
	ShareImage string // absolute URL, or empty
	Sections   []section.Section
	Pages      []page.Page
	Current    string // path of the page, to mark its navigation entry aria-current="page"
	InSection  string // path of the section the page belongs to (aria-current="true")
	Feeds      []FeedLink
	Year       int
	Query      string // the words searched for, shown again in the masthead's search box
	// LogoURL is the newsroom's logo as an absolute URL for structured
	// data: the site's logo, or its icon when it has none.
	LogoURL string
	// StructuredData is the page's schema.org JSON-LD (jsonld.go).
	StructuredData template.JS
}

// Teaser is an article as shown in lists and at the top of its own page.
type Teaser struct {
	ID            int64
	URL           string
	Headline      string
	Standfirst    string
	Section       section.Section
	Authors       []people.Author
	Dateline      string
	Lang, Dir     string
	SiteLang      string // the language of the words around the story ("By", dates)
	Published     string // ISO 8601 in the site's time zone, for <time datetime>
	PublishedText string // "25 November 2026"
	Image         *Picture
	CommentCount  int
}

// Picture is an image with everything <picture> and <img srcset> need to
// avoid layout shift: JPEG sizes for every browser and, when they were
// made, the same sizes as WebP.
type Picture struct {
	Src, Srcset   string
	WebPSrcset    string // empty: JPEG only
	Width, Height int
	Alt           string
	Caption       string
	Credit        string
	FullURL       string
}

// layout loads the site chrome for a page.
func (h *Handler) layout(ctx context.Context, r *http.Request, title, description string) (Layout, error) {
	site, err := h.Content.Site(ctx)
	if err != nil {
		return Layout{}, err
	}
	sections, err := h.Content.ListSections(ctx)
	if err != nil {
		return Layout{}, err
	}
	pages, err := h.Content.ListPages(ctx)
	if err != nil {
		return Layout{}, err
	}
	full := site.Name
	if title != "" {
		full = title + " – " + site.Name
	}
	if description == "" {
		description = site.Tagline
	}
	return Layout{
		Site: site, Lang: site.Language, Dir: render.Dir(site.Language),
		Title: full, Description: description, Canonical: h.absURL(r, r.URL.EscapedPath()), Origin: h.absURL(r, ""), ShareType: "website",
		Sections: sections, Pages: pages, Current: r.URL.Path,
		Year: h.Now().In(site.Location()).Year(), LogoURL: h.logoURL(r, site),
	}, nil
}

// logoURL is the site's logo as an absolute URL, or its icon.
func (h *Handler) logoURL(r *http.Request, site settings.Site) string {
	if site.Logo != "" {
		return h.absURL(r, site.Logo)
	}
	return h.absURL(r, h.Render.Asset("img/icon.svg"))
}

// absURL makes an absolute URL for canonical links and feeds: from the
// configured public address, or, when none is set, from the request as a
// trusted proxy or the connection says it arrived.
func (h *Handler) absURL(r *http.Request, path string) string {
	if h.BaseURL != "" {
		return h.BaseURL + path
	}
	scheme := "http"
	if h.Proxies.HTTPS(r) {
		scheme = "https"
	}
	return scheme + "://" + r.Host + path
}

func teaser(a article.Article, site settings.Site) Teaser {
	loc := site.Location()
	t := a.PublishedAt.In(loc)
	return Teaser{
		ID: a.ID, URL: a.Path(loc), Headline: a.Headline, Standfirst: a.Standfirst,
		Section: a.Section, Authors: a.Authors, Dateline: a.Dateline,
		Lang: a.Language, Dir: render.Dir(a.Language), SiteLang: site.Language,
		Published: t.Format(time.RFC3339), PublishedText: humanDate(t),
		Image: picture(a.FeaturedImage), CommentCount: a.CommentCount,
	}
}

func teasers(list []article.Article, site settings.Site) []Teaser {
	out := make([]Teaser, len(list))
	for i, a := range list {
		out[i] = teaser(a, site)
	}
	return out
}

// humanDate writes a date the way newspapers do: 25 November 2026.
func humanDate(t time.Time) string { return fmt.Sprintf("%d %s %d", t.Day(), t.Month(), t.Year()) }

// picture lists every size in srcset, so the browser downloads only what
// the layout needs.
func picture(img *media.Image) *Picture {
	if img == nil {
		return nil
	}
	src := img.Sources("/media/")
	return &Picture{Src: src.Src, Srcset: src.Srcset, WebPSrcset: src.WebPSrcset, Width: img.Width, Height: img.Height,
		Alt: img.Alt, Caption: img.Caption, Credit: img.Credit, FullURL: mediaURL(img.Path)}
}

func mediaURL(key string) string { return "/media/" + key }
