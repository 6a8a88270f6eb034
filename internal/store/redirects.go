package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/datelinenews/dateline/internal/redirect"
)

// SetRedirect makes oldPath (a path, or "/?p=12" for a query link) answer
// with the URL of an article (articleID) or of a static page (pageID).
func (s *Store) SetRedirect(ctx context.Context, oldPath string, articleID, pageID int64, now time.Time) error {
	_, err := s.execWrite(ctx, `INSERT INTO redirects (old_path, article_id, page_id, created_at)
	  VALUES ($1, $2, $3, $4)
	  ON CONFLICT (old_path) DO UPDATE SET article_id = excluded.article_id, page_id = excluded.page_id`,
		oldPath, nullID(articleID), nullID(pageID), utc(now))
	if err != nil {
		return fmt.Errorf("redirect %s: %w", oldPath, err)
	}
	return nil
}

// Redirect returns where oldPath leads; found is false when nowhere.
func (s *Store) Redirect(ctx context.Context, oldPath string) (t redirect.Target, found bool, err error) {
	var articleID sql.NullInt64
	var pageSlug sql.NullString
	err = s.read.QueryRowContext(ctx, `SELECT r.article_id, p.slug FROM redirects r
	  LEFT JOIN pages p ON p.id = r.page_id WHERE r.old_path = $1`, oldPath).Scan(&articleID, &pageSlug)
	if errors.Is(err, sql.ErrNoRows) {
		return t, false, nil
	}
	if err != nil {
		return t, false, fmt.Errorf("redirect %s: %w", oldPath, err)
	}
	return redirect.Target{ArticleID: articleID.Int64, PageSlug: pageSlug.String}, true, nil
}

// CountRedirects counts the stored old addresses.
func (s *Store) CountRedirects(ctx context.Context) (int, error) {
	var n int
	err := s.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM redirects`).Scan(&n)
	return n, err
}
