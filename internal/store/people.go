package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/datelinenews/dateline/internal/people"
)

// CreateUser adds a staff account; a taken email is people.ErrConflict.
func (s *Store) CreateUser(ctx context.Context, u people.User, now time.Time) (int64, error) {
	const q = `INSERT INTO users (email, name, role, password_hash, disabled, created_at, updated_at)
	  VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id`
	var id int64
	err := s.write.QueryRowContext(ctx, q, u.Email, u.Name, string(u.Role), u.PasswordHash, u.Disabled, utc(now)).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("create user %s: %w", u.Email, s.conflict(err, people.ErrConflict))
	}
	return id, nil
}

// UserByEmail returns one staff account.
func (s *Store) UserByEmail(ctx context.Context, email string) (people.User, error) {
	const q = `SELECT id, email, name, role, password_hash, disabled, created_at, updated_at FROM users WHERE email = $1`
	var u people.User
	err := s.read.QueryRowContext(ctx, q, email).Scan(&u.ID, &u.Email, &u.Name, &u.Role, &u.PasswordHash, &u.Disabled, &u.CreatedAt, &u.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return u, people.ErrNotFound
	}
	if err != nil {
		return u, fmt.Errorf("user %s: %w", email, err)
	}
	u.CreatedAt, u.UpdatedAt = utc(u.CreatedAt), utc(u.UpdatedAt)
	return u, nil
}

// CountUsers counts staff accounts; an empty newsroom gets the demo admin.
func (s *Store) CountUsers(ctx context.Context) (int, error) {
	var n int
	err := s.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM users`).Scan(&n)
	return n, err
}

// CreateAuthor adds a byline profile; a taken slug is people.ErrConflict.
func (s *Store) CreateAuthor(ctx context.Context, a people.Author, now time.Time) (int64, error) {
	const q = `INSERT INTO authors (slug, name, bio, user_id, created_at, updated_at)
	  VALUES ($1, $2, $3, $4, $5, $5) RETURNING id`
	var id int64
	err := s.write.QueryRowContext(ctx, q, a.Slug, a.Name, a.Bio, nullID(a.UserID), utc(now)).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("create author %q: %w", a.Slug, s.conflict(err, people.ErrConflict))
	}
	return id, nil
}

// AuthorBySlug returns one author profile.
func (s *Store) AuthorBySlug(ctx context.Context, slug string) (people.Author, error) {
	const q = `SELECT id, slug, name, bio, user_id, created_at, updated_at FROM authors WHERE slug = $1`
	var a people.Author
	var userID sql.NullInt64
	err := s.read.QueryRowContext(ctx, q, slug).Scan(&a.ID, &a.Slug, &a.Name, &a.Bio, &userID, &a.CreatedAt, &a.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return a, people.ErrNotFound
	}
	if err != nil {
		return a, fmt.Errorf("author %q: %w", slug, err)
	}
	a.UserID = userID.Int64
	a.CreatedAt, a.UpdatedAt = utc(a.CreatedAt), utc(a.UpdatedAt)
	return a, nil
}
