package desk

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/datelinenews/dateline/internal/people"
)

// UsersPage lists the newsroom's staff accounts, with the invitation form.
type UsersPage struct {
	Layout
	People []UserRow
	Invite InviteForm
	Errors map[string]string
	Roles  []people.Role
}

// UserRow is one account in the list.
type UserRow struct {
	people.User
	LastSignIn string // "" when never signed in
	Pending    bool   // invited, no password set yet
}

// InviteForm is the typed invitation, kept when it needs fixing.
type InviteForm struct{ Email, Name, Role string }

// LinkResultPage shows a new one-time link, once, for the admin to send.
type LinkResultPage struct {
	Layout
	Person  people.User
	URL     string
	Invite  bool
	Expires string
}

// signInActions are the audit actions that mean "signed in".
var signInActions = []string{"session.sign-in", "session.link"}

// Users lists staff accounts.
func (h *Handler) Users(w http.ResponseWriter, r *http.Request) error {
	return h.users(w, r, http.StatusOK, InviteForm{Role: string(people.Contributor)}, nil)
}

// Invite creates an account without a password and shows the one-time
// link with which the new user sets one. The link is shown in the reply to
// the POST, not after a redirect, so it never sits in a URL or the history.
func (h *Handler) Invite(w http.ResponseWriter, r *http.Request) error {
	if err := parseSmallForm(w, r); err != nil {
		return err
	}
	f := InviteForm{Email: r.PostForm.Get("email"), Name: r.PostForm.Get("name"), Role: r.PostForm.Get("role")}
	u, link, err := h.Auth.Invite(r.Context(), f.Email, f.Name, f.Role)
	var v people.ValidationError
	if errors.As(err, &v) {
		return h.users(w, r, http.StatusUnprocessableEntity, f, v)
	}
	if err != nil {
		return err
	}
	h.audit(r, "user.invite", userTarget(u), string(u.Role))
	return h.linkResult(w, r, u, link)
}

func (h *Handler) users(w http.ResponseWriter, r *http.Request, status int, f InviteForm, problems map[string]string) error {
	l, err := h.layout(r, "Users", "users")
	if err != nil {
		return err
	}
	list, err := h.Auth.Users(r.Context())
	if err != nil {
		return err
	}
	last, err := h.Auth.LastActions(r.Context(), signInActions...)
	if err != nil {
		return err
	}
	p := UsersPage{Layout: l, Invite: f, Errors: problems, Roles: people.Roles}
	for _, u := range list {
		row := UserRow{User: u, Pending: u.PasswordHash == ""}
		if at, ok := last[u.ID]; ok {
			row.LastSignIn = when(at, l)
		}
		p.People = append(p.People, row)
	}
	return h.page(w, r, status, "users", p)
}

func (h *Handler) linkResult(w http.ResponseWriter, r *http.Request, u people.User, link people.Link) error {
	title := "New sign-in link"
	if link.Purpose == "invite" {
		title = "Invitation ready"
	}
	l, err := h.layout(r, title, "users")
	if err != nil {
		return err
	}
	w.Header().Set("Referrer-Policy", "no-referrer")
	return h.page(w, r, http.StatusOK, "user_link", LinkResultPage{Layout: l, Person: u, URL: h.linkURL(r, link.Token),
		Invite: link.Purpose == "invite", Expires: when(link.Expires, l)})
}

// userTarget names an account in the audit log.
func userTarget(u people.User) string { return "user " + strconv.FormatInt(u.ID, 10) + " " + u.Email }

// when formats a time in the newsroom's time zone, as the story list does.
func when(t time.Time, l Layout) string {
	return t.In(l.Site.Location()).Format("2 Jan 2006 15:04")
}
