package people

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"strings"
	"sync"
	"time"
)

// Errors of signing in. ErrBadCredentials is deliberately vague: a reader of
// the message must not learn whether the email belongs to a staff member.
var (
	ErrBadCredentials = errors.New("the email or password is not right")
	ErrNoSession      = errors.New("not signed in")
	ErrTokenInvalid   = errors.New("this link is not valid or has expired")
)

// ThrottledError says how long to wait before trying to sign in again.
type ThrottledError struct{ Wait time.Duration }

func (e *ThrottledError) Error() string {
	secs := int(math.Ceil(e.Wait.Seconds()))
	if secs < 120 {
		return fmt.Sprintf("Too many failed attempts. Wait %d seconds, then try again.", secs)
	}
	return fmt.Sprintf("Too many failed attempts. Wait %d minutes, then try again.", (secs+59)/60)
}

// Session lengths: a session lasts two weeks from its last use, and never
// longer than 30 days from sign-in.
const (
	SessionIdle     = 14 * 24 * time.Hour
	SessionLifetime = 30 * 24 * time.Hour
	ResetLinkTTL    = time.Hour
	InviteLinkTTL   = 7 * 24 * time.Hour
)

// Failure is the count of recent failed sign-ins for an account or a client.
type Failure struct {
	Count int
	Last  time.Time
}

// AuthStore is what signing in needs from the database.
type AuthStore interface {
	UserByEmail(ctx context.Context, email string) (User, error)
	UserByID(ctx context.Context, id int64) (User, error)
	CreateSession(ctx context.Context, tokenHash string, userID int64, now, expires time.Time) error
	SessionUser(ctx context.Context, tokenHash string, now time.Time) (User, time.Time, error)
	TouchSession(ctx context.Context, tokenHash string, now, expires time.Time) error
	DeleteSession(ctx context.Context, tokenHash string) error
	DeleteUserSessions(ctx context.Context, userID int64) error
	SignInFailures(ctx context.Context, keys ...string) (map[string]Failure, error)
	RecordSignInFailure(ctx context.Context, key string, now time.Time) error
	ClearSignInFailures(ctx context.Context, key string) error
	CreateOneTimeToken(ctx context.Context, tokenHash string, userID int64, purpose string, expires time.Time) error
	UseOneTimeToken(ctx context.Context, tokenHash, purpose string, now time.Time) (int64, error)
	SetPassword(ctx context.Context, userID int64, hash string, now time.Time) error
	StaffStore
}

// Auth signs staff in and out, and looks after their accounts: invitations,
// one-time links, roles, passwords and the audit log of what they did.
type Auth struct {
	store AuthStore
	now   func() time.Time
}

// NewAuth returns the sign-in service; now is the clock.
func NewAuth(store AuthStore, now func() time.Time) *Auth { return &Auth{store: store, now: now} }

// throttle returns how long a key with these failures must wait: free for
// the first three, then 2, 4, 8… seconds, at most 15 minutes.
func throttle(f Failure, now time.Time) time.Duration {
	if f.Count < 3 {
		return 0
	}
	delay := time.Duration(math.Min(math.Pow(2, float64(f.Count-2)), 900)) * time.Second
	if wait := f.Last.Add(delay).Sub(now); wait > 0 {
		return wait
	}
	return 0
}

// SignIn checks a password and opens a session, returning the user and the
// session token for the cookie. clientKey identifies the client (a keyed
// hash of its address) so one client cannot try many accounts quickly.
func (a *Auth) SignIn(ctx context.Context, email, password, clientKey string) (User, string, error) {
	now := a.now().UTC()
	email = strings.ToLower(strings.TrimSpace(email))
	accountKey, clientKey := "email:"+email, "client:"+clientKey
	failures, err := a.store.SignInFailures(ctx, accountKey, clientKey)
	if err != nil {
		return User{}, "", err
	}
	if wait := max(throttle(failures[accountKey], now), throttle(failures[clientKey], now)); wait > 0 {
		return User{}, "", &ThrottledError{Wait: wait}
	}
	u, err := a.store.UserByEmail(ctx, email)
	ok := false
	if err == nil && !u.Disabled && u.PasswordHash != "" {
		ok, _ = CheckPassword(u.PasswordHash, password)
	} else if errors.Is(err, ErrNotFound) || err == nil {
		// Spend the same time as a real check, so timing does not tell
		// whether the account exists.
		CheckPassword(dummyHash(), password)
	} else {
		return User{}, "", err
	}
	if !ok {
		for _, k := range []string{accountKey, clientKey} {
			if err := a.store.RecordSignInFailure(ctx, k, now); err != nil {
				return User{}, "", err
			}
		}
		return User{}, "", ErrBadCredentials
	}
	if err := a.store.ClearSignInFailures(ctx, accountKey); err != nil {
		return User{}, "", err
	}
	token, err := a.openSession(ctx, u.ID, now)
	return u, token, err
}

