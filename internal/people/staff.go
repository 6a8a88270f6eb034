package people

import (
	"context"
	"errors"
	"fmt"
	"github.com/datelinenews/dateline/internal/problem"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// ErrDisabled is returned when asked for a sign-in link to a disabled account.
var ErrDisabled = errors.New("this account is disabled: enable it in the desk first")

// ErrLastAdmin is returned when a change would leave no enabled admin, and
// with it nobody able to manage accounts from the desk.
var ErrLastAdmin = errors.New("this is the last enabled admin: make another user an admin first")

// ValidationError maps form fields to what is wrong with them, in words a
// user can act on.
type ValidationError = problem.Fields

// StaffStore is what looking after staff accounts needs from the database.
type StaffStore interface {
	ListUsers(ctx context.Context) ([]User, error)
	CreateUser(ctx context.Context, u User, now time.Time) (int64, error)
	RenameUser(ctx context.Context, id int64, name string, now time.Time) error
	SetUserRole(ctx context.Context, id int64, role Role, now time.Time) error
	SetUserDisabled(ctx context.Context, id int64, disabled bool, now time.Time) error
	CountSessions(ctx context.Context, userID int64, now time.Time) (int, error)
	OneTimeToken(ctx context.Context, tokenHash string, now time.Time) (userID int64, purpose string, err error)
	LastAuditByUser(ctx context.Context, actions ...string) (map[int64]time.Time, error)
	ListAudit(ctx context.Context, f AuditFilter) ([]AuditEntry, error)
}

// MaxNameLength bounds a staff member's name as shown in the desk.
const MaxNameLength = 100

// CheckName trims a name and says what is wrong with it, if anything.
func CheckName(name string) (string, string) {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return name, "Enter a name."
	case utf8.RuneCountInString(name) > MaxNameLength:
		return name, fmt.Sprintf("Use at most %d characters.", MaxNameLength)
	case strings.ContainsFunc(name, unicode.IsControl):
		return name, "Use letters, spaces and punctuation only."
	}
	return name, ""
}

// Users lists every staff account by name.
func (a *Auth) Users(ctx context.Context) ([]User, error) { return a.store.ListUsers(ctx) }

// UserByID returns one staff account.
func (a *Auth) UserByID(ctx context.Context, id int64) (User, error) {
	return a.store.UserByID(ctx, id)
}

// SessionCount counts a user's live sessions.
func (a *Auth) SessionCount(ctx context.Context, userID int64) (int, error) {
	return a.store.CountSessions(ctx, userID, a.now().UTC())
}

// LastActions returns, per user, when they last did one of the audited
// actions: the desk asks for its sign-in actions to show "last signed in"
// without a column of its own to keep up to date.
func (a *Auth) LastActions(ctx context.Context, actions ...string) (map[int64]time.Time, error) {
	return a.store.LastAuditByUser(ctx, actions...)
}

// AuditLog returns audit entries matching f, newest first.
func (a *Auth) AuditLog(ctx context.Context, f AuditFilter) ([]AuditEntry, error) {
	return a.store.ListAudit(ctx, f)
}

// Invite creates an account without a password and returns a one-time
// link, valid for InviteLinkTTL, with which the new user sets one.
func (a *Auth) Invite(ctx context.Context, email, name, role string) (User, Link, error) {
	u, problems := newAccount(email, name, role)
	if len(problems) > 0 {
		return u, Link{}, problems
	}
	id, err := a.store.CreateUser(ctx, u, a.now().UTC())
	if errors.Is(err, ErrConflict) {
		return u, Link{}, ValidationError{"email": "An account with this email already exists."}
	}
	if err != nil {
		return u, Link{}, err
	}
	u.ID = id
	link, err := a.NewLink(ctx, u)
	return u, link, err
}

// newAccount checks an invitation's fields, reporting every problem at once.
func newAccount(email, name, role string) (User, ValidationError) {
	problems := ValidationError{}
	u := User{Email: strings.TrimSpace(email)}
	if addr, err := NormalizeEmail(email); u.Email == "" {
		problems["email"] = "Enter the email address the new user signs in with."
	} else if err != nil {
		problems["email"] = "Enter an email address like name@example.org."
	} else {
		u.Email = addr
	}
	var msg string
	if u.Name, msg = CheckName(name); msg != "" {
		problems["name"] = msg
	}
	r, err := ParseRole(role)
	if err != nil {
		problems["role"] = "Choose a role."
	}
	u.Role = r
	return u, problems
}

// Link is a one-time sign-in link: the token for its URL, and its limits.
type Link struct {
	Token   string
	Purpose string // "invite" or "reset"
	Expires time.Time
}

// NewLink makes a one-time sign-in link for u: an invitation, valid for a
// week, while they have never set a password; else a reset link valid for
// an hour. A disabled account gets none, as the link could not be used.
func (a *Auth) NewLink(ctx context.Context, u User) (Link, error) {
	if u.Disabled {
		return Link{}, ErrDisabled
	}
	l := Link{Token: newToken(), Purpose: "reset", Expires: a.now().UTC().Add(ResetLinkTTL)}
	if u.PasswordHash == "" {
		l.Purpose, l.Expires = "invite", a.now().UTC().Add(InviteLinkTTL)
	}
	if err := a.store.CreateOneTimeToken(ctx, HashToken(l.Token), u.ID, l.Purpose, l.Expires); err != nil {
		return Link{}, fmt.Errorf("sign-in link for user %d: %w", u.ID, err)
	}
	return l, nil
}

// Rename changes a user's name as shown in the desk.
func (a *Auth) Rename(ctx context.Context, userID int64, name string) error {
	name, msg := CheckName(name)
	if msg != "" {
		return ValidationError{"name": msg}
	}
	return a.store.RenameUser(ctx, userID, name, a.now().UTC())
}

// SetRole changes a user's role. Demoting the last enabled admin is ErrLastAdmin.
func (a *Auth) SetRole(ctx context.Context, userID int64, role string) error {
	r, err := ParseRole(role)
	if err != nil {
		return ValidationError{"role": "Choose one of the roles listed."}
	}
	return a.store.SetUserRole(ctx, userID, r, a.now().UTC())
}

// SetDisabled disables or enables an account. Disabling ends every session
// of the user at once, so they are out of the desk on their next click.
// Disabling the last enabled admin is ErrLastAdmin.
func (a *Auth) SetDisabled(ctx context.Context, userID int64, disabled bool) error {
	if err := a.store.SetUserDisabled(ctx, userID, disabled, a.now().UTC()); err != nil {
		return err
	}
	if disabled {
		return a.EndSessions(ctx, userID)
	}
	return nil
}
