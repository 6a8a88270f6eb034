package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"github.com/datelinenews/dateline/internal/people"
)

// AddAudit records one staff action.
func (s *Store) AddAudit(ctx context.Context, e people.AuditEntry) error {
	_, err := s.write.ExecContext(ctx, `INSERT INTO audit_log (user_id, user_email, action, target, detail, client, created_at)
	  VALUES ($1, $2, $3, $4, $5, $6, $7)`, nullID(e.UserID), e.UserEmail, e.Action, e.Target, e.Detail, e.Client, utc(e.At))
	if err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	return nil
}

// ListAudit returns audit entries matching f, newest first.
func (s *Store) ListAudit(ctx context.Context, f people.AuditFilter) ([]people.AuditEntry, error) {
	var where []string
	var args []any
	add := func(cond string, arg any) {
		args = append(args, arg)
		where = append(where, strings.ReplaceAll(cond, "?", "$"+strconv.Itoa(len(args))))
	}
	if f.UserID != 0 {
		add("user_id = ?", f.UserID)
	}
	if f.Action != "" {
		add(`action LIKE ? ESCAPE '\'`, escapeLike(f.Action)+"%")
	}
	if !f.Since.IsZero() {
		add("created_at >= ?", utc(f.Since))
	}
	if !f.Until.IsZero() {
		add("created_at < ?", utc(f.Until))
	}
	q := `SELECT id, user_id, user_email, action, target, detail, client, created_at FROM audit_log`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 50
	}
	q += fmt.Sprintf(" ORDER BY id DESC LIMIT $%d OFFSET $%d", len(args)+1, len(args)+2)
	rows, err := s.read.QueryContext(ctx, q, append(args, limit, f.Offset)...)
	if err != nil {
		return nil, fmt.Errorf("audit log: %w", err)
	}
	var list []people.AuditEntry
	err = scanEach(rows, func(r *sql.Rows) error {
		var e people.AuditEntry
		var user sql.NullInt64
		err := r.Scan(&e.ID, &user, &e.UserEmail, &e.Action, &e.Target, &e.Detail, &e.Client, &e.At)
		e.UserID, e.At = user.Int64, utc(e.At)
		list = append(list, e)
		return err
	})
	return list, err
}
