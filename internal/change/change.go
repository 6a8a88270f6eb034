// Package change names what can change on the public site and which
// cached responses each change makes stale. Pages list the keys of what
// they show (Surrogate-Key); a change drops exactly those keys.
//
// It knows nothing of HTTP or of the database: the writes that change
// public pages announce an Event, and whoever holds pages (the page cache,
// a CDN) drops the keys Keys returns.
package change

import (
	"context"
	"strconv"
)

// Event is something that changed what readers see.
type Event interface {
	// Keys lists the surrogate keys of every response that shows the change.
	Keys() []string
}

// Announce is how writes report their events.
type Announce func(ctx context.Context, events ...Event)

// All is the key that stands for every cached response.
const All = "*"

// Keys of responses that list stories or show site-wide parts.
const (
	Front   = "front"   // the front page
	Feed    = "feed"    // the whole site's story feeds
	Sitemap = "sitemap" // every sitemap
	Search  = "search"  // search results
	Missing = "missing" // 404 and 410 pages: a new story or page may fill one
	Talk    = "comments"
	Giving  = "ways-to-give" // the Support page's list of ways to give
)

// Key builders for responses about one thing.
func key(kind string, id int64) string { return kind + ":" + strconv.FormatInt(id, 10) }

// ArticleKey marks a story's own page (and its 301s and comment feed).
func ArticleKey(id int64) string { return key("article", id) }

// SectionKey marks every list of a section's stories: its front, its feeds, and
// the "more from this section" on its stories' pages.
func SectionKey(id int64) string { return key("section", id) }

// TagKey marks a tag's archive and feeds.
func TagKey(id int64) string { return key("tag", id) }

// AuthorKey marks an author's archive and feeds.
func AuthorKey(id int64) string { return key("author", id) }

// BylineKey marks every response that shows an author's name in a byline.
func BylineKey(id int64) string { return key("byline", id) }

// PageKey marks a static page.
func PageKey(id int64) string { return key("page", id) }

// CommentsKey marks a story's comment thread and its comment feed.
func CommentsKey(articleID int64) string { return key("comments", articleID) }

// Showing is what a story shows of itself to readers at one moment.
type Showing struct {
	Public    bool // published and not in the trash
	SectionID int64
	TagIDs    []int64
	AuthorIDs []int64
}

// Story is a story saved, published, unpublished, scheduled, trashed,
// restored or corrected: what it showed before and after.
type Story struct {
	ID            int64
	Before, After Showing
}

// Keys drops the story's page and every list that showed it before or shows
// it now. A change to a story no reader saw and none will see drops nothing.
func (s Story) Keys() []string {
	if !s.Before.Public && !s.After.Public {
		return nil
	}
	keys := []string{ArticleKey(s.ID), CommentsKey(s.ID), Front, Feed, Sitemap, Search, Missing, Talk}
	for _, sh := range []Showing{s.Before, s.After} {
		if !sh.Public {
			continue
		}
		keys = append(keys, SectionKey(sh.SectionID))
		for _, id := range sh.TagIDs {
			keys = append(keys, TagKey(id))
		}
		for _, id := range sh.AuthorIDs {
			keys = append(keys, AuthorKey(id))
		}
	}
	return keys
}

// Comments is a change in a story's public comments: one approved, edited,
// trashed or marked spam after it was shown. Story lists show comment
// counts but are not dropped: the counts catch up when those pages expire.
type Comments struct{ ArticleID int64 }

// Keys drops the story's thread and the comment feeds.
func (c Comments) Keys() []string { return []string{CommentsKey(c.ArticleID), Talk} }

// Page is a static page created, edited or deleted. Nav says whether what
// the navigation of every page shows of it (its title, address or place)
// changed too.
type Page struct {
	ID  int64
	Nav bool
}

// Keys drops the page and the sitemaps, or everything when the navigation changed.
func (p Page) Keys() []string {
	if p.Nav {
		return []string{All}
	}
	return []string{PageKey(p.ID), Sitemap, Missing}
}

// Author is an author's name, bio or address changed.
type Author struct{ ID int64 }

// Keys drops the author's archive and feeds, every byline and the search form.
func (a Author) Keys() []string {
	return []string{AuthorKey(a.ID), BylineKey(a.ID), Search}
}

// Shown is a change in how some stories look that leaves what lists them
// alone, such as a new caption on their photo.
type Shown struct{ ArticleIDs []int64 }

// Keys drops the stories' own pages.
func (s Shown) Keys() []string {
	keys := make([]string, len(s.ArticleIDs))
	for i, id := range s.ArticleIDs {
		keys[i] = ArticleKey(id)
	}
	return keys
}

// Everything is a change every page shows: the site's settings, the
// sections in the navigation, a tag's name, the comment rules.
type Everything struct{}

// Keys drops everything.
func (Everything) Keys() []string { return []string{All} }

// WaysToGive is a way to give added, edited, moved or removed.
type WaysToGive struct{}

// Keys drops the Support page.
func (WaysToGive) Keys() []string { return []string{Giving} }
