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
// with the address of what to leads to. Setting it again replaces it.
func (s *Store) SetRedirect(ctx context.Context, oldPath string, to redirect.To, now time.Time) error {
	var target sql.NullString
	if to.Path != "" {
		target = sql.NullString{String: to.Path, Valid: true}
	}
	_, err := s.execWrite(ctx, `INSERT INTO redirects (old_path, article_id, page_id, section_id, tag_id, author_id, target_path, created_at)
	  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
	  ON CONFLICT (old_path) DO UPDATE SET article_id = excluded.article_id, page_id = excluded.page_id,
	    section_id = excluded.section_id, tag_id = excluded.tag_id, author_id = excluded.author_id,
	    target_path = excluded.target_path`,
		oldPath, nullID(to.ArticleID), nullID(to.PageID), nullID(to.SectionID), nullID(to.TagID), nullID(to.AuthorID),
		target, utc(now))
	if err != nil {
		return fmt.Errorf("redirect %s: %w", oldPath, err)
	}
	return nil
}

// Redirect returns where oldPath leads; found is false when nowhere.
func (s *Store) Redirect(ctx context.Context, oldPath string) (t redirect.Target, found bool, err error) {
	var articleID sql.NullInt64
	var page, section, tag, author, path sql.NullString
	err = s.read.QueryRowContext(ctx, `SELECT r.article_id, p.slug, s.slug, t.slug, a.slug, r.target_path
	  FROM redirects r
	  LEFT JOIN pages p ON p.id = r.page_id
	  LEFT JOIN sections s ON s.id = r.section_id
	  LEFT JOIN tags t ON t.id = r.tag_id
	  LEFT JOIN authors a ON a.id = r.author_id
	  WHERE r.old_path = $1`, oldPath).Scan(&articleID, &page, &section, &tag, &author, &path)
	if errors.Is(err, sql.ErrNoRows) {
		return t, false, nil
	}
	if err != nil {
		return t, false, fmt.Errorf("redirect %s: %w", oldPath, err)
	}
	return redirect.Target{ArticleID: articleID.Int64, PageSlug: page.String, SectionSlug: section.String,
		TagSlug: tag.String, AuthorSlug: author.String, Path: path.String}, true, nil
}

// CountRedirects counts the stored old addresses.
func (s *Store) CountRedirects(ctx context.Context) (int, error) {
	var n int
	err := s.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM redirects`).Scan(&n)
	return n, err
}

// slugOf reads the current slug of a row of table (a constant name).
func (s *Store) slugOf(ctx context.Context, table string, id int64) (string, error) {
	var slug string
	err := s.write.QueryRowContext(ctx, `SELECT slug FROM `+table+` WHERE id = $1`, id).Scan(&slug)
	return slug, err
}

// keepOldAddress makes the address a section, tag or page had under its
// old slug (path is a format with one %s) lead to it under its new one,
// so links and bookmarks survive a rename. The redirect follows the row,
// not the slug: a later rename moves it again, and deleting the row
// deletes it. The old address only redirects while nothing else answers
// there.
func (s *Store) keepOldAddress(ctx context.Context, oldSlug, newSlug, path string, to redirect.To, now time.Time) error {
	if oldSlug == newSlug || oldSlug == "" {
		return nil
	}
	return s.SetRedirect(ctx, fmt.Sprintf(path, oldSlug), to, now)
}
