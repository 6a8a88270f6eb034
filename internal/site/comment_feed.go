package site

import (
	"context"
	"encoding/xml"
	"net/http"
	"strconv"
	"time"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/change"
	"github.com/datelinenews/dateline/internal/comment"
	"github.com/datelinenews/dateline/internal/sanitize"
	"github.com/datelinenews/dateline/internal/web"
)

// CommentFeeder is what comment feeds read.
type CommentFeeder interface {
	RecentComments(ctx context.Context, articleID int64, now time.Time, limit int) ([]comment.FeedItem, error)
}

// feedSize is how many comments a feed carries.
const feedSize = 50

type rss struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	DC      string     `xml:"xmlns:dc,attr"`
	Atom    string     `xml:"xmlns:atom,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title       string    `xml:"title"`
	Link        string    `xml:"link"`
	Self        rssSelf   `xml:"atom:link"`
	Description string    `xml:"description"`
	Language    string    `xml:"language"`
	Items       []rssItem `xml:"item"`
}

type rssSelf struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type rssItem struct {
	Title       string `xml:"title"`
	Link        string `xml:"link"`
	GUID        string `xml:"guid"`
	Creator     string `xml:"dc:creator"`
	PubDate     string `xml:"pubDate"`
	Description string `xml:"description"`
}

// SiteCommentFeed serves /comments/feed/: the newest approved comments on
// every story, as RSS. Commenters' emails are never in it.
func (h *Handler) SiteCommentFeed(w http.ResponseWriter, r *http.Request) error {
	web.Keys(w, change.Talk)
	return h.commentFeed(w, r, article.Article{})
}

// ArticleCommentFeed serves a story's comments as RSS at its URL + feed/.
func (h *Handler) ArticleCommentFeed(w http.ResponseWriter, r *http.Request) error {
	s, err := pathSlug(r)
	if err != nil {
		return err
	}
	a, err := h.Articles.Published(r.Context(), s)
	if err != nil {
		return err
	}
	web.Keys(w, change.ArticleKey(a.ID), change.CommentsKey(a.ID))
	return h.commentFeed(w, r, a)
}

func (h *Handler) commentFeed(w http.ResponseWriter, r *http.Request, a article.Article) error {
	site, err := h.Content.Site(r.Context())
	if err != nil {
		return err
	}
	loc, origin := site.Location(), h.absURL(r, "")
	items, err := h.Feeds.RecentComments(r.Context(), a.ID, h.Now(), feedSize)
	if err != nil {
		return err
	}
	ch := rssChannel{Title: "Comments – " + site.Name, Link: origin + "/", Description: "The latest reader comments on " + site.Name,
		Language: site.Language, Self: rssSelf{Href: h.absURL(r, r.URL.EscapedPath()), Rel: "self", Type: "application/rss+xml"}}
	if a.ID != 0 {
		ch.Title, ch.Link = "Comments on “"+a.Headline+"”", origin+a.Path(loc)
		ch.Description = "Reader comments on “" + a.Headline + "”"
	}
	for _, it := range items {
		link := origin + article.DatedPath(it.PublishedAt.In(loc), it.Slug) + "#comment-" + strconv.FormatInt(it.ID, 10)
		ch.Items = append(ch.Items, rssItem{Title: "Comment by " + it.AuthorName + " on “" + it.Headline + "”",
			Link: link, GUID: link, Creator: it.AuthorName, PubDate: it.CreatedAt.Format(time.RFC1123Z),
			Description: string(sanitize.Comment(it.Body))})
	}
	out, err := xml.MarshalIndent(rss{Version: "2.0", DC: "http://purl.org/dc/elements/1.1/", Atom: "http://www.w3.org/2005/Atom", Channel: ch}, "", "  ")
	if err != nil {
		return err
	}
	web.Write(w, r, http.StatusOK, "application/rss+xml; charset=utf-8", append([]byte(xml.Header), out...), web.Public)
	return nil
}
