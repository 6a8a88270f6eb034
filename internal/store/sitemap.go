package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/datelinenews/dateline/internal/article"
)

// SitemapStories returns the stories visible at now that were published in
// [from, to), newest first, with only what sitemaps show filled in: id,
// slug, headline, language, section id and the publication and update times.
// Grouping by month is left to the caller, which knows the site's time zone
// and so needs no engine-specific date functions here.
func (s *Store) SitemapStories(ctx context.Context, from, to, now time.Time) ([]article.Article, error) {
	const q = `SELECT id, slug, headline, language, section_id, published_at, updated_at
	  FROM articles
	 WHERE status = $1 AND trashed_at IS NULL AND published_at <= $2 AND published_at >= $3 AND published_at < $4
	 ORDER BY published_at DESC, id DESC`
	rows, err := s.read.QueryContext(ctx, q, string(article.Published), utc(now), utc(from), utc(to))
	if err != nil {
		return nil, fmt.Errorf("sitemap stories: %w", err)
	}
	var list []article.Article
	err = scanEach(rows, func(r *sql.Rows) error {
		var a article.Article
		err := r.Scan(&a.ID, &a.Slug, &a.Headline, &a.Language, &a.Section.ID, &a.PublishedAt, &a.UpdatedAt)
		a.PublishedAt, a.UpdatedAt = utc(a.PublishedAt), utc(a.UpdatedAt)
		a.Status = article.Published
		list = append(list, a)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("sitemap stories: %w", err)
	}
	return list, nil
}
