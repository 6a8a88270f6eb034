// Package section holds the newsroom's sections: the desks a story is filed
// under (World, Afghanistan, Climate…), each with its own front page.
package section

import (
	"errors"
	"fmt"
	"github.com/datelinenews/dateline/internal/problem"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/datelinenews/dateline/internal/slug"
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

// InUseError is returned when a section to be deleted still files stories:
// they would be left without a front page, so they must move first.
type InUseError struct{ Stories int }

func (e *InUseError) Error() string {
	return fmt.Sprintf("section is used by %d stories", e.Stories)
}

// ValidationError says, per form field, what to fix.
type ValidationError = problem.Fields

// Limits on what an editor may type, in characters.
const (
	MaxName        = 100
	MaxDescription = 500
)

// Tidy trims what an editor typed and, when the slug is left blank, makes
// one from the name.
func (s Section) Tidy() Section {
	s.Name = strings.TrimSpace(s.Name)
	s.Description = strings.TrimSpace(s.Description)
	s.Slug = strings.TrimSpace(s.Slug)
	if s.Slug == "" {
		s.Slug = slug.Make(s.Name)
	}
	return s
}

// Validate reports every problem with a tidied section at once, or nil.
func (s Section) Validate() error {
	v := ValidationError{}
	switch n := utf8.RuneCountInString(s.Name); {
	case n == 0:
		v["name"] = "Give the section a name."
	case n > MaxName:
		v["name"] = fmt.Sprintf("Keep the name under %d characters.", MaxName)
	}
	if utf8.RuneCountInString(s.Description) > MaxDescription {
		v["description"] = fmt.Sprintf("Keep the description under %d characters.", MaxDescription)
	}
	if msg := SlugProblem(s.Slug); msg != "" && v["name"] == "" {
		v["slug"] = msg
	}
	if len(v) == 0 {
		return nil
	}
	return v
}

// SlugProblem says what is wrong with a typed slug, or "" if nothing is.
// It suggests the slug the text would make, so fixing it is one copy.
func SlugProblem(s string) string {
	switch {
	case s == "":
		return "Type a slug: the name has no letters or digits to make one from."
	case utf8.RuneCountInString(s) > slug.MaxLen:
		return fmt.Sprintf("Keep the slug under %d characters.", slug.MaxLen)
	case slug.Valid(s):
		return ""
	case slug.Make(s) == "":
		return "A slug needs letters or digits."
	}
	return fmt.Sprintf("Use lower-case letters, digits and hyphens, such as “%s”.", slug.Make(s))
}

// Move returns the ids of list, in order, after moving the section id by
// delta places (negative: towards the top). It stops at either end.
func Move(list []Section, id int64, delta int) ([]int64, error) {
	at := -1
	ids := make([]int64, len(list))
	for i, s := range list {
		ids[i] = s.ID
		if s.ID == id {
			at = i
		}
	}
	if at < 0 {
		return nil, ErrNotFound
	}
	to := min(max(at+delta, 0), len(ids)-1)
	moved := ids[at]
	ids = append(ids[:at], ids[at+1:]...)
	ids = append(ids[:to], append([]int64{moved}, ids[to:]...)...)
	return ids, nil
}
