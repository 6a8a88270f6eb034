package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/datelinenews/dateline/internal/comment"
)

// ImportComments stores many comments exactly as given (status, times,
// client hash), with one prepared statement in one transaction: all are
// written or none. It applies no moderation rules; it is for importing
// comments from elsewhere and for generating benchmark data, where parsing
// the INSERT once instead of once a row makes loading several times faster.
func (s *Store) ImportComments(ctx context.Context, list []comment.Comment) error {
	const q = `INSERT INTO comments (article_id, parent_id, depth, author_name, author_email, author_url, body, status,
	    from_staff, user_id, client_hash, spam_score, reason, created_at, updated_at)
	  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`
	return s.inTx(ctx, func(tx *sql.Tx) error {
		ins, err := tx.PrepareContext(ctx, q)
		if err != nil {
			return fmt.Errorf("import comments: %w", err)
		}
		defer ins.Close()
		for i, c := range list {
			_, err := ins.ExecContext(ctx, c.ArticleID, nullID(c.ParentID), c.Depth, c.AuthorName, c.AuthorEmail, c.AuthorURL,
				c.Body, string(c.Status), c.FromStaff, nullID(c.UserID), c.ClientHash, c.SpamScore, c.Reason,
				utc(c.CreatedAt), utc(c.UpdatedAt))
			if err != nil {
				return fmt.Errorf("import comment %d of %d: %w", i+1, len(list), err)
			}
		}
		return nil
	})
}

// ReserveCommentIDs returns n ids for new comments that InsertComments will
// write in the open transaction, so an importer can thread replies under
// comments not yet written. On SQLite, whose writer holds the database
// until the transaction ends, they follow the largest id in use or reserved
// before; the reserved comments must be written before any other comment is
// created in the transaction. On PostgreSQL they come from the comments'
// id sequence, as concurrent writers' ids do.
func (s *Store) ReserveCommentIDs(ctx context.Context, n int) ([]int64, error) {
	if s.tx == nil {
		return nil, errors.New("reserve comment ids: outside a transaction")
	}
	ids := make([]int64, 0, n)
	if s.engine == Postgres {
		rows, err := s.tx.QueryContext(ctx, `SELECT nextval(pg_get_serial_sequence('comments', 'id')) FROM generate_series(1, $1)`, n)
		if err != nil {
			return nil, fmt.Errorf("reserve comment ids: %w", err)
		}
		ids, err = scanIDs(rows, ids)
		if err != nil {
			return nil, fmt.Errorf("reserve comment ids: %w", err)
		}
		return ids, nil
	}
	var last int64
	if err := s.tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM comments`).Scan(&last); err != nil {
		return nil, fmt.Errorf("reserve comment ids: %w", err)
	}
	last = max(last, s.lastCommentID)
	for i := range n {
		ids = append(ids, last+int64(i)+1)
	}
	s.lastCommentID = last + int64(n)
	return ids, nil
}

// insertCommentRows is how many comments one statement of InsertComments
// writes: 16 values a row, within both engines' limits on arguments.
const insertCommentRows = 256

// InsertComments writes new comments with the ids they carry (from
// ReserveCommentIDs), as given, many rows to a statement: the comments of
// a large import. A reply must come after its parent in the list or in an
// earlier call.
func (s *Store) InsertComments(ctx context.Context, list []comment.Comment) error {
	const cols = 16
	args := make([]any, 0, min(len(list), insertCommentRows)*cols)
	for len(list) > 0 {
		n := min(len(list), insertCommentRows)
		args = args[:0]
		for _, c := range list[:n] {
			args = append(args, c.ID, c.ArticleID, nullID(c.ParentID), c.Depth, c.AuthorName, c.AuthorEmail, c.AuthorURL,
				c.Body, string(c.Status), c.FromStaff, nullID(c.UserID), c.ClientHash, c.SpamScore, c.Reason,
				utc(c.CreatedAt), utc(c.UpdatedAt))
		}
		q := `INSERT INTO comments (id, article_id, parent_id, depth, author_name, author_email, author_url, body, status,
		    from_staff, user_id, client_hash, spam_score, reason, created_at, updated_at) VALUES ` + s.valueRows(n, cols)
		if _, err := s.execWrite(ctx, q, args...); err != nil {
			return fmt.Errorf("insert comments: %w", err)
		}
		list = list[n:]
	}
	return nil
}
