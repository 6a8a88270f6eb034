// Package redirect holds the old addresses a site keeps answering after a
// move (WordPress permalinks, ?p=ID links, category, tag, author and
// attachment archives and their feeds), each leading to what replaced it.
package redirect

import "strings"

// To is where an old address is stored to lead: exactly one field is set.
type To struct {
	ArticleID int64
	PageID    int64
	SectionID int64
	TagID     int64
	AuthorID  int64
	// Path is a fixed address on this site: an imported media file, or
	// "/" for the front page of a blog that lived under a folder.
	Path string
}

// Target is where an old address leads now: an article by its id, or a
// page, section, tag or author by its current slug, or a fixed address.
// Exactly one is set.
type Target struct {
	ArticleID   int64
	PageSlug    string
	SectionSlug string
	TagSlug     string
	AuthorSlug  string
	Path        string
}

// QueryPath is the key under which a WordPress query link such as
// /?p=12 or /?page_id=7 is stored: the path "/" and that one parameter.
func QueryPath(param, id string) string { return "/?" + param + "=" + id }

// QueryParams are WordPress's query links, in the order they are looked
// for: posts, pages, category, tag and author archives, attachment pages.
var QueryParams = []string{"p", "page_id", "cat", "tag", "author", "attachment_id"}

// Feed names the kind of feed a WordPress feed address asks for: "" for
// its default (RSS 2.0), or "atom".
type Feed string

// feedNames are the feeds WordPress serves under /feed/NAME/ and
// ?feed=NAME, with the Dateline feed that replaces each.
var feedNames = map[string]Feed{"feed": "", "rss2": "", "rss": "", "rdf": "", "atom": "atom"}

// SplitFeed reads a WordPress feed address (/feed/, /category/x/feed/,
// /tag/y/feed/atom/, /2019/03/04/story/feed/rss2/) as the address whose
// feed it is and the kind of feed; ok is false for any other address.
func SplitFeed(p string) (base string, kind Feed, ok bool) {
	rest, last, found := cutLast(strings.TrimSuffix(p, "/"))
	if !found {
		return "", "", false
	}
	if last != "feed" {
		if kind, ok = feedNames[last]; !ok {
			return "", "", false
		}
		if rest, last, found = cutLast(rest); !found || last != "feed" {
			return "", "", false
		}
	}
	return rest + "/", kind, true
}

// FeedKind maps the name of a WordPress feed (?feed=atom) to the kind of
// Dateline feed that replaces it; ok is false for a name WordPress lacks.
func FeedKind(name string) (kind Feed, ok bool) {
	kind, ok = feedNames[name]
	return kind, ok
}

// FeedPath is the Dateline feed of kind for the page at p (a section, tag
// or author page, the front page "/", or a story for its comments).
func FeedPath(p string, kind Feed) string {
	if kind == "atom" {
		return p + "feed/atom/"
	}
	return p + "feed/"
}

// SplitPage reads a later page of a WordPress archive
// (/category/world/page/2/) as the archive's own address; ok is false for
// any other address.
func SplitPage(p string) (base string, ok bool) {
	rest, n, found := cutLast(strings.TrimSuffix(p, "/"))
	if !found || n == "" || len(n) > 9 || strings.Trim(n, "0123456789") != "" {
		return "", false
	}
	if rest, last, found := cutLast(rest); found && last == "page" {
		return rest + "/", true
	}
	return "", false
}

// cutLast splits a path at its last slash.
func cutLast(p string) (rest, last string, ok bool) {
	i := strings.LastIndexByte(p, '/')
	if i < 0 {
		return "", "", false
	}
	return p[:i], p[i+1:], true
}
