package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/redirect"
	"github.com/datelinenews/dateline/internal/slug"
)

// TagBySlug returns one tag.
func (s *Store) TagBySlug(ctx context.Context, slug string) (article.Tag, error) {
	return s.oneTag(ctx, `SELECT id, slug, name FROM tags WHERE slug = $1`, slug)
}

// TagByID returns one tag.
func (s *Store) TagByID(ctx context.Context, id int64) (article.Tag, error) {
	return s.oneTag(ctx, `SELECT id, slug, name FROM tags WHERE id = $1`, id)
}

func (s *Store) oneTag(ctx context.Context, q string, key any) (article.Tag, error) {
	var t article.Tag
	err := s.read.QueryRowContext(ctx, q, key).Scan(&t.ID, &t.Slug, &t.Name)
	if errors.Is(err, sql.ErrNoRows) {
		return t, article.ErrNotFound
	}
	if err != nil {
		return t, fmt.Errorf("tag %v: %w", key, err)
	}
	return t, nil
}

// tagSearch is the WHERE clause and arguments for tags whose name or slug
// contains query ("" matches every tag). The slug is compared too because
// SQLite's lower() folds only ASCII: "água" still finds the slug "agua".
func tagSearch(query string) (string, []any) {
	query = strings.TrimSpace(query)
	if query == "" {
		return "", nil
	}
	like := func(s string) string { return "%" + escapeLike(s) + "%" }
	where := ` WHERE lower(name) LIKE $1 ESCAPE '\'`
	args := []any{like(strings.ToLower(query))}
	if sl := slug.Make(query); sl != "" {
		where = ` WHERE (lower(name) LIKE $1 ESCAPE '\' OR slug LIKE $2 ESCAPE '\')`
		args = append(args, like(sl))
	}
	return where, args
}

// ListTags returns tags whose name or slug contains query, by name.
func (s *Store) ListTags(ctx context.Context, query string, limit, offset int) ([]article.Tag, error) {
	where, args := tagSearch(query)
	n := len(args)
	q := `SELECT id, slug, name FROM tags` + where + fmt.Sprintf(` ORDER BY lower(name), id LIMIT $%d OFFSET $%d`, n+1, n+2)
	rows, err := s.read.QueryContext(ctx, q, append(args, limit, offset)...)
	if err != nil {
		return nil, fmt.Errorf("list tags: %w", err)
	}
	var list []article.Tag
	err = scanEach(rows, func(r *sql.Rows) error {
		var t article.Tag
		err := r.Scan(&t.ID, &t.Slug, &t.Name)
		list = append(list, t)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list tags: %w", err)
	}
	return list, nil
}

// CountTags counts the tags ListTags would find for query.
func (s *Store) CountTags(ctx context.Context, query string) (int, error) {
	where, args := tagSearch(query)
	var n int
	if err := s.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM tags`+where, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count tags: %w", err)
	}
	return n, nil
}

// TagStoryCounts returns how many stories carry each of the tags, drafts
// and trashed ones included; tags on no story are absent.
func (s *Store) TagStoryCounts(ctx context.Context, ids []int64) (map[int64]int, error) {
	counts := map[int64]int{}
	if len(ids) == 0 {
		return counts, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	q := `SELECT tag_id, COUNT(*) FROM article_tags WHERE tag_id IN (` + placeholders(1, len(ids)) + `) GROUP BY tag_id`
	rows, err := s.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("count stories by tag: %w", err)
	}
	err = scanEach(rows, func(r *sql.Rows) error {
		var id int64
		var n int
		err := r.Scan(&id, &n)
		counts[id] = n
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("count stories by tag: %w", err)
	}
	return counts, nil
}

// UpdateTag renames a tag: its name and its slug, and so its URL. A taken
// slug is article.ErrConflict.
func (s *Store) UpdateTag(ctx context.Context, t article.Tag, now time.Time) error {
	return s.InTx(ctx, func(tx *Store) error {
		old, err := tx.slugOf(ctx, "tags", t.ID)
		if errors.Is(err, sql.ErrNoRows) {
			return article.ErrNotFound
		}
		if err != nil {
			return fmt.Errorf("rename tag %d: %w", t.ID, err)
		}
		if _, err := tx.write.ExecContext(ctx, `UPDATE tags SET slug = $1, name = $2 WHERE id = $3`, t.Slug, t.Name, t.ID); err != nil {
			return fmt.Errorf("rename tag %d: %w", t.ID, tx.conflict(err, article.ErrConflict))
		}
		return tx.keepOldAddress(ctx, old, t.Slug, "/tag/%s/", redirect.To{TagID: t.ID}, now)
	})
}

// MergeTags gives every story tagged fromID the tag intoID instead and
// deletes fromID, all in one transaction. It returns how many stories
// carried fromID.
func (s *Store) MergeTags(ctx context.Context, fromID, intoID int64, now time.Time) (int, error) {
	if fromID == intoID {
		return 0, fmt.Errorf("merge tag %d into itself", fromID)
	}
	var stories int
	err := s.InTx(ctx, func(tx *Store) error {
		from, err := tx.TagByID(ctx, fromID)
		if err != nil {
			return err
		}
		if _, err := tx.TagByID(ctx, intoID); err != nil {
			return err
		}
		if err := tx.write.QueryRowContext(ctx, `SELECT COUNT(*) FROM article_tags WHERE tag_id = $1`, fromID).Scan(&stories); err != nil {
			return fmt.Errorf("merge tags: %w", err)
		}
		// The WHERE clause also settles SQLite's parse of INSERT … SELECT …
		// ON CONFLICT; the CAST tells PostgreSQL what $2 is in a select list.
		_, err = tx.write.ExecContext(ctx, `INSERT INTO article_tags (article_id, tag_id)
		  SELECT article_id, CAST($2 AS BIGINT) FROM article_tags WHERE tag_id = $1
		  ON CONFLICT (article_id, tag_id) DO NOTHING`, fromID, intoID)
		if err != nil {
			return fmt.Errorf("merge tags: %w", err)
		}
		// The merged tag's old addresses lead to the tag it became.
		if _, err := tx.write.ExecContext(ctx, `UPDATE redirects SET tag_id = $2 WHERE tag_id = $1`, fromID, intoID); err != nil {
			return fmt.Errorf("merge tags: %w", err)
		}
		// Deleting the tag drops its article_tags rows by cascade.
		if _, err := tx.write.ExecContext(ctx, `DELETE FROM tags WHERE id = $1`, fromID); err != nil {
			return fmt.Errorf("merge tags: %w", err)
		}
		return tx.SetRedirect(ctx, "/tag/"+from.Slug+"/", redirect.To{TagID: intoID}, now)
	})
	return stories, err
}
