package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/datelinenews/dateline/internal/page"
	"github.com/datelinenews/dateline/internal/redirect"
)

// CreatePage adds a static page; a taken slug is page.ErrConflict.
func (s *Store) CreatePage(ctx context.Context, p page.Page, now time.Time) (int64, error) {
	const q = `INSERT INTO pages (slug, title, body, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) RETURNING id`
	var id int64
	err := s.write.QueryRowContext(ctx, q, p.Slug, p.Title, p.Body, utc(now)).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("create page %q: %w", p.Slug, s.conflict(err, page.ErrConflict))
	}
	return id, nil
}

// PageBySlug returns one static page.
func (s *Store) PageBySlug(ctx context.Context, slug string) (page.Page, error) {
	const q = `SELECT id, slug, title, body, created_at, updated_at FROM pages WHERE slug = $1`
	var p page.Page
	err := s.read.QueryRowContext(ctx, q, slug).Scan(&p.ID, &p.Slug, &p.Title, &p.Body, &p.CreatedAt, &p.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return p, page.ErrNotFound
	}
	if err != nil {
		return p, fmt.Errorf("page %q: %w", slug, err)
	}
	p.CreatedAt, p.UpdatedAt = utc(p.CreatedAt), utc(p.UpdatedAt)
	return p, nil
}

// ListPages returns every static page by title, for the footer.
func (s *Store) ListPages(ctx context.Context) ([]page.Page, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT id, slug, title, created_at, updated_at FROM pages ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("list pages: %w", err)
	}
	var list []page.Page
	err = scanEach(rows, func(r *sql.Rows) error {
		var p page.Page
		err := r.Scan(&p.ID, &p.Slug, &p.Title, &p.CreatedAt, &p.UpdatedAt)
		list = append(list, p)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list pages: %w", err)
	}
	return list, nil
}

// PageByID returns one static page.
func (s *Store) PageByID(ctx context.Context, id int64) (page.Page, error) {
	const q = `SELECT id, slug, title, body, created_at, updated_at FROM pages WHERE id = $1`
	var p page.Page
	err := s.read.QueryRowContext(ctx, q, id).Scan(&p.ID, &p.Slug, &p.Title, &p.Body, &p.CreatedAt, &p.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return p, page.ErrNotFound
	}
	if err != nil {
		return p, fmt.Errorf("page %d: %w", id, err)
	}
	p.CreatedAt, p.UpdatedAt = utc(p.CreatedAt), utc(p.UpdatedAt)
	return p, nil
}

// UpdatePage changes a page's title, slug and body; a taken slug is page.ErrConflict.
func (s *Store) UpdatePage(ctx context.Context, p page.Page, now time.Time) error {
	return s.InTx(ctx, func(tx *Store) error {
		old, err := tx.slugOf(ctx, "pages", p.ID)
		if errors.Is(err, sql.ErrNoRows) {
			return page.ErrNotFound
		}
		if err != nil {
			return fmt.Errorf("update page %d: %w", p.ID, err)
		}
		const q = `UPDATE pages SET slug = $1, title = $2, body = $3, updated_at = $4 WHERE id = $5`
		if _, err := tx.write.ExecContext(ctx, q, p.Slug, p.Title, p.Body, utc(now), p.ID); err != nil {
			return fmt.Errorf("update page %d: %w", p.ID, tx.conflict(err, page.ErrConflict))
		}
		return tx.keepOldAddress(ctx, old, p.Slug, "/%s/", redirect.To{PageID: p.ID}, now)
	})
}

// DeletePage deletes a static page.
func (s *Store) DeletePage(ctx context.Context, id int64) error {
	res, err := s.write.ExecContext(ctx, `DELETE FROM pages WHERE id = $1`, id)
	if err != nil {
		return fmt.Errorf("delete page %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return page.ErrNotFound
	}
	return nil
}
