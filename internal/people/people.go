// Package people holds the newsroom's people: staff accounts with their roles,
// and the author profiles that appear in bylines.
package people

import (
	"errors"
	"fmt"
	"net/mail"
	"strings"
	"time"
)

var (
	// ErrNotFound is returned when no user or author matches.
	ErrNotFound = errors.New("person not found")
	// ErrConflict is returned when an email or slug is already taken.
	ErrConflict = errors.New("already taken")
)

// Role is what a staff account may do in the desk.
type Role string

// The roles, from most to least trusted.
const (
	Admin       Role = "admin"
	Editor      Role = "editor"
	AuthorRole  Role = "author"
	Contributor Role = "contributor"
)

// ParseRole checks a role name typed on the command line or in a form.
func ParseRole(s string) (Role, error) {
	switch r := Role(strings.ToLower(strings.TrimSpace(s))); r {
	case Admin, Editor, AuthorRole, Contributor:
		return r, nil
	}
	return "", fmt.Errorf("unknown role %q: use admin, editor, author or contributor", s)
}

// User is a staff account.
type User struct {
	ID           int64
	Email        string
	Name         string
	Role         Role
	PasswordHash string
	Disabled     bool
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// Author is a byline: a public profile with its own archive page.
type Author struct {
	ID        int64
	Slug      string
	Name      string
	Bio       string
	UserID    int64 // 0 when the author has no staff account
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Path is the author archive's URL path.
func (a Author) Path() string { return "/author/" + a.Slug + "/" }

// NormalizeEmail checks an address and returns it in the form we store.
func NormalizeEmail(s string) (string, error) {
	s = strings.TrimSpace(s)
	addr, err := mail.ParseAddress(s)
	if err != nil || addr.Address != s || !strings.Contains(s, "@") {
		return "", fmt.Errorf("%q is not an email address", s)
	}
	return strings.ToLower(s), nil
}
