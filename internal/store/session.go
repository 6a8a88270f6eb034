package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/datelinenews/dateline/internal/people"
)

// CreateSession stores a new session by the hash of its token.
func (s *Store) CreateSession(ctx context.Context, tokenHash string, userID int64, now, expires time.Time) error {
	_, err := s.write.ExecContext(ctx, `INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at)
	  VALUES ($1, $2, $3, $3, $4)`, tokenHash, userID, utc(now), utc(expires))
	return err
}

// SessionUser returns the user of a live session and when it began. Disabled
// users and expired sessions are people.ErrNoSession.
func (s *Store) SessionUser(ctx context.Context, tokenHash string, now time.Time) (people.User, time.Time, error) {
	const q = `SELECT u.id, u.email, u.name, u.role, u.password_hash, u.disabled, u.created_at, u.updated_at, s.created_at
	  FROM sessions s JOIN users u ON u.id = s.user_id
	 WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.disabled = $3`
	var u people.User
	var created time.Time
	err := s.read.QueryRowContext(ctx, q, tokenHash, utc(now), false).Scan(&u.ID, &u.Email, &u.Name, &u.Role,
		&u.PasswordHash, &u.Disabled, &u.CreatedAt, &u.UpdatedAt, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return u, created, people.ErrNoSession
	}
	if err != nil {
		return u, created, fmt.Errorf("session: %w", err)
	}
	return u, utc(created), nil
}

// TouchSession records use of a session and moves its expiry. To spare the
// single SQLite writer, it writes at most once a minute per session.
func (s *Store) TouchSession(ctx context.Context, tokenHash string, now, expires time.Time) error {
	_, err := s.write.ExecContext(ctx, `UPDATE sessions SET last_seen_at = $2, expires_at = $3
	  WHERE token_hash = $1 AND last_seen_at < $4`, tokenHash, utc(now), utc(expires), utc(now.Add(-time.Minute)))
	return err
}

// DeleteSession ends one session.
func (s *Store) DeleteSession(ctx context.Context, tokenHash string) error {
	_, err := s.write.ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = $1`, tokenHash)
	return err
}

// DeleteUserSessions ends every session of a user.
func (s *Store) DeleteUserSessions(ctx context.Context, userID int64) error {
	_, err := s.write.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, userID)
	return err
}

// DeleteExpiredSessions removes sessions past their expiry.
func (s *Store) DeleteExpiredSessions(ctx context.Context, now time.Time) error {
	_, err := s.write.ExecContext(ctx, `DELETE FROM sessions WHERE expires_at <= $1`, utc(now))
	return err
}

// SignInFailures returns the failure counts of the given keys.
func (s *Store) SignInFailures(ctx context.Context, keys ...string) (map[string]people.Failure, error) {
	out := map[string]people.Failure{}
	if len(keys) == 0 {
		return out, nil
	}
	args := make([]any, len(keys))
	for i, k := range keys {
		args[i] = k
	}
	rows, err := s.read.QueryContext(ctx, `SELECT key, failures, last_failure_at FROM sign_in_failures WHERE key IN (`+placeholders(1, len(keys))+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("sign-in failures: %w", err)
	}
	err = scanEach(rows, func(r *sql.Rows) error {
		var k string
		var f people.Failure
		err := r.Scan(&k, &f.Count, &f.Last)
		f.Last = utc(f.Last)
		out[k] = f
		return err
	})
	return out, err
}

// RecordSignInFailure counts one more failure for key. A failure more than
// a day after the last starts the count again.
func (s *Store) RecordSignInFailure(ctx context.Context, key string, now time.Time) error {
	_, err := s.write.ExecContext(ctx, `INSERT INTO sign_in_failures (key, failures, last_failure_at) VALUES ($1, 1, $2)
	  ON CONFLICT (key) DO UPDATE SET
	    failures = CASE WHEN sign_in_failures.last_failure_at < $3 THEN 1 ELSE sign_in_failures.failures + 1 END,
	    last_failure_at = excluded.last_failure_at`, key, utc(now), utc(now.Add(-24*time.Hour)))
	return err
}

// ClearSignInFailures forgets the failures of key after a good sign-in.
func (s *Store) ClearSignInFailures(ctx context.Context, key string) error {
	_, err := s.write.ExecContext(ctx, `DELETE FROM sign_in_failures WHERE key = $1`, key)
	return err
}

// CreateOneTimeToken stores a sign-in link's token hash.
func (s *Store) CreateOneTimeToken(ctx context.Context, tokenHash string, userID int64, purpose string, expires time.Time) error {
	_, err := s.write.ExecContext(ctx, `INSERT INTO one_time_tokens (token_hash, user_id, purpose, expires_at) VALUES ($1, $2, $3, $4)`,
		tokenHash, userID, purpose, utc(expires))
	return err
}

// UseOneTimeToken marks a token used and returns its user; a used, expired
// or unknown token is people.ErrTokenInvalid. The UPDATE is the check, so two
// clicks racing cannot both succeed.
func (s *Store) UseOneTimeToken(ctx context.Context, tokenHash, purpose string, now time.Time) (int64, error) {
	var id int64
	err := s.write.QueryRowContext(ctx, `UPDATE one_time_tokens SET used_at = $3
	  WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3 RETURNING user_id`,
		tokenHash, purpose, utc(now)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, people.ErrTokenInvalid
	}
	return id, err
}

// Secret returns the installation's named secret, creating it on first use.
func (s *Store) Secret(ctx context.Context, name string) ([]byte, error) {
	b := make([]byte, 32)
	rand.Read(b)
	_, err := s.write.ExecContext(ctx, `INSERT INTO secrets (name, value, created_at) VALUES ($1, $2, $3)
	  ON CONFLICT (name) DO NOTHING`, name, hex.EncodeToString(b), utc(time.Now()))
	if err != nil {
		return nil, fmt.Errorf("secret %s: %w", name, err)
	}
	var v string
	if err := s.write.QueryRowContext(ctx, `SELECT value FROM secrets WHERE name = $1`, name).Scan(&v); err != nil {
		return nil, fmt.Errorf("secret %s: %w", name, err)
	}
	return hex.DecodeString(v)
}

// CountSessions counts a user's live sessions.
func (s *Store) CountSessions(ctx context.Context, userID int64, now time.Time) (int, error) {
	var n int
	err := s.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM sessions WHERE user_id = $1 AND expires_at > $2`, userID, utc(now)).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count sessions of user %d: %w", userID, err)
	}
	return n, nil
}

// OneTimeToken returns the user and purpose of a live sign-in link without
// spending it; a used, expired or unknown token is people.ErrTokenInvalid.
func (s *Store) OneTimeToken(ctx context.Context, tokenHash string, now time.Time) (int64, string, error) {
	var id int64
	var purpose string
	err := s.read.QueryRowContext(ctx, `SELECT user_id, purpose FROM one_time_tokens
	  WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2`, tokenHash, utc(now)).Scan(&id, &purpose)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, "", people.ErrTokenInvalid
	}
	if err != nil {
		return 0, "", fmt.Errorf("one-time token: %w", err)
	}
	return id, purpose, nil
}
