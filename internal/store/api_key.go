package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/datelinenews/dateline/internal/apikey"
)

const apiKeySelect = `SELECT id, name, prefix, secret_hash, created_by, created_at, last_used_at, revoked_at FROM api_keys`

func scanAPIKey(row rowScanner) (apikey.Key, error) {
	var (
		k             apikey.Key
		by            sql.NullInt64
		used, revoked sql.NullTime
	)
	if err := row.Scan(&k.ID, &k.Name, &k.Prefix, &k.Hash, &by, &k.CreatedAt, &used, &revoked); err != nil {
		return k, err
	}
	k.CreatedBy, k.CreatedAt = by.Int64, utc(k.CreatedAt)
	if used.Valid {
		k.LastUsedAt = utc(used.Time)
	}
	if revoked.Valid {
		k.RevokedAt = utc(revoked.Time)
	}
	return k, nil
}

// CreateAPIKey stores a new key by the hash of its secret.
func (s *Store) CreateAPIKey(ctx context.Context, k apikey.Key) (int64, error) {
	const q = `INSERT INTO api_keys (name, prefix, secret_hash, created_by, created_at)
	  VALUES ($1, $2, $3, $4, $5) RETURNING id`
	var id int64
	by := sql.NullInt64{Int64: k.CreatedBy, Valid: k.CreatedBy != 0}
	if err := s.write.QueryRowContext(ctx, q, k.Name, k.Prefix, k.Hash, by, utc(k.CreatedAt)).Scan(&id); err != nil {
		return 0, fmt.Errorf("create api key: %w", err)
	}
	return id, nil
}

// ListAPIKeys returns every key, working ones first, newest first.
func (s *Store) ListAPIKeys(ctx context.Context) ([]apikey.Key, error) {
	rows, err := s.read.QueryContext(ctx, apiKeySelect+` ORDER BY revoked_at IS NOT NULL, created_at DESC, id DESC`)
	if err != nil {
		return nil, fmt.Errorf("list api keys: %w", err)
	}
	var list []apikey.Key
	err = scanEach(rows, func(r *sql.Rows) error {
		k, err := scanAPIKey(r)
		list = append(list, k)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list api keys: %w", err)
	}
	return list, nil
}

// APIKeyByID returns one key.
func (s *Store) APIKeyByID(ctx context.Context, id int64) (apikey.Key, error) {
	return s.oneAPIKey(ctx, apiKeySelect+` WHERE id = $1`, id)
}

// APIKeyByHash returns the key whose secret has this hash, revoked or not.
func (s *Store) APIKeyByHash(ctx context.Context, hash string) (apikey.Key, error) {
	return s.oneAPIKey(ctx, apiKeySelect+` WHERE secret_hash = $1`, hash)
}

func (s *Store) oneAPIKey(ctx context.Context, q string, arg any) (apikey.Key, error) {
	k, err := scanAPIKey(s.read.QueryRowContext(ctx, q, arg))
	if errors.Is(err, sql.ErrNoRows) {
		return k, apikey.ErrNotFound
	}
	if err != nil {
		return k, fmt.Errorf("api key: %w", err)
	}
	return k, nil
}

// RevokeAPIKey stops a key from working, for good. Revoking a revoked key
// keeps its first revocation time.
func (s *Store) RevokeAPIKey(ctx context.Context, id int64, now time.Time) error {
	res, err := s.write.ExecContext(ctx, `UPDATE api_keys SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2`, utc(now), id)
	if err != nil {
		return fmt.Errorf("revoke api key %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return apikey.ErrNotFound
	}
	return nil
}

// TouchAPIKey records that a key was used, at most once a minute, so a
// busy client does not turn every read into a write.
func (s *Store) TouchAPIKey(ctx context.Context, id int64, now time.Time) error {
	const q = `UPDATE api_keys SET last_used_at = $1
	  WHERE id = $2 AND (last_used_at IS NULL OR last_used_at < $3)`
	if _, err := s.write.ExecContext(ctx, q, utc(now), id, utc(now.Add(-time.Minute))); err != nil {
		return fmt.Errorf("note api key %d used: %w", id, err)
	}
	return nil
}
