package desk

import (
	"errors"
	"net/http"
	"strings"

	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/web"
)

// AccountPage is the signed-in user's own page: their name, their
// sessions, and the way to their password.
type AccountPage struct {
	Layout
	Name     string // as typed, kept when it needs fixing
	Errors   map[string]string
	Sessions int
	// The author profile behind the user's byline, for those who may
	// edit it; nil for the others.
	Profile       *ProfileForm
	ProfileErrors map[string]string
}

// maxSmallForm bounds the desk's short forms (names, roles, passwords).
const maxSmallForm = 64 << 10

// Account shows the signed-in user's own page.
func (h *Handler) Account(w http.ResponseWriter, r *http.Request) error {
	return h.account(w, r, http.StatusOK, CurrentUser(r).Name, nil)
}

// SaveAccount changes the signed-in user's name.
func (h *Handler) SaveAccount(w http.ResponseWriter, r *http.Request) error {
	if err := parseSmallForm(w, r); err != nil {
		return err
	}
	u, name := CurrentUser(r), r.PostForm.Get("name")
	err := h.Auth.Rename(r.Context(), u.ID, name)
	var v people.ValidationError
	if errors.As(err, &v) {
		return h.account(w, r, http.StatusUnprocessableEntity, name, v)
	}
	if err != nil {
		return err
	}
	h.audit(r, "account.name", u.Email, u.Name+" → "+strings.TrimSpace(name))
	return seeOther(w, r, "/admin/account", "Your name is saved.")
}

// SignOutEverywhere ends every session of the signed-in user, this one too:
// the way out after a lost phone or a shared computer.
func (h *Handler) SignOutEverywhere(w http.ResponseWriter, r *http.Request) error {
	u := CurrentUser(r)
	if err := h.Auth.EndSessions(r.Context(), u.ID); err != nil {
		return err
	}
	h.audit(r, "account.end-sessions", u.Email, "")
	h.setSession(w, r, "", -1)
	h.clearGrant(w, r)
	return seeOther(w, r, "/admin/sign-in", "You are signed out everywhere.")
}

func (h *Handler) account(w http.ResponseWriter, r *http.Request, status int, name string, problems map[string]string) error {
	return h.accountWith(w, r, status, name, problems, ProfileForm{}, nil)
}

// accountWith shows the account page; a profile form with a name is one
// being fixed, otherwise the stored profile is shown.
func (h *Handler) accountWith(w http.ResponseWriter, r *http.Request, status int, name string, problems map[string]string,
	profile ProfileForm, profileProblems map[string]string) error {
	l, err := h.layout(r, "Your account", "account")
	if err != nil {
		return err
	}
	n, err := h.Auth.SessionCount(r.Context(), l.User.ID)
	if err != nil {
		return err
	}
	page := AccountPage{Layout: l, Name: name, Errors: problems, Sessions: n, ProfileErrors: profileProblems}
	if l.User.Role.Can(people.ManageOwnProfile) {
		if profileProblems == nil {
			me, err := h.Store.AuthorForUser(r.Context(), l.User, h.Now())
			if err != nil {
				return err
			}
			profile = ProfileForm{Name: me.Name, Bio: me.Bio, Path: me.Path()}
		}
		page.Profile = &profile
	}
	return h.page(w, r, status, "account", page)
}

// parseSmallForm reads a short desk form, refusing oversized bodies.
func parseSmallForm(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, maxSmallForm)
	if err := r.ParseForm(); err != nil {
		return web.BadRequest("form too large or malformed")
	}
	return nil
}
