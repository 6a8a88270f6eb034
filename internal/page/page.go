// Package page holds the newsroom's static pages: About, Contact, Support.
package page

import (
	"errors"
	"time"
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
