package people

import (
	"context"
	"fmt"
	"unicode/utf8"
)

// PasswordChange is what a user typed to set a new password.
type PasswordChange struct {
	Current, New, Confirm string
	// Trusted is set when the user arrived by a one-time link moments ago:
	// the link proved who they are, so their old (perhaps forgotten)
	// password is not asked for.
	Trusted bool
}

// ChangePassword sets u's password after checking the current one (unless
// c.Trusted, or u never had one). It ends every session of u, to throw out
// anyone who got in with the old password, and returns a fresh session
// token for the browser that made the change.
func (a *Auth) ChangePassword(ctx context.Context, u User, c PasswordChange) (string, error) {
	problems := ValidationError{}
	if n := utf8.RuneCountInString(c.New); n < MinPasswordLength || n > 256 {
		problems["password"] = fmt.Sprintf("Use at least %d characters (a few unrelated words are easy to remember) and at most 256.", MinPasswordLength)
	} else if c.Confirm != c.New {
		problems["confirm"] = "The two new passwords are not the same. Type it again in both fields."
	}
	if !c.Trusted && u.PasswordHash != "" {
		msg, err := a.checkCurrent(ctx, u, c.Current)
		if err != nil {
			return "", err
		}
		if msg != "" {
			problems["current"] = msg
		}
	}
	if len(problems) > 0 {
		return "", problems
	}
	if err := a.SetPassword(ctx, u.ID, c.New); err != nil {
		return "", err
	}
	if err := a.EndSessions(ctx, u.ID); err != nil {
		return "", err
	}
	return a.openSession(ctx, u.ID, a.now().UTC())
}

// checkCurrent checks the current password under the same throttle as
// signing in, so a borrowed session cannot be used to guess it quickly. It
// returns what to tell the user, or a *ThrottledError.
func (a *Auth) checkCurrent(ctx context.Context, u User, current string) (string, error) {
	now := a.now().UTC()
	key := "email:" + u.Email
	failures, err := a.store.SignInFailures(ctx, key)
	if err != nil {
		return "", err
	}
	if wait := throttle(failures[key], now); wait > 0 {
		return "", &ThrottledError{Wait: wait}
	}
	if current == "" {
		return "Enter your current password.", nil
	}
	if ok, _ := CheckPassword(u.PasswordHash, current); ok {
		return "", a.store.ClearSignInFailures(ctx, key)
	}
	if err := a.store.RecordSignInFailure(ctx, key, now); err != nil {
		return "", err
	}
	return "That is not your current password.", nil
}
