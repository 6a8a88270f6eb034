package wordpress

import (
	"context"
	"errors"
	"fmt"
	"html"
	"strings"

	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/slug"
	"github.com/datelinenews/dateline/internal/store"
)

// author brings a WordPress user in as an author profile with a disabled
// staff account that has no password: the byline works at once, and an
// admin enables the account (and sends a sign-in link) only for those who
// still write.
func (im *importer) author(ctx context.Context, a *Author) error {
	login := strings.TrimSpace(a.Login)
	if login == "" {
		im.report.Counts["authors"].Skipped++
		im.warn(0, "authors", "an author without a login was skipped")
		return nil
	}
	_, err := im.authorFor(ctx, a)
	return err
}

// authorFor returns the author profile of a WordPress user, importing it
// if this run has not yet.
func (im *importer) authorFor(ctx context.Context, a *Author) (int64, error) {
	login := strings.TrimSpace(a.Login)
	counts := im.report.Counts["authors"]
	name := authorName(a)
	sum := checksum(a)
	prev, found := im.maps[mapAuthor][login]
	if found && prev.Checksum == sum {
		counts.Unchanged++
		return prev.ID, nil
	}
	userID, err := im.staffAccount(ctx, a, name)
	if err != nil {
		return 0, err
	}
	if found {
		counts.Updated++
		err := im.st.UpdateAuthor(ctx, people.Author{ID: prev.ID, Name: name}, im.now)
		if errors.Is(err, people.ErrNotFound) {
			found = false // deleted in Dateline since: make it again
		} else if err != nil {
			return 0, err
		}
	}
	id := prev.ID
	if !found {
		counts.Imported++
		if id, err = im.createAuthor(ctx, login, name, userID); err != nil {
			return 0, err
		}
	}
	return id, im.entry(ctx, mapAuthor, login, store.ImportEntry{ID: id, Target: a.ID, Checksum: sum})
}

func (im *importer) createAuthor(ctx context.Context, login, name string, userID int64) (int64, error) {
	base := slug.Make(name)
	if base == "" {
		base = slug.Make(login)
	}
	if base == "" {
		base = "author"
	}
	s, err := slug.Unique(base, func(c string) (bool, error) {
		_, err := im.st.AuthorBySlug(ctx, c)
		if errors.Is(err, people.ErrNotFound) {
			return false, nil
		}
		return err == nil, err
	})
	if err != nil {
		return 0, err
	}
	return im.st.CreateAuthor(ctx, people.Author{Slug: s, Name: name, UserID: userID}, im.now)
}

// staffAccount finds or creates the disabled account of an author; an
// address already used by a staff member links the profile to them.
func (im *importer) staffAccount(ctx context.Context, a *Author, name string) (int64, error) {
	if e, ok := im.maps[mapUser][a.Login]; ok {
		return e.ID, nil
	}
	email, err := people.NormalizeEmail(a.Email)
	if err != nil {
		im.warn(0, "authors", fmt.Sprintf("author %s has no usable email address (%q): imported as a byline without a staff account", quote(a.Login), a.Email))
		return 0, nil
	}
	u, err := im.st.UserByEmail(ctx, email)
	switch {
	case err == nil:
		im.warn(0, "authors", fmt.Sprintf("author %s has the email of the existing staff member %s: their byline is linked to that account", quote(a.Login), email))
	case errors.Is(err, people.ErrNotFound):
		u = people.User{Email: email, Name: name, Role: people.AuthorRole, Disabled: true}
		if u.ID, err = im.st.CreateUser(ctx, u, im.now); err != nil {
			return 0, err
		}
	default:
		return 0, err
	}
	return u.ID, im.entry(ctx, mapUser, a.Login, store.ImportEntry{ID: u.ID, Target: a.ID})
}

// authorName is the display name, else first and last name, else the login.
func authorName(a *Author) string {
	for _, s := range []string{a.DisplayName, strings.TrimSpace(a.FirstName + " " + a.LastName), a.Login} {
		if s = strings.TrimSpace(html.UnescapeString(s)); s != "" {
			return s
		}
	}
	return "Unknown"
}

// userOfAuthor returns the staff account made for the WordPress user with
// id wpUserID (a comment's comment_user_id), or 0.
func (im *importer) userOfAuthor(wpUserID string) int64 {
	if wpUserID == "" || wpUserID == "0" {
		return 0
	}
	for _, e := range im.maps[mapUser] {
		if e.Target == wpUserID {
			return e.ID
		}
	}
	return 0
}
