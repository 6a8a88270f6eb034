package desk

import (
	"errors"
	"net/http"

	"github.com/datelinenews/dateline/internal/people"
)

// PasswordPage sets the signed-in user's password. Typed passwords are
// never sent back in the page, even when the form needs fixing.
type PasswordPage struct {
	Layout
	// Trusted: the user just came in by a one-time link (or has no
	// password yet), so the current password is not asked for.
	Trusted bool
	First   bool // no password yet: an invited user's first visit
	Errors  map[string]string
	Error   string // a message for the whole form, such as a throttle
	MinLen  int
}

// PasswordForm asks for a new password.
func (h *Handler) PasswordForm(w http.ResponseWriter, r *http.Request) error {
	return h.passwordPage(w, r, http.StatusOK, nil, "")
}

// ChangePassword sets a new password, signs out every other session, and
// keeps this browser signed in with a fresh session.
func (h *Handler) ChangePassword(w http.ResponseWriter, r *http.Request) error {
	if err := parseSmallForm(w, r); err != nil {
		return err
	}
	u, f := CurrentUser(r), r.PostForm
	trusted := h.trusted(r)
	session, err := h.Auth.ChangePassword(r.Context(), u, people.PasswordChange{
		Current: f.Get("current"), New: f.Get("password"), Confirm: f.Get("confirm"), Trusted: trusted})
	var v people.ValidationError
	var throttled *people.ThrottledError
	switch {
	case errors.As(err, &v):
		return h.passwordPage(w, r, http.StatusUnprocessableEntity, v, "")
	case errors.As(err, &throttled):
		return h.passwordPage(w, r, http.StatusTooManyRequests, nil, throttled.Error())
	case err != nil:
		return err
	}
	h.setSession(w, r, session, int(people.SessionIdle.Seconds()))
	h.clearGrant(w, r)
	h.audit(r, "account.password", u.Email, "")
	if trusted {
		return seeOther(w, r, "/admin/", "Your password is set. Use it with your email address to sign in from now on.")
	}
	return seeOther(w, r, "/admin/account", "Your password is changed. Any other sessions were signed out.")
}

// trusted reports whether the user may set a password without the current
// one: they came by a one-time link moments ago, or never had a password.
func (h *Handler) trusted(r *http.Request) bool {
	return CurrentUser(r).PasswordHash == "" || h.hasGrant(r)
}

func (h *Handler) passwordPage(w http.ResponseWriter, r *http.Request, status int, problems map[string]string, msg string) error {
	u := CurrentUser(r)
	title := "Change your password"
	if u.PasswordHash == "" {
		title = "Choose your password"
	}
	l, err := h.layout(r, title, "account")
	if err != nil {
		return err
	}
	p := PasswordPage{Layout: l, Trusted: h.trusted(r), First: u.PasswordHash == "", Errors: problems, Error: msg,
		MinLen: people.MinPasswordLength}
	return h.page(w, r, status, "set_password", p)
}
