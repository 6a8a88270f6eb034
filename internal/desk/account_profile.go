package desk

import (
	"context"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/datelinenews/dateline/internal/people"
)

// profileStore changes an author profile: the byline name and the bio the
// author page shows.
type profileStore interface {
	AuthorByID(ctx context.Context, id int64) (people.Author, error)
	UpdateAuthor(ctx context.Context, a people.Author, now time.Time) error
}

// Limits of a byline and a bio, as the author page lays them out.
const (
	maxBylineName = 100
	maxBio        = 2000
)

// ProfileForm is an author profile as typed, kept when it needs fixing.
type ProfileForm struct {
	Name, Bio string
	Path      string // the public author page
}

// SaveProfile changes the signed-in user's byline name and bio.
func (h *Handler) SaveProfile(w http.ResponseWriter, r *http.Request) error {
	u := CurrentUser(r)
	me, err := h.Store.AuthorForUser(r.Context(), u, h.Now())
	if err != nil {
		return err
	}
	form, problems, err := h.saveProfile(w, r, me, "profile.update")
	if problems != nil {
		return h.accountWith(w, r, http.StatusUnprocessableEntity, u.Name, nil, form, problems)
	}
	if err != nil {
		return err
	}
	return seeOther(w, r, "/admin/account", "Your author profile is saved.")
}

// saveProfile reads a posted byline and bio and stores them on a, noting
// action in the audit log. A profile that needs fixing comes back as typed,
// with its problems, and nothing is stored.
func (h *Handler) saveProfile(w http.ResponseWriter, r *http.Request, a people.Author, action string) (ProfileForm, map[string]string, error) {
	if err := readForm(w, r, manageFormBytes); err != nil {
		return ProfileForm{}, nil, err
	}
	form := ProfileForm{Name: strings.TrimSpace(r.PostForm.Get("byline")), Bio: strings.TrimSpace(r.PostForm.Get("bio")), Path: a.Path()}
	if problems := profileProblems(form); problems != nil {
		return form, problems, nil
	}
	before := a
	a.Name, a.Bio = form.Name, form.Bio
	if err := h.Store.UpdateAuthor(r.Context(), a, h.Now()); err != nil {
		return form, nil, err
	}
	h.audit(r, action, a.Path(), changes("byline", before.Name, a.Name, "bio", before.Bio, a.Bio))
	return form, nil, nil
}

// profileProblems names what is wrong with a profile, by field.
func profileProblems(f ProfileForm) map[string]string {
	problems := map[string]string{}
	switch n := utf8.RuneCountInString(f.Name); {
	case n == 0:
		problems["byline"] = "Enter the name your stories are signed with."
	case n > maxBylineName:
		problems["byline"] = "Keep the byline under 100 characters."
	}
	if utf8.RuneCountInString(f.Bio) > maxBio {
		problems["bio"] = "Keep the bio under 2,000 characters."
	}
	if len(problems) == 0 {
		return nil
	}
	return problems
}
