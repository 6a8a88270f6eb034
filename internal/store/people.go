package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/slug"
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

const userSelect = `SELECT id, email, name, role, password_hash, disabled, created_at, updated_at FROM users`

func scanUser(row rowScanner) (people.User, error) {
	var u people.User
	err := row.Scan(&u.ID, &u.Email, &u.Name, &u.Role, &u.PasswordHash, &u.Disabled, &u.CreatedAt, &u.UpdatedAt)
	u.CreatedAt, u.UpdatedAt = utc(u.CreatedAt), utc(u.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return u, people.ErrNotFound
	}
	return u, err
}

// UserByEmail returns one staff account.
func (s *Store) UserByEmail(ctx context.Context, email string) (people.User, error) {
	u, err := scanUser(s.read.QueryRowContext(ctx, userSelect+` WHERE email = $1`, email))
	if err != nil && !errors.Is(err, people.ErrNotFound) {
		return u, fmt.Errorf("user %s: %w", email, err)
	}
	return u, err
}

// UserByID returns one staff account.
func (s *Store) UserByID(ctx context.Context, id int64) (people.User, error) {
	u, err := scanUser(s.read.QueryRowContext(ctx, userSelect+` WHERE id = $1`, id))
	if err != nil && !errors.Is(err, people.ErrNotFound) {
		return u, fmt.Errorf("user %d: %w", id, err)
	}
	return u, err
}

// ListUsers returns every staff account by name.
func (s *Store) ListUsers(ctx context.Context) ([]people.User, error) {
	rows, err := s.read.QueryContext(ctx, userSelect+` ORDER BY name, id`)
	if err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	var list []people.User
	err = scanEach(rows, func(r *sql.Rows) error {
		u, err := scanUser(r)
		list = append(list, u)
		return err
	})
	return list, err
}

// SetPassword replaces a user's password hash.
func (s *Store) SetPassword(ctx context.Context, userID int64, hash string, now time.Time) error {
	_, err := s.write.ExecContext(ctx, `UPDATE users SET password_hash = $2, updated_at = $3 WHERE id = $1`, userID, hash, utc(now))
	return err
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
	a, err := scanAuthor(s.read.QueryRowContext(ctx, authorSelect+` WHERE slug = $1`, slug))
	if err != nil && !errors.Is(err, people.ErrNotFound) {
		return a, fmt.Errorf("author %q: %w", slug, err)
	}
	return a, err
}

// AuthorByID returns one author profile.
func (s *Store) AuthorByID(ctx context.Context, id int64) (people.Author, error) {
	a, err := scanAuthor(s.read.QueryRowContext(ctx, authorSelect+` WHERE id = $1`, id))
	if err != nil && !errors.Is(err, people.ErrNotFound) {
		return a, fmt.Errorf("author %d: %w", id, err)
	}
	return a, err
}

const authorSelect = `SELECT id, slug, name, bio, user_id, created_at, updated_at FROM authors`

func scanAuthor(row rowScanner) (people.Author, error) {
	var a people.Author
	var userID sql.NullInt64
	err := row.Scan(&a.ID, &a.Slug, &a.Name, &a.Bio, &userID, &a.CreatedAt, &a.UpdatedAt)
	a.UserID = userID.Int64
	a.CreatedAt, a.UpdatedAt = utc(a.CreatedAt), utc(a.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return a, people.ErrNotFound
	}
	return a, err
}

// ListAuthors returns every author profile by name.
func (s *Store) ListAuthors(ctx context.Context) ([]people.Author, error) {
	rows, err := s.read.QueryContext(ctx, authorSelect+` ORDER BY name, id`)
	if err != nil {
		return nil, fmt.Errorf("list authors: %w", err)
	}
	var list []people.Author
	err = scanEach(rows, func(r *sql.Rows) error {
		a, err := scanAuthor(r)
		list = append(list, a)
		return err
	})
	return list, err
}

