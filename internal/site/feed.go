package site

import (
	"context"
	"mime"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/change"
	"github.com/datelinenews/dateline/internal/media"
	"github.com/datelinenews/dateline/internal/sanitize"
	"github.com/datelinenews/dateline/internal/settings"
	"github.com/datelinenews/dateline/internal/web"
)

// FeedFormat is one of the three formats every story feed comes in.
type FeedFormat int

// The feed formats. Each feed answers at its page's URL + feed/, with
// atom/ or json/ after it for the other two.
const (
	RSS FeedFormat = iota
	Atom
	JSONFeed
)

var feedFormats = [...]struct{ suffix, mime, title string }{
	RSS:      {"feed/", "application/rss+xml", "RSS"},
	Atom:     {"feed/atom/", "application/atom+xml", "Atom"},
	JSONFeed: {"feed/json/", "application/feed+json", "JSON Feed"},
}

// storyFeedSize is how many stories a feed carries.
const storyFeedSize = 20

// FeedLink advertises a feed in a page's <head> with <link rel="alternate">.
type FeedLink struct{ Type, Title, URL string }

// feedLinks lists the feeds of the page at pagePath (/, /section/world/ …).
func feedLinks(pagePath, name string) []FeedLink {
	links := make([]FeedLink, len(feedFormats))
	for i, f := range feedFormats {
		links[i] = FeedLink{Type: f.mime, Title: name + " (" + f.title + ")", URL: pagePath + f.suffix}
	}
	return links
}

// FeedStore is what story feeds and sitemaps read besides Content.
type FeedStore interface {
	CommentFeeder
	FeedFullText(ctx context.Context) (bool, error)
	SitemapStories(ctx context.Context, from, to, now time.Time) ([]article.Article, error)
}

// feedSource is what a feed follows: the whole site, a section, a tag or an author.
type feedSource struct {
	Kind        string // "Section", "Tag", "Author"; "" for the whole site
	Name        string // "" for the whole site
	Intro       string // shown under the archive's heading
	Description string
	Path        string // the page the feed follows
	Key         string // the surrogate key of its lists
	Filter      article.Filter
}

// The three kinds of archive, resolved from {slug} once for both their
// pages and their feeds.
func (h *Handler) sectionSource(r *http.Request) (feedSource, error) {
	s, err := pathSlug(r)
	if err != nil {
		return feedSource{}, err
	}
	sec, err := h.Content.SectionBySlug(r.Context(), s)
	return feedSource{Kind: "Section", Name: sec.Name, Intro: sec.Description, Description: sec.Description,
		Path: sec.Path(), Filter: article.Filter{SectionID: sec.ID}, Key: change.SectionKey(sec.ID)}, err
}

func (h *Handler) tagSource(r *http.Request) (feedSource, error) {
	s, err := pathSlug(r)
	if err != nil {
		return feedSource{}, err
	}
	tag, err := h.Content.TagBySlug(r.Context(), s)
	return feedSource{Kind: "Tag", Name: tag.Name, Description: "Stories tagged " + tag.Name,
		Path: tag.Path(), Filter: article.Filter{TagID: tag.ID}, Key: change.TagKey(tag.ID)}, err
}

func (h *Handler) authorSource(r *http.Request) (feedSource, error) {
	s, err := pathSlug(r)
	if err != nil {
		return feedSource{}, err
	}
	au, err := h.Content.AuthorBySlug(r.Context(), s)
	return feedSource{Kind: "Author", Name: au.Name, Intro: au.Bio, Description: "Stories by " + au.Name,
		Path: au.Path(), Filter: article.Filter{AuthorID: au.ID}, Key: change.AuthorKey(au.ID)}, err
}

// sourceFeed serves the feed of an archive resolved by src.
func (h *Handler) sourceFeed(f FeedFormat, src func(*http.Request) (feedSource, error)) web.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		s, err := src(r)
		if err != nil {
			return err
		}
		return h.storyFeed(w, r, f, s)
	}
}

