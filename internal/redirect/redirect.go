// Package redirect holds the old addresses a site keeps answering after a
// move (WordPress permalinks, ?p=ID links), each leading to the story or
// static page that replaced it.
package redirect

// Target is where an old address leads: an article, or a static page by
// its current slug. Exactly one is set.
type Target struct {
	ArticleID int64
	PageSlug  string
}

// QueryPath is the key under which a WordPress query link such as
// /?p=12 or /?page_id=7 is stored: the path "/" and that one parameter.
func QueryPath(param, id string) string { return "/?" + param + "=" + id }
