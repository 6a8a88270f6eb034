package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/comment"
)

// RecentComments returns the newest approved comments on public stories,
// of one story or (articleID 0) of all.
func (s *Store) RecentComments(ctx context.Context, articleID int64, now time.Time, limit int) ([]comment.FeedItem, error) {
	q := `SELECT c.id, c.article_id, c.parent_id, c.depth, c.author_name, c.author_url, c.body, c.from_staff, c.created_at,
	       a.headline, a.slug, a.published_at
	  FROM comments c JOIN articles a ON a.id = c.article_id
	 WHERE c.status = $1 AND a.status = $2 AND a.published_at <= $3 AND a.trashed_at IS NULL`
	args := []any{string(comment.Approved), string(article.Published), utc(now)}
	if articleID != 0 {
		q += ` AND c.article_id = $4`
		args = append(args, articleID)
	}
	q += fmt.Sprintf(` ORDER BY c.created_at DESC, c.id DESC LIMIT %d`, limit)
	rows, err := s.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("recent comments: %w", err)
	}
	var list []comment.FeedItem
	err = scanEach(rows, func(r *sql.Rows) error {
		var it comment.FeedItem
		var parent sql.NullInt64
		err := r.Scan(&it.ID, &it.ArticleID, &parent, &it.Depth, &it.AuthorName, &it.AuthorURL, &it.Body, &it.FromStaff,
			&it.CreatedAt, &it.Headline, &it.Slug, &it.PublishedAt)
		it.ParentID, it.CreatedAt, it.PublishedAt = parent.Int64, utc(it.CreatedAt), utc(it.PublishedAt)
		it.Status = comment.Approved
		list = append(list, it)
		return err
	})
	return list, err
}
