package store

import (
	"context"
	"database/sql"
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