// SiteFeed serves the newest stories of the whole site.
func (h *Handler) SiteFeed(f FeedFormat) web.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		return h.storyFeed(w, r, f, feedSource{Path: "/", Key: change.Feed})
	}
}

// SectionFeed serves the newest stories of a section.
func (h *Handler) SectionFeed(f FeedFormat) web.HandlerFunc { return h.sourceFeed(f, h.sectionSource) }

// TagFeed serves the newest stories with a tag.
func (h *Handler) TagFeed(f FeedFormat) web.HandlerFunc { return h.sourceFeed(f, h.tagSource) }

// AuthorFeed serves the newest stories of an author.
func (h *Handler) AuthorFeed(f FeedFormat) web.HandlerFunc { return h.sourceFeed(f, h.authorSource) }

func (h *Handler) storyFeed(w http.ResponseWriter, r *http.Request, f FeedFormat, src feedSource) error {
	ctx := r.Context()
	fs := h.Feeds
	site, err := h.Content.Site(ctx)
	if err != nil {
		return err
	}
	full, err := fs.FeedFullText(ctx)
	if err != nil {
		return err
	}
	list, err := h.Articles.Latest(ctx, src.Filter, storyFeedSize)
	if err != nil {
		return err
	}
	web.Keys(w, append([]string{src.Key}, storyKeys(list)...)...)
	fd, err := h.newFeed(r, site, src, list, full)
	if err != nil {
		return err
	}
	var body []byte
	switch f {
	case Atom:
		body, err = fd.atom()
	case JSONFeed:
		body, err = fd.json()
	default:
		body, err = fd.rss()
	}
	if err != nil {
		return err
	}
	writeDated(w, r, feedFormats[f].mime+"; charset=utf-8", body, fd.Updated)
	return nil
}

// feed is a story feed before it is written in one of the formats.
type feed struct {
	Title, Description, Language string
	Publisher                    string // the site's name
	HomeURL, SelfURL             string
	Updated                      time.Time // zero when the feed is empty
	Entries                      []feedEntry
}

type feedEntry struct {
	ID, URL, Title string
	Summary        string // the standfirst, as plain text
	ContentHTML    string // the whole story, sanitised; "" when feeds carry excerpts
	Language       string
	Authors        []feedAuthor
	Categories     []string // the section, then the tags
	Published      time.Time
	Updated        time.Time
	Image          *feedImage
}

type feedAuthor struct{ Name, URL string }

type feedImage struct {
	URL, MIME     string
	Width, Height int
}

func (h *Handler) newFeed(r *http.Request, site settings.Site, src feedSource, list []article.Article, full bool) (feed, error) {
	origin := h.absURL(r, "")
	fd := feed{Title: site.Name, Description: site.Tagline, Language: site.Language, Publisher: site.Name,
		HomeURL: origin + src.Path, SelfURL: h.absURL(r, r.URL.EscapedPath())}
	if src.Name != "" {
		fd.Title = src.Name + " – " + site.Name
		fd.Description = src.Description
	}
	for _, a := range list {
		e := newFeedEntry(a, site, origin, full)
		if full {
			// The body as the story's page shows it: library photos as
			// figures, uploaded video as a player, not as a broken image.
			body, err := h.body(r.Context(), a.Body, site.Language)
			if err != nil {
				return feed{}, err
			}
			e.ContentHTML = absoluteLinks(string(body), origin)
		}
		fd.Entries = append(fd.Entries, e)
		if e.Updated.After(fd.Updated) {
			fd.Updated = e.Updated
		}
	}
	return fd, nil
}

func newFeedEntry(a article.Article, site settings.Site, origin string, full bool) feedEntry {
	e := feedEntry{ID: storyID(origin, a), URL: origin + a.Path(site.Location()), Title: a.Headline,
		Summary: a.Standfirst, Language: a.Language, Published: a.PublishedAt, Updated: modified(a),
		Categories: []string{a.Section.Name}, Image: newFeedImage(a.FeaturedImage, origin)}
	if !full && e.Summary == "" {
		e.Summary = excerpt(sanitize.Plain(a.Body), 300)
	}
	for _, au := range a.Authors {
		e.Authors = append(e.Authors, feedAuthor{Name: au.Name, URL: origin + au.Path()})
	}
	for _, t := range a.Tags {
		e.Categories = append(e.Categories, t.Name)
	}
	return e
}