// dummyHash is checked against when no account matches. It is made on
// first use, not at start: an argon2id hash takes 64 MiB and a good part of
// a CPU second, which every start of every command used to pay (the
// benchmark suite's cold start and peak memory showed it).
var dummyHash = sync.OnceValue(func() string {
	h, _ := HashPassword("no such account, no such password")
	return h
})

func (a *Auth) openSession(ctx context.Context, userID int64, now time.Time) (string, error) {
	token := newToken()
	if err := a.store.CreateSession(ctx, HashToken(token), userID, now, now.Add(SessionIdle)); err != nil {
		return "", fmt.Errorf("open session: %w", err)
	}
	return token, nil
}

// User returns the signed-in user for a session token, sliding the
// session's expiry forward at most once an hour.
func (a *Auth) User(ctx context.Context, token string) (User, error) {
	if token == "" || len(token) > 100 {
		return User{}, ErrNoSession
	}
	now := a.now().UTC()
	u, created, err := a.store.SessionUser(ctx, HashToken(token), now)
	if err != nil {
		return User{}, err
	}
	expires := now.Add(SessionIdle)
	if limit := created.Add(SessionLifetime); expires.After(limit) {
		expires = limit
	}
	if err := a.store.TouchSession(ctx, HashToken(token), now, expires); err != nil {
		return User{}, err
	}
	return u, nil
}

// SignOut ends one session.
func (a *Auth) SignOut(ctx context.Context, token string) error {
	return a.store.DeleteSession(ctx, HashToken(token))
}

// EndSessions signs a user out everywhere.
func (a *Auth) EndSessions(ctx context.Context, userID int64) error {
	return a.store.DeleteUserSessions(ctx, userID)
}

// ResetLink makes a one-time sign-in token for a user, valid for an hour.
// A disabled account gets none (ErrDisabled): the link could not be used.
func (a *Auth) ResetLink(ctx context.Context, email string) (User, string, error) {
	u, err := a.store.UserByEmail(ctx, strings.ToLower(strings.TrimSpace(email)))
	if err != nil {
		return User{}, "", err
	}
	if u.Disabled {
		return u, "", ErrDisabled
	}
	token := newToken()
	if err := a.store.CreateOneTimeToken(ctx, HashToken(token), u.ID, "reset", a.now().UTC().Add(ResetLinkTTL)); err != nil {
		return User{}, "", err
	}
	return u, token, nil
}

// UseLink spends a one-time token and opens a session for its user.
func (a *Auth) UseLink(ctx context.Context, token, purpose string) (User, string, error) {
	now := a.now().UTC()
	id, err := a.store.UseOneTimeToken(ctx, HashToken(token), purpose, now)
	if err != nil {
		return User{}, "", err
	}
	u, err := a.store.UserByID(ctx, id)
	if err != nil {
		return User{}, "", err
	}
	if u.Disabled {
		return User{}, "", ErrTokenInvalid
	}
	session, err := a.openSession(ctx, u.ID, now)
	return u, session, err
}

// SetPassword changes a user's password.
func (a *Auth) SetPassword(ctx context.Context, userID int64, password string) error {
	hash, err := HashPassword(password)
	if err != nil {
		return err
	}
	return a.store.SetPassword(ctx, userID, hash, a.now().UTC())
}

// newToken returns 32 random bytes, URL-safe.
func newToken() string {
	b := make([]byte, 32)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// HashToken is what the database stores of a session or link token, so a
// leaked database does not hand out sessions.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}
