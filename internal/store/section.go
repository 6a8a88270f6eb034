package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/datelinenews/dateline/internal/redirect"
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

// SectionByID returns one section.
func (s *Store) SectionByID(ctx context.Context, id int64) (section.Section, error) {
	sec, err := scanSection(s.read.QueryRowContext(ctx, sectionSelect+` WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return sec, section.ErrNotFound
	}
	if err != nil {
		return sec, fmt.Errorf("section %d: %w", id, err)
	}
	return sec, nil
}

// UpdateSection changes a section's name, slug and description; its place
// in the order is MoveSection's work. A taken slug is section.ErrConflict.
func (s *Store) UpdateSection(ctx context.Context, sec section.Section, now time.Time) error {
	return s.InTx(ctx, func(tx *Store) error {
		old, err := tx.slugOf(ctx, "sections", sec.ID)
		if errors.Is(err, sql.ErrNoRows) {
			return section.ErrNotFound
		}
		if err != nil {
			return fmt.Errorf("update section %d: %w", sec.ID, err)
		}
		const q = `UPDATE sections SET slug = $1, name = $2, description = $3, updated_at = $4 WHERE id = $5`
		if _, err := tx.write.ExecContext(ctx, q, sec.Slug, sec.Name, sec.Description, utc(now), sec.ID); err != nil {
			return fmt.Errorf("update section %d: %w", sec.ID, tx.conflict(err, section.ErrConflict))
		}
		return tx.keepOldAddress(ctx, old, sec.Slug, "/section/%s/", redirect.To{SectionID: sec.ID}, now)
	})
}

// MoveSection moves a section delta places in the order (negative: up) and
// renumbers every section 0, 1, 2…, so gaps and ties left by deletions or
// imports disappear with the first move.
func (s *Store) MoveSection(ctx context.Context, id int64, delta int, now time.Time) error {
	return s.InTx(ctx, func(tx *Store) error {
		list, err := tx.ListSections(ctx)
		if err != nil {
			return err
		}
		order, err := section.Move(list, id, delta)
		if err != nil {
			return err
		}
		const q = `UPDATE sections SET position = $1, updated_at = $2 WHERE id = $3 AND position <> $1`
		for pos, sid := range order {
			if _, err := tx.write.ExecContext(ctx, q, pos, utc(now), sid); err != nil {
				return fmt.Errorf("move section %d: %w", id, err)
			}
		}
		return nil
	})
}

// DeleteSection deletes a section no story is filed under; one that still
// has stories (drafts and trashed ones included) is a *section.InUseError.
func (s *Store) DeleteSection(ctx context.Context, id int64) error {
	return s.InTx(ctx, func(tx *Store) error {
		if tx.engine == Postgres {
			// Waits for stories being filed into the section to commit, and
			// holds new ones back, so the count below is the final word and
			// the delete cannot trip over the foreign key. (SQLite has one
			// writer: nothing can come in between.)
			if _, err := tx.write.ExecContext(ctx, `SELECT id FROM sections WHERE id = $1 FOR UPDATE`, id); err != nil {
				return fmt.Errorf("delete section %d: %w", id, err)
			}
		}
		var n int
		if err := tx.write.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles WHERE section_id = $1`, id).Scan(&n); err != nil {
			return fmt.Errorf("delete section %d: %w", id, err)
		}
		if n > 0 {
			return &section.InUseError{Stories: n}
		}
		res, err := tx.write.ExecContext(ctx, `DELETE FROM sections WHERE id = $1`, id)
		if err != nil {
			return fmt.Errorf("delete section %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return section.ErrNotFound
		}
		return nil
	})
}

// SectionStoryCounts returns how many stories each section files, drafts
// and trashed ones included; sections without stories are absent.
func (s *Store) SectionStoryCounts(ctx context.Context) (map[int64]int, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT section_id, COUNT(*) FROM articles GROUP BY section_id`)
	if err != nil {
		return nil, fmt.Errorf("count stories by section: %w", err)
	}
	counts := map[int64]int{}
	err = scanEach(rows, func(r *sql.Rows) error {
		var id int64
		var n int
		err := r.Scan(&id, &n)
		counts[id] = n
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("count stories by section: %w", err)
	}
	return counts, nil
}