// AuthorForUser returns the byline profile of a staff member, creating it
// (with a unique slug from their name) the first time they write.
func (s *Store) AuthorForUser(ctx context.Context, u people.User, now time.Time) (people.Author, error) {
	a, err := scanAuthor(s.read.QueryRowContext(ctx, authorSelect+` WHERE user_id = $1 ORDER BY id LIMIT 1`, u.ID))
	if !errors.Is(err, people.ErrNotFound) {
		return a, err
	}
	base := slug.Make(u.Name)
	if base == "" {
		base = "author"
	}
	a = people.Author{Name: u.Name, UserID: u.ID}
	a.Slug, err = slug.Unique(base, func(c string) (bool, error) {
		var n int
		err := s.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM authors WHERE slug = $1`, c).Scan(&n)
		return n > 0, err
	})
	if err != nil {
		return a, err
	}
	a.ID, err = s.CreateAuthor(ctx, a, now)
	return a, err
}

// RenameUser changes a staff member's name as shown in the desk.
func (s *Store) RenameUser(ctx context.Context, id int64, name string, now time.Time) error {
	res, err := s.write.ExecContext(ctx, `UPDATE users SET name = $2, updated_at = $3 WHERE id = $1`, id, name, utc(now))
	return oneRow(res, err, fmt.Sprintf("rename user %d", id))
}

// SetUserRole changes a user's role; demoting the last enabled admin is
// people.ErrLastAdmin and changes nothing.
func (s *Store) SetUserRole(ctx context.Context, id int64, role people.Role, now time.Time) error {
	return s.keepAnAdmin(ctx, func(tx *Store) error {
		res, err := tx.write.ExecContext(ctx, `UPDATE users SET role = $2, updated_at = $3 WHERE id = $1`, id, string(role), utc(now))
		return oneRow(res, err, fmt.Sprintf("set role of user %d", id))
	})
}

// SetUserDisabled disables or enables an account; disabling the last
// enabled admin is people.ErrLastAdmin and changes nothing.
func (s *Store) SetUserDisabled(ctx context.Context, id int64, disabled bool, now time.Time) error {
	return s.keepAnAdmin(ctx, func(tx *Store) error {
		res, err := tx.write.ExecContext(ctx, `UPDATE users SET disabled = $2, updated_at = $3 WHERE id = $1`, id, disabled, utc(now))
		return oneRow(res, err, fmt.Sprintf("set disabled of user %d", id))
	})
}

// keepAnAdmin runs change in a transaction and undoes it if it would take
// away the last enabled admin. It first touches every enabled admin's row: on
// PostgreSQL that takes their row locks, so two admins demoting each other
// at once are serialised and the second sees the first's change (SQLite
// already serialises writers). Counting alone would let both pass.
func (s *Store) keepAnAdmin(ctx context.Context, change func(tx *Store) error) error {
	return s.InTx(ctx, func(tx *Store) error {
		const lock = `UPDATE users SET updated_at = updated_at WHERE role = $1 AND disabled = $2`
		res, err := tx.write.ExecContext(ctx, lock, string(people.Admin), false)
		if err != nil {
			return fmt.Errorf("lock admins: %w", err)
		}
		before, err := res.RowsAffected()
		if err != nil {
			return fmt.Errorf("lock admins: %w", err)
		}
		if err := change(tx); err != nil {
			return err
		}
		var after int64
		err = tx.write.QueryRowContext(ctx, `SELECT COUNT(*) FROM users WHERE role = $1 AND disabled = $2`, string(people.Admin), false).Scan(&after)
		if err != nil {
			return fmt.Errorf("count admins: %w", err)
		}
		if before > 0 && after == 0 {
			return people.ErrLastAdmin
		}
		return nil
	})
}

// oneRow turns an UPDATE that matched no row into people.ErrNotFound.
func oneRow(res sql.Result, err error, what string) error {
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	} else if n == 0 {
		return people.ErrNotFound
	}
	return nil
}
