package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/datelinenews/dateline/internal/article"
)

// deskFilterSQL builds the WHERE clause of the desk's story list.
func deskFilterSQL(f article.DeskFilter) (string, []any) {
	var where []string
	var args []any
	add := func(cond string, arg any) {
		args = append(args, arg)
		where = append(where, strings.ReplaceAll(cond, "?", "$"+strconv.Itoa(len(args))))
	}
	if f.Trashed {
		where = append(where, "a.trashed_at IS NOT NULL")
	} else {
		where = append(where, "a.trashed_at IS NULL")
	}
	if f.Status != "" {
		add("a.status = ?", string(f.Status))
	}
	if f.ReviewState != "" {
		add("a.review_state = ?", string(f.ReviewState))
	}
	if f.SectionID != 0 {
		add("a.section_id = ?", f.SectionID)
	}
	if f.AuthorID != 0 {
		add("EXISTS (SELECT 1 FROM article_authors aa WHERE aa.article_id = a.id AND aa.author_id = ?)", f.AuthorID)
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		// lower() on both sides works the same on both engines, for any script.
		add("lower(a.headline) LIKE lower(?)", "%"+escapeLike(q)+"%")
		where[len(where)-1] += ` ESCAPE '\'`
	}
	if f.OwnerUserID != 0 {
		// Both placeholders become the same numbered argument.
		add(`(a.created_by = ? OR EXISTS (SELECT 1 FROM article_authors aa JOIN authors au ON au.id = aa.author_id
		      WHERE aa.article_id = a.id AND au.user_id = ?))`, f.OwnerUserID)
	}
	return " WHERE " + strings.Join(where, " AND "), args
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// ListDeskArticles returns stories for the desk, most recently changed first.
func (s *Store) ListDeskArticles(ctx context.Context, f article.DeskFilter) ([]article.Article, error) {
	where, args := deskFilterSQL(f)
	limit := f.Limit
	if limit <= 0 {
		limit = 25
	}
	n := len(args)
	q := articleSelect + where + fmt.Sprintf(" ORDER BY a.updated_at DESC, a.id DESC LIMIT $%d OFFSET $%d", n+1, n+2)
	rows, err := s.read.QueryContext(ctx, q, append(args, limit, f.Offset)...)
	if err != nil {
		return nil, fmt.Errorf("desk stories: %w", err)
	}
	var list []article.Article
	err = scanEach(rows, func(r *sql.Rows) error {
		a, err := scanArticle(r)
		list = append(list, a)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("desk stories: %w", err)
	}
	return list, s.fillArticles(ctx, list)
}

// CountDeskArticles counts the stories matching f.
func (s *Store) CountDeskArticles(ctx context.Context, f article.DeskFilter) (int, error) {
	where, args := deskFilterSQL(f)
	var n int
	err := s.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles a`+where, args...).Scan(&n)
	return n, err
}

// SetTrashed moves stories into the trash (at non-zero) or restores them.
func (s *Store) SetTrashed(ctx context.Context, ids []int64, at time.Time) error {
	if len(ids) == 0 {
		return nil
	}
	args := []any{nullTime(at)}
	for _, id := range ids {
		args = append(args, id)
	}
	_, err := s.write.ExecContext(ctx, `UPDATE articles SET trashed_at = $1 WHERE id IN (`+placeholders(2, len(ids))+`)`, args...)
	return err
}

// DeleteTrashed deletes for good the stories trashed before the cutoff, and
// returns how many.
func (s *Store) DeleteTrashed(ctx context.Context, before time.Time) (int, error) {
	res, err := s.write.ExecContext(ctx, `DELETE FROM articles WHERE trashed_at IS NOT NULL AND trashed_at < $1`, utc(before))
	if err != nil {
		return 0, fmt.Errorf("empty trash: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// PublishDue publishes every scheduled story whose time has come and
// returns their ids. One UPDATE does it: a row flips from scheduled to
// published once, however many nodes run the scheduler at the same moment.
func (s *Store) PublishDue(ctx context.Context, now time.Time) ([]int64, error) {
	rows, err := s.write.QueryContext(ctx, `UPDATE articles SET status = $1, review_state = '', version = version + 1
	  WHERE status = $2 AND published_at <= $3 AND trashed_at IS NULL RETURNING id`,
		string(article.Published), string(article.Scheduled), utc(now))
	if err != nil {
		return nil, fmt.Errorf("publish scheduled stories: %w", err)
	}
	ids, err := scanIDs(rows, nil)
	return ids, err
}

// AddCorrection appends a public note to a story and marks it updated.
func (s *Store) AddCorrection(ctx context.Context, articleID int64, c article.Correction, userID int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO corrections (article_id, kind, body, user_id, created_at)
		  VALUES ($1, $2, $3, $4, $5)`, articleID, string(c.Kind), c.Body, nullID(userID), utc(c.CreatedAt))
		if err != nil {
			return fmt.Errorf("add correction: %w", err)
		}
		_, err = tx.ExecContext(ctx, `UPDATE articles SET updated_at = $2 WHERE id = $1`, articleID, utc(c.CreatedAt))
		return err
	})
}

// fillCorrections loads the public notes of a batch of articles.
func (s *Store) fillCorrections(ctx context.Context, byID map[int64]*article.Article, ids []any) error {
	rows, err := s.read.QueryContext(ctx, `SELECT article_id, id, kind, body, created_at FROM corrections
	  WHERE article_id IN (`+placeholders(1, len(ids))+`) ORDER BY article_id, created_at, id`, ids...)
	if err != nil {
		return fmt.Errorf("load corrections: %w", err)
	}
	return scanEach(rows, func(r *sql.Rows) error {
		var id int64
		var c article.Correction
		if err := r.Scan(&id, &c.ID, &c.Kind, &c.Body, &c.CreatedAt); err != nil {
			return err
		}
		c.CreatedAt = utc(c.CreatedAt)
		byID[id].Corrections = append(byID[id].Corrections, c)
		return nil
	})
}
