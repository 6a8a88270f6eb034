package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/datelinenews/dateline/internal/article"
)

// addRevision keeps a whole copy of a save. Consecutive autosaves by the same
// user collapse into one revision, so a long writing session does not bury
// the deliberate saves.
func addRevision(ctx context.Context, tx dbtx, articleID int64, version int, in article.Input, now time.Time) error {
	if in.Autosave {
		var lastID int64
		var lastUser sql.NullInt64
		var lastAuto bool
		err := tx.QueryRowContext(ctx, `SELECT id, user_id, autosave FROM article_revisions
		  WHERE article_id = $1 ORDER BY id DESC LIMIT 1`, articleID).Scan(&lastID, &lastUser, &lastAuto)
		if err == nil && lastAuto && lastUser.Int64 == in.UserID {
			_, err := tx.ExecContext(ctx, `UPDATE article_revisions SET version = $2, headline = $3, standfirst = $4,
			    body = $5, slug = $6, dateline = $7, status = $8, created_at = $9 WHERE id = $1`,
				lastID, version, in.Headline, in.Standfirst, in.Body, in.Slug, in.Dateline, string(in.Status), utc(now))
			return err
		}
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO article_revisions (article_id, version, user_id, headline, standfirst,
	    body, slug, dateline, status, autosave, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
		articleID, version, nullID(in.UserID), in.Headline, in.Standfirst, in.Body, in.Slug, in.Dateline,
		string(in.Status), in.Autosave, utc(now))
	if err != nil {
		return fmt.Errorf("keep revision: %w", err)
	}
	return nil
}

const revisionSelect = `SELECT r.id, r.article_id, r.version, r.user_id, COALESCE(u.name, ''), r.headline, r.standfirst,
       r.body, r.slug, r.dateline, r.status, r.autosave, r.created_at
  FROM article_revisions r LEFT JOIN users u ON u.id = r.user_id`

func scanRevision(row rowScanner) (article.Revision, error) {
	var rev article.Revision
	var user sql.NullInt64
	err := row.Scan(&rev.ID, &rev.ArticleID, &rev.Version, &user, &rev.UserName, &rev.Headline, &rev.Standfirst,
		&rev.Body, &rev.Slug, &rev.Dateline, &rev.Status, &rev.Autosave, &rev.CreatedAt)
	rev.UserID, rev.CreatedAt = user.Int64, utc(rev.CreatedAt)
	return rev, err
}

// ListRevisions returns a story's revisions, newest first.
func (s *Store) ListRevisions(ctx context.Context, articleID int64) ([]article.Revision, error) {
	rows, err := s.read.QueryContext(ctx, revisionSelect+` WHERE r.article_id = $1 ORDER BY r.id DESC`, articleID)
	if err != nil {
		return nil, fmt.Errorf("list revisions: %w", err)
	}
	var list []article.Revision
	err = scanEach(rows, func(r *sql.Rows) error {
		rev, err := scanRevision(r)
		list = append(list, rev)
		return err
	})
	return list, err
}

// RevisionByID returns one revision of one story.
func (s *Store) RevisionByID(ctx context.Context, articleID, id int64) (article.Revision, error) {
	rev, err := scanRevision(s.read.QueryRowContext(ctx, revisionSelect+` WHERE r.article_id = $1 AND r.id = $2`, articleID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return rev, article.ErrNotFound
	}
	return rev, err
}