// modified is when a story last changed for its readers: a scheduled story
// goes public without being saved, so its publication can be the later time.
func modified(a article.Article) time.Time {
	if a.UpdatedAt.After(a.PublishedAt) {
		return a.UpdatedAt
	}
	return a.PublishedAt
}

// storyID is a tag: URI (RFC 4151) naming the story by its id, so feed
// readers do not show it twice when an editor changes its slug.
func storyID(origin string, a article.Article) string {
	host := origin
	if u, err := url.Parse(origin); err == nil && u.Hostname() != "" {
		host = u.Hostname()
	}
	return "tag:" + host + "," + a.PublishedAt.UTC().Format(time.DateOnly) + ":story:" + strconv.FormatInt(a.ID, 10)
}

// newFeedImage picks the widest version no wider than 1280 pixels: enough
// for any feed reader, without sending the full-size original over a metered line.
func newFeedImage(img *media.Image, origin string) *feedImage {
	if img == nil {
		return nil
	}
	key, w, ht := img.Path, img.Width, img.Height
	for _, v := range img.Variants { // narrowest first
		if v.Width <= 1280 && (w > 1280 || v.Width > w) {
			key, w, ht = v.Path, v.Width, v.Height
		}
	}
	typ := mime.TypeByExtension(path.Ext(key))
	if typ == "" {
		typ = img.MIME
	}
	return &feedImage{URL: origin + mediaURL(key), MIME: typ, Width: w, Height: ht}
}

// sitePath matches href and src attributes holding a path on this site
// (but not //host/…, which already names a host).
var sitePath = regexp.MustCompile(`(\s(?:href|src|poster))="/([^/])`)

// srcsetPaths finds the site-relative addresses inside srcset lists.
var srcsetPaths = regexp.MustCompile(`(\ssrcset="|,\s*)/([^/])`)

// srcsets finds srcset attributes, whose lists hold several addresses.
var srcsets = regexp.MustCompile(`\ssrcset="[^"]*"`)

// absoluteLinks makes links inside a story absolute: a feed is read far
// from the site, and many readers resolve relative links against nothing.
func absoluteLinks(html, origin string) string {
	html = sitePath.ReplaceAllString(html, `$1="`+origin+`/$2`)
	return srcsets.ReplaceAllStringFunc(html, func(attr string) string {
		return srcsetPaths.ReplaceAllString(attr, `${1}`+origin+`/$2`)
	})
}

// excerpt cuts plain text to about n characters at a word boundary.
func excerpt(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut := string([]rune(s)[:n])
	if i := strings.LastIndexByte(cut, ' '); i > 0 {
		cut = cut[:i]
	}
	return cut + "…"
}

// writeDated is web.Write with Last-Modified, for feed readers and
// crawlers that revalidate with If-Modified-Since rather than an ETag.
func writeDated(w http.ResponseWriter, r *http.Request, contentType string, body []byte, updated time.Time) {
	if !updated.IsZero() {
		w.Header().Set("Last-Modified", updated.UTC().Format(http.TimeFormat))
		if unmodifiedSince(r, updated) {
			// web.Write answers 304 to a matching If-None-Match; "*" stands
			// in for the date so the 304 carries the usual headers and ETag.
			r = r.Clone(r.Context())
			r.Header.Set("If-None-Match", "*")
		}
	}
	web.Write(w, r, http.StatusOK, contentType, body, web.Public)
}

// unmodifiedSince applies If-Modified-Since. An If-None-Match, when sent,
// decides alone (RFC 9110, section 13.1.3).
func unmodifiedSince(r *http.Request, updated time.Time) bool {
	if r.Header.Get("If-None-Match") != "" {
		return false
	}
	since, err := http.ParseTime(r.Header.Get("If-Modified-Since"))
	return err == nil && !updated.Truncate(time.Second).After(since)
}
