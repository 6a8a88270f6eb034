// Package page holds the newsroom's static pages: About, Contact, Support.
package page

import (
	"errors"
	"fmt"
	"github.com/datelinenews/dateline/internal/problem"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/datelinenews/dateline/internal/slug"
)

// ErrNotFound is returned when no page has the asked-for slug.
var ErrNotFound = errors.New("page not found")

// Page is a static page with a Markdown body.
type Page struct {
	ID        int64
	Slug      string
	Title     string
	Body      string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Path is the page's URL path.
func (p Page) Path() string { return "/" + p.Slug + "/" }

// ErrConflict is returned when a page's slug is already taken.
var ErrConflict = errors.New("page slug already taken")

// ValidationError says, per form field, what to fix.
type ValidationError = problem.Fields

// Limits on what an editor may type.
const (
	MaxTitle = 200     // characters
	MaxBody  = 1 << 20 // bytes: a long About page is a few tens of kilobytes
)

// Reserved are the first path segments the site answers itself; a page
// there would never be reached. Some are kept for what is planned (search, feed).
var Reserved = []string{"admin", "section", "tag", "author", "comments", "preview", "static", "media",
	"search", "feed", "healthz", "api"}

// Tidy trims what an editor typed and, when the slug is left blank, makes
// one from the title. The body is kept as typed but for Windows line ends.
func (p Page) Tidy() Page {
	p.Title = strings.TrimSpace(p.Title)
	p.Slug = strings.TrimSpace(p.Slug)
	p.Body = strings.ReplaceAll(p.Body, "\r\n", "\n")
	if p.Slug == "" {
		p.Slug = slug.Make(p.Title)
	}
	return p
}

// Validate reports every problem with a tidied page at once, or nil.
func (p Page) Validate() error {
	v := ValidationError{}
	switch n := utf8.RuneCountInString(p.Title); {
	case n == 0:
		v["title"] = "Give the page a title."
	case n > MaxTitle:
		v["title"] = fmt.Sprintf("Keep the title under %d characters.", MaxTitle)
	}
	if len(p.Body) > MaxBody {
		v["body"] = fmt.Sprintf("The page is %.1f MB; the limit is 1 MB. Split it into several pages.", float64(len(p.Body))/(1<<20))
	}
	if msg := slugProblem(p.Slug); msg != "" && v["title"] == "" {
		v["slug"] = msg
	}
	if len(v) == 0 {
		return nil
	}
	return v
}

func slugProblem(s string) string {
	switch {
	case s == "":
		return "Type a slug: the title has no letters or digits to make one from."
	case utf8.RuneCountInString(s) > slug.MaxLen:
		return fmt.Sprintf("Keep the slug under %d characters.", slug.MaxLen)
	case slices.Contains(Reserved, s):
		return fmt.Sprintf("/%s/ is taken by the site itself; choose another slug.", s)
	case slug.Valid(s):
		return ""
	case slug.Make(s) == "":
		return "A slug needs letters or digits."
	}
	return fmt.Sprintf("Use lower-case letters, digits and hyphens, such as “%s”.", slug.Make(s))
}
