package people

import (
	"context"
	"errors"
)

// maxTokenLength bounds tokens read from URLs and cookies before they are
// hashed; ours are 43 characters.
const maxTokenLength = 100

// PeekLink returns the user a one-time link would sign in, and the link's
// purpose ("reset" or "invite"), without spending it: the page behind the
// link says whose it is and waits for a click. Unknown, used, expired and
// disabled-account links are all ErrTokenInvalid.
func (a *Auth) PeekLink(ctx context.Context, token string) (User, string, error) {
	if token == "" || len(token) > maxTokenLength {
		return User{}, "", ErrTokenInvalid
	}
	id, purpose, err := a.store.OneTimeToken(ctx, HashToken(token), a.now().UTC())
	if err != nil {
		return User{}, "", err
	}
	u, err := a.store.UserByID(ctx, id)
	if errors.Is(err, ErrNotFound) || err == nil && u.Disabled {
		return User{}, "", ErrTokenInvalid
	}
	return u, purpose, err
}

// SpendLink spends a one-time link of either purpose and opens a session,
// returning the user, the link's purpose and the session token. Spending
// is a single conditional update, so two clicks cannot both succeed.
func (a *Auth) SpendLink(ctx context.Context, token string) (User, string, string, error) {
	_, purpose, err := a.PeekLink(ctx, token)
	if err != nil {
		return User{}, "", "", err
	}
	u, session, err := a.UseLink(ctx, token, purpose)
	return u, purpose, session, err
}
