// Package section holds the newsroom's sections: the desks a story is filed
// under (World, Afghanistan, Climate…), each with its own front page.
package section

import (
	"errors"
	"time"
)

// ErrNotFound is returned when no section has the asked-for slug or id.
var ErrNotFound = errors.New("section not found")

// Section is one desk of the newsroom.
type Section struct {
	ID          int64
	Slug        string
	Name        string
	Description string
	Position    int // order on the front page and in the navigation
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Path is the section front's URL path.
func (s Section) Path() string { return "/section/" + s.Slug + "/" }

// ErrConflict is returned when a section's slug is already taken.
var ErrConflict = errors.New("section slug already taken")
