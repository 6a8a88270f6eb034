package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/datelinenews/dateline/internal/section"
)

const sectionSelect = `SELECT id, slug, name, description, position, created_at, updated_at FROM sections`

func scanSection(row rowScanner) (section.Section, error) {
	var s section.Section
	err := row.Scan(&s.ID, &s.Slug, &s.Name, &s.Description, &s.Position, &s.CreatedAt, &s.UpdatedAt)
	s.CreatedAt, s.UpdatedAt = utc(s.CreatedAt), utc(s.UpdatedAt)
	return s, err
}

// CreateSection adds a section; a taken slug is section.ErrConflict.
func (s *Store) CreateSection(ctx context.Context, sec section.Section, now time.Time) (int64, error) {
	const q = `INSERT INTO sections (slug, name, description, position, created_at, updated_at)
	  VALUES ($1, $2, $3, $4, $5, $5) RETURNING id`
	var id int64
	err := s.write.QueryRowContext(ctx, q, sec.Slug, sec.Name, sec.Description, sec.Position, utc(now)).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("create section %q: %w", sec.Slug, s.conflict(err, section.ErrConflict))
	}
	return id, nil
}

// SectionBySlug returns one section.
func (s *Store) SectionBySlug(ctx context.Context, slug string) (section.Section, error) {
	sec, err := scanSection(s.read.QueryRowContext(ctx, sectionSelect+` WHERE slug = $1`, slug))
	if errors.Is(err, sql.ErrNoRows) {
		return sec, section.ErrNotFound
	}
	if err != nil {
		return sec, fmt.Errorf("section %q: %w", slug, err)
	}
	return sec, nil
}

// ListSections returns every section in front-page order.
func (s *Store) ListSections(ctx context.Context) ([]section.Section, error) {
	rows, err := s.read.QueryContext(ctx, sectionSelect+` ORDER BY position, name`)
	if err != nil {
		return nil, fmt.Errorf("list sections: %w", err)
	}
	var list []section.Section
	err = scanEach(rows, func(r *sql.Rows) error {
		sec, err := scanSection(r)
		list = append(list, sec)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list sections: %w", err)
	}
	return list, nil
}
