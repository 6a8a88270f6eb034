package desk

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/web"
)

// UserEditPage is one staff account as an admin sees it: role, access,
// sessions and sign-in links.
type UserEditPage struct {
	Layout
	Person     people.User
	Role       string // as chosen, kept when it needs fixing
	Errors     map[string]string
	Sessions   int
	LastSignIn string
	Roles      []people.Role
	Self       bool
	Pending    bool
}

// EditUser shows one account.
func (h *Handler) EditUser(w http.ResponseWriter, r *http.Request) error {
	u, err := h.person(r)
	if err != nil {
		return err
	}
	return h.userEdit(w, r, http.StatusOK, u, string(u.Role), nil)
}

// SetUserRole changes an account's role. The last enabled admin keeps theirs.
func (h *Handler) SetUserRole(w http.ResponseWriter, r *http.Request) error {
	u, err := h.person(r)
	if err != nil {
		return err
	}
	if err := parseSmallForm(w, r); err != nil {
		return err
	}
	role := r.PostForm.Get("role")
	err = h.Auth.SetRole(r.Context(), u.ID, role)
	var v people.ValidationError
	switch {
	case errors.As(err, &v):
		return h.userEdit(w, r, http.StatusUnprocessableEntity, u, role, v)
	case errors.Is(err, people.ErrLastAdmin):
		return h.userEdit(w, r, http.StatusUnprocessableEntity, u, role, map[string]string{"role": lastAdminMessage(r, u)})
	case err != nil:
		return err
	}
	h.audit(r, "user.role", userTarget(u), string(u.Role)+" → "+role)
	msg := u.Name + " is now " + articled(role) + "."
	if u.ID == CurrentUser(r).ID && !people.Role(role).Can(people.ManageUsers) {
		// They just gave away the right to see this page.
		return seeOther(w, r, "/admin/account", msg)
	}
	return seeOther(w, r, userPath(u), msg)
}

// person reads the account named in the path; a malformed or unknown id
// is not found.
func (h *Handler) person(r *http.Request) (people.User, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return people.User{}, web.NotFound()
	}
	return h.Auth.UserByID(r.Context(), id)
}

func (h *Handler) userEdit(w http.ResponseWriter, r *http.Request, status int, u people.User, role string, problems map[string]string) error {
	l, err := h.layout(r, u.Name, "users")
	if err != nil {
		return err
	}
	n, err := h.Auth.SessionCount(r.Context(), u.ID)
	if err != nil {
		return err
	}
	last, err := h.Auth.LastActions(r.Context(), signInActions...)
	if err != nil {
		return err
	}
	p := UserEditPage{Layout: l, Person: u, Role: role, Errors: problems, Sessions: n, Roles: people.Roles,
		Self: u.ID == l.User.ID, Pending: u.PasswordHash == ""}
	if at, ok := last[u.ID]; ok {
		p.LastSignIn = when(at, l)
	}
	return h.page(w, r, status, "user_edit", p)
}

// lastAdminMessage explains why the change was refused.
func lastAdminMessage(r *http.Request, u people.User) string {
	if u.ID == CurrentUser(r).ID {
		return "You are the only enabled admin. Make someone else an admin first, or nobody could manage accounts."
	}
	return u.Name + " is the only enabled admin. Make someone else an admin first, or nobody could manage accounts."
}

func userPath(u people.User) string { return "/admin/users/" + strconv.FormatInt(u.ID, 10) }

// articled puts "a" or "an" before a role name.
func articled(role string) string {
	label := people.Role(role).Label()
	if label == "Admin" || label == "Author" || label == "Editor" {
		return "an " + label
	}
	return "a " + label
}
