package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/comment"
)

const commentSelect = `SELECT id, article_id, parent_id, depth, author_name, author_email, author_url, body, status,
       from_staff, user_id, client_hash, spam_score, reason, created_at, updated_at FROM comments`

func scanComment(row rowScanner) (comment.Comment, error) {
	var c comment.Comment
	var parent, user sql.NullInt64
	err := row.Scan(&c.ID, &c.ArticleID, &parent, &c.Depth, &c.AuthorName, &c.AuthorEmail, &c.AuthorURL, &c.Body,
		&c.Status, &c.FromStaff, &user, &c.ClientHash, &c.SpamScore, &c.Reason, &c.CreatedAt, &c.UpdatedAt)
	c.ParentID, c.UserID = parent.Int64, user.Int64
	c.CreatedAt, c.UpdatedAt = utc(c.CreatedAt), utc(c.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return c, comment.ErrNotFound
	}
	return c, err
}

// CreateComment stores a comment; it is committed when this returns.
func (s *Store) CreateComment(ctx context.Context, c comment.Comment) (int64, error) {
	const q = `INSERT INTO comments (article_id, parent_id, depth, author_name, author_email, author_url, body, status,
	    from_staff, user_id, client_hash, spam_score, reason, created_at, updated_at)
	  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING id`
	var id int64
	err := s.queryRowWrite(ctx, q, c.ArticleID, nullID(c.ParentID), c.Depth, c.AuthorName, c.AuthorEmail, c.AuthorURL,
		c.Body, string(c.Status), c.FromStaff, nullID(c.UserID), c.ClientHash, c.SpamScore, c.Reason, utc(c.CreatedAt)).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("create comment: %w", err)
	}
	return id, nil
}

// CommentTx runs fn in a group transaction (see GroupTx), for comments
// submitted by readers: many are committed together under load.
func (s *Store) CommentTx(ctx context.Context, fn func(tx comment.Store) error) error {
	return s.GroupTx(ctx, func(tx *Store) error { return fn(tx) })
}

// CommentTarget returns the few fields of a story that a comment on it
// needs (see comment.Store), without its body, byline, tags or corrections.
func (s *Store) CommentTarget(ctx context.Context, id int64) (article.Article, error) {
	const q = `SELECT id, slug, status, comments_open, published_at, trashed_at FROM articles WHERE id = $1`
	var a article.Article
	var published, trashed sql.NullTime
	err := s.read.QueryRowContext(ctx, q, id).Scan(&a.ID, &a.Slug, &a.Status, &a.CommentsOpen, &published, &trashed)
	if errors.Is(err, sql.ErrNoRows) {
		return a, article.ErrNotFound
	}
	if err != nil {
		return a, fmt.Errorf("article %d: %w", id, err)
	}
	if published.Valid {
		a.PublishedAt = utc(published.Time)
	}
	if trashed.Valid {
		a.TrashedAt = utc(trashed.Time)
	}
	return a, nil
}

// CommentByID returns one comment.
func (s *Store) CommentByID(ctx context.Context, id int64) (comment.Comment, error) {
	return scanComment(s.read.QueryRowContext(ctx, commentSelect+` WHERE id = $1`, id))
}

