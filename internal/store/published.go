package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/datelinenews/dateline/internal/article"
)

// visibleStory is the condition, on an article aliased a, that readers may
// see it at $1: the same rule as filterSQL's, for joins.
const visibleStory = `a.status = 'published' AND a.published_at <= $1 AND a.trashed_at IS NULL`

// ListPublishedTags returns the tags of stories readers can see at now, by
// name: a tag used only on drafts may name a story not yet out.
func (s *Store) ListPublishedTags(ctx context.Context, now time.Time, limit, offset int) ([]article.TagCount, error) {
	const q = `SELECT t.id, t.slug, t.name, COUNT(*)
	  FROM tags t JOIN article_tags at ON at.tag_id = t.id JOIN articles a ON a.id = at.article_id
	 WHERE ` + visibleStory + `
	 GROUP BY t.id, t.slug, t.name ORDER BY t.name, t.id LIMIT $2 OFFSET $3`
	rows, err := s.read.QueryContext(ctx, q, utc(now), limit, offset)
	if err != nil {
		return nil, fmt.Errorf("list published tags: %w", err)
	}
	var list []article.TagCount
	err = scanEach(rows, func(r *sql.Rows) error {
		var t article.TagCount
		list = append(list, t)
		return r.Scan(&list[len(list)-1].ID, &list[len(list)-1].Slug, &list[len(list)-1].Name, &list[len(list)-1].Stories)
	})
	if err != nil {
		return nil, fmt.Errorf("list published tags: %w", err)
	}
	return list, nil
}

// CountPublishedTags counts the tags ListPublishedTags pages through.
func (s *Store) CountPublishedTags(ctx context.Context, now time.Time) (int, error) {
	const q = `SELECT COUNT(DISTINCT at.tag_id)
	  FROM article_tags at JOIN articles a ON a.id = at.article_id WHERE ` + visibleStory
	var n int
	if err := s.read.QueryRowContext(ctx, q, utc(now)).Scan(&n); err != nil {
		return 0, fmt.Errorf("count published tags: %w", err)
	}
	return n, nil
}

// ListPublishedAuthors returns the authors with a story readers can see at
// now, by name.
func (s *Store) ListPublishedAuthors(ctx context.Context, now time.Time) ([]article.AuthorCount, error) {
	const q = `SELECT au.id, au.slug, au.name, au.bio, COUNT(*)
	  FROM authors au JOIN article_authors aa ON aa.author_id = au.id JOIN articles a ON a.id = aa.article_id
	 WHERE ` + visibleStory + `
	 GROUP BY au.id, au.slug, au.name, au.bio ORDER BY au.name, au.id`
	rows, err := s.read.QueryContext(ctx, q, utc(now))
	if err != nil {
		return nil, fmt.Errorf("list published authors: %w", err)
	}
	var list []article.AuthorCount
	err = scanEach(rows, func(r *sql.Rows) error {
		var au article.AuthorCount
		if err := r.Scan(&au.ID, &au.Slug, &au.Name, &au.Bio, &au.Stories); err != nil {
			return err
		}
		list = append(list, au)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list published authors: %w", err)
	}
	return list, nil
}
