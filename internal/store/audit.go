package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

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

// LastAuditByUser returns, per user, the time of their latest audit entry
// with one of the actions. It picks rows by their greatest id rather than
// taking MAX(created_at), whose value SQLite would hand back as text.
func (s *Store) LastAuditByUser(ctx context.Context, actions ...string) (map[int64]time.Time, error) {
	out := map[int64]time.Time{}
	if len(actions) == 0 {
		return out, nil
	}
	args := make([]any, len(actions))
	for i, a := range actions {
		args[i] = a
	}
	q := `SELECT user_id, created_at FROM audit_log WHERE id IN (SELECT MAX(id) FROM audit_log
	  WHERE user_id IS NOT NULL AND action IN (` + placeholders(1, len(actions)) + `) GROUP BY user_id)`
	rows, err := s.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("latest audit entries: %w", err)
	}
	err = scanEach(rows, func(r *sql.Rows) error {
		var id int64
		var at time.Time
		err := r.Scan(&id, &at)
		out[id] = utc(at)
		return err
	})
	return out, err
}