// ListComments returns a story's comments with the given statuses, oldest first.
func (s *Store) ListComments(ctx context.Context, articleID int64, statuses ...comment.Status) ([]comment.Comment, error) {
	args := []any{articleID}
	for _, st := range statuses {
		args = append(args, string(st))
	}
	q := commentSelect + ` WHERE article_id = $1`
	if len(statuses) > 0 {
		q += ` AND status IN (` + placeholders(2, len(statuses)) + `)`
	}
	rows, err := s.read.QueryContext(ctx, q+` ORDER BY created_at, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("list comments: %w", err)
	}
	var list []comment.Comment
	err = scanEach(rows, func(r *sql.Rows) error {
		c, err := scanComment(r)
		list = append(list, c)
		return err
	})
	return list, err
}

// CommenterHistory counts a commenter's recent comments by client and by
// email for each rate limit's window, and looks for the same text from the
// same email on the same story, in one statement.
func (s *Store) CommenterHistory(ctx context.Context, q comment.HistoryQuery) (comment.History, error) {
	const query = `SELECT
	    (SELECT COUNT(*) FROM comments WHERE client_hash = $1 AND client_hash <> '' AND created_at >= $3),
	    (SELECT COUNT(*) FROM comments WHERE client_hash = $1 AND client_hash <> '' AND created_at >= $4),
	    (SELECT COUNT(*) FROM comments WHERE author_email = $2 AND created_at >= $3),
	    (SELECT COUNT(*) FROM comments WHERE author_email = $2 AND created_at >= $4),
	    (SELECT COUNT(*) FROM comments WHERE article_id = $5 AND author_email = $2 AND body = $6 AND created_at >= $7)`
	var r comment.History
	var dup int
	err := s.read.QueryRowContext(ctx, query, q.ClientHash, q.Email, utc(q.Since[0]), utc(q.Since[1]), q.ArticleID, q.Body,
		utc(q.DuplicateSince)).Scan(&r.ByClient[0], &r.ByClient[1], &r.ByEmail[0], &r.ByEmail[1], &dup)
	if err != nil {
		return r, fmt.Errorf("commenter history: %w", err)
	}
	r.Duplicate = dup > 0
	return r, nil
}

// HasApprovedComment reports whether an email has had a comment approved.
func (s *Store) HasApprovedComment(ctx context.Context, email string) (bool, error) {
	var n int
	err := s.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM comments WHERE author_email = $1 AND status = $2`,
		email, string(comment.Approved)).Scan(&n)
	return n > 0, err
}

// CommentSettings returns the comment settings, defaults for any not set.
func (s *Store) CommentSettings(ctx context.Context) (comment.Settings, error) {
	set := comment.DefaultSettings()
	rows, err := s.read.QueryContext(ctx, `SELECT key, value FROM settings WHERE key LIKE 'comments.%'`)
	if err != nil {
		return set, fmt.Errorf("comment settings: %w", err)
	}
	err = scanEach(rows, func(r *sql.Rows) error {
		var k, v string
		if err := r.Scan(&k, &v); err != nil {
			return err
		}
		n, _ := strconv.Atoi(v)
		switch k {
		case "comments.moderation":
			set.Moderation = comment.Moderation(v)
		case "comments.close_after_days":
			set.CloseAfterDays = n
		case "comments.retention_days":
			set.RetentionDays = n
		case "comments.max_links":
			set.MaxLinks = n
		}
		return nil
	})
	return set, err
}

