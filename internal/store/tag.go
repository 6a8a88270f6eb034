package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/datelinenews/dateline/internal/article"
)

// TagBySlug returns one tag.
func (s *Store) TagBySlug(ctx context.Context, slug string) (article.Tag, error) {
	var t article.Tag
	err := s.read.QueryRowContext(ctx, `SELECT id, slug, name FROM tags WHERE slug = $1`, slug).Scan(&t.ID, &t.Slug, &t.Name)
	if errors.Is(err, sql.ErrNoRows) {
		return t, article.ErrNotFound
	}
	if err != nil {
		return t, fmt.Errorf("tag %q: %w", slug, err)
	}
	return t, nil
}