// SaveCommentSettings stores the comment settings.
func (s *Store) SaveCommentSettings(ctx context.Context, set comment.Settings) error {
	values := [][2]string{{"comments.moderation", string(set.Moderation)}, {"comments.close_after_days", strconv.Itoa(set.CloseAfterDays)},
		{"comments.retention_days", strconv.Itoa(set.RetentionDays)}, {"comments.max_links", strconv.Itoa(set.MaxLinks)}}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for _, kv := range values {
			if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ($1, $2)
			  ON CONFLICT (key) DO UPDATE SET value = excluded.value`, kv[0], kv[1]); err != nil {
				return err
			}
		}
		return nil
	})
}

// EraseClientHashes forgets the client-address hashes of comments older than before.
func (s *Store) EraseClientHashes(ctx context.Context, before time.Time) (int, error) {
	res, err := s.write.ExecContext(ctx, `UPDATE comments SET client_hash = '' WHERE client_hash <> '' AND created_at < $1`, utc(before))
	if err != nil {
		return 0, err
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// SetCommentStatus moves comments to a status and returns them as they were.
func (s *Store) SetCommentStatus(ctx context.Context, ids []int64, status comment.Status, now time.Time) ([]comment.Comment, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	var before []comment.Comment
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		args := make([]any, 0, len(ids)+2)
		for _, id := range ids {
			args = append(args, id)
		}
		in := placeholders(1, len(ids))
		rows, err := tx.QueryContext(ctx, commentSelect+` WHERE id IN (`+in+`)`, args...)
		if err != nil {
			return err
		}
		if err := scanEach(rows, func(r *sql.Rows) error {
			c, err := scanComment(r)
			before = append(before, c)
			return err
		}); err != nil {
			return err
		}
		args = append(args, string(status), utc(now))
		n := len(ids)
		_, err = tx.ExecContext(ctx, fmt.Sprintf(`UPDATE comments SET status = $%d, updated_at = $%d WHERE id IN (%s)`, n+1, n+2, in), args...)
		return err
	})
	return before, err
}

// UpdateCommentText lets a moderator edit a comment's words and name.
func (s *Store) UpdateCommentText(ctx context.Context, id int64, name, url, body string, now time.Time) error {
	res, err := s.write.ExecContext(ctx, `UPDATE comments SET author_name = $2, author_url = $3, body = $4, updated_at = $5 WHERE id = $1`,
		id, name, url, body, utc(now))
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return comment.ErrNotFound
	}
	return nil
}

// ListQueue returns comments for moderators, newest first.
func (s *Store) ListQueue(ctx context.Context, f comment.QueueFilter) ([]comment.Comment, error) {
	where, args := queueWhere(f)
	limit := f.Limit
	if limit <= 0 {
		limit = 50
	}
	q := commentSelect + where + fmt.Sprintf(` ORDER BY created_at DESC, id DESC LIMIT $%d OFFSET $%d`, len(args)+1, len(args)+2)
	rows, err := s.read.QueryContext(ctx, q, append(args, limit, f.Offset)...)
	if err != nil {
		return nil, fmt.Errorf("moderation queue: %w", err)
	}
	var list []comment.Comment
	err = scanEach(rows, func(r *sql.Rows) error {
		c, err := scanComment(r)
		list = append(list, c)
		return err
	})
	return list, err
}

// CountQueue counts comments matching f.
func (s *Store) CountQueue(ctx context.Context, f comment.QueueFilter) (int, error) {
	where, args := queueWhere(f)
	var n int
	err := s.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM comments`+where, args...).Scan(&n)
	return n, err
}

// CommentCounts returns how many comments are in each status.
func (s *Store) CommentCounts(ctx context.Context) (map[comment.Status]int, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT status, COUNT(*) FROM comments GROUP BY status`)
	if err != nil {
		return nil, err
	}
	out := map[comment.Status]int{}
	err = scanEach(rows, func(r *sql.Rows) error {
		var st comment.Status
		var n int
		err := r.Scan(&st, &n)
		out[st] = n
		return err
	})
	return out, err
}

func queueWhere(f comment.QueueFilter) (string, []any) {
	var where []string
	var args []any
	add := func(cond string, arg any) {
		args = append(args, arg)
		where = append(where, strings.ReplaceAll(cond, "?", "$"+strconv.Itoa(len(args))))
	}
	if f.Status != "" {
		add("status = ?", string(f.Status))
	}
	if f.ArticleID != 0 {
		add("article_id = ?", f.ArticleID)
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		add(`(lower(body) LIKE lower(?) ESCAPE '\' OR lower(author_name) LIKE lower(?) ESCAPE '\' OR lower(author_email) LIKE lower(?) ESCAPE '\')`, "%"+escapeLike(q)+"%")
	}
	if len(where) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(where, " AND "), args
}

// CountQueueByStatus counts comments matching f in each status; f.Status
// is ignored, so the moderation tabs can all show their counts at once.
func (s *Store) CountQueueByStatus(ctx context.Context, f comment.QueueFilter) (map[comment.Status]int, error) {
	f.Status = ""
	where, args := queueWhere(f)
	rows, err := s.read.QueryContext(ctx, `SELECT status, COUNT(*) FROM comments`+where+` GROUP BY status`, args...)
	if err != nil {
		return nil, fmt.Errorf("count moderation queue: %w", err)
	}
	out := map[comment.Status]int{}
	err = scanEach(rows, func(r *sql.Rows) error {
		var st comment.Status
		var n int
		err := r.Scan(&st, &n)
		out[st] = n
		return err
	})
	return out, err
}
