package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/datelinenews/dateline/internal/comment"
	"github.com/datelinenews/dateline/internal/spam"
)

// tokenBatch is how many tokens go into one statement: few round trips,
// and far below SQLite's limit on bound arguments.
const tokenBatch = 250

// SpamBlocklist returns every blocklist entry, oldest first.
func (s *Store) SpamBlocklist(ctx context.Context) ([]spam.Entry, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT id, kind, value, note, created_at FROM spam_blocklist ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("spam blocklist: %w", err)
	}
	var list []spam.Entry
	err = scanEach(rows, func(r *sql.Rows) error {
		var e spam.Entry
		err := r.Scan(&e.ID, &e.Kind, &e.Value, &e.Note, &e.CreatedAt)
		e.CreatedAt = utc(e.CreatedAt)
		list = append(list, e)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("spam blocklist: %w", err)
	}
	return list, nil
}

// AddSpamEntry stores a blocklist entry as given (spam.Judge normalizes it
// first) and returns its id; spam.ErrConflict if it is already there.
func (s *Store) AddSpamEntry(ctx context.Context, e spam.Entry) (int64, error) {
	const q = `INSERT INTO spam_blocklist (kind, value, note, created_at) VALUES ($1, $2, $3, $4) RETURNING id`
	var id int64
	err := s.write.QueryRowContext(ctx, q, string(e.Kind), e.Value, e.Note, utc(e.CreatedAt)).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("add %s %q to the spam blocklist: %w", e.Kind, e.Value, s.conflict(err, spam.ErrConflict))
	}
	return id, nil
}

// DeleteSpamEntry removes a blocklist entry; spam.ErrNotFound if there is none.
func (s *Store) DeleteSpamEntry(ctx context.Context, id int64) error {
	res, err := s.write.ExecContext(ctx, `DELETE FROM spam_blocklist WHERE id = $1`, id)
	if err != nil {
		return fmt.Errorf("delete spam blocklist entry %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return spam.ErrNotFound
	}
	return nil
}

// LearnSpam counts one message with these tokens as spam or ham: each
// token once, and the message in the totals, all in one transaction.
// Tokens are written in sorted order so that two messages learned at once
// on PostgreSQL lock shared rows in the same order and cannot deadlock.
func (s *Store) LearnSpam(ctx context.Context, tokens []string, isSpam bool) error {
	tokens = slices.Compact(slices.Sorted(slices.Values(tokens)))
	spamN, hamN := int64(0), int64(1)
	if isSpam {
		spamN, hamN = 1, 0
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for batch := range slices.Chunk(tokens, tokenBatch) {
			args := []any{spamN, hamN}
			for _, t := range batch {
				args = append(args, t)
			}
			if _, err := tx.ExecContext(ctx, upsertTokens(len(batch)), args...); err != nil {
				return fmt.Errorf("learn spam tokens: %w", err)
			}
		}
		_, err := tx.ExecContext(ctx, `UPDATE spam_totals SET spam = spam + $1, ham = ham + $2 WHERE id = 1`, spamN, hamN)
		if err != nil {
			return fmt.Errorf("learn spam totals: %w", err)
		}
		return nil
	})
}

// What comments.learned records.
const (
	learnedNothing = 0
	learnedHam     = 1
	learnedSpam    = 2
)

// LearnComment counts comment id, with these tokens, as spam or ham once:
// a decision repeated changes nothing, and a reversed one (spam, then not
// spam after all) takes the comment's words off the side they were counted
// on before counting them on the other. It reports whether anything was
// learned.
func (s *Store) LearnComment(ctx context.Context, id int64, tokens []string, isSpam bool) (bool, error) {
	want := learnedHam
	if isSpam {
		want = learnedSpam
	}
	changed := false
	err := s.InTx(ctx, func(tx *Store) error {
		var had int
		err := tx.write.QueryRowContext(ctx, `SELECT learned FROM comments WHERE id = $1`, id).Scan(&had)
		if errors.Is(err, sql.ErrNoRows) {
			return comment.ErrNotFound
		}
		if err != nil || had == want {
			return err
		}
		if had != learnedNothing {
			if err := tx.unlearnSpam(ctx, tokens, had == learnedSpam); err != nil {
				return err
			}
		}
		if err := tx.LearnSpam(ctx, tokens, isSpam); err != nil {
			return err
		}
		changed = true
		_, err = tx.write.ExecContext(ctx, `UPDATE comments SET learned = $1 WHERE id = $2`, want, id)
		return err
	})
	if err != nil {
		return false, fmt.Errorf("learn comment %d: %w", id, err)
	}
	return changed, nil
}

// unlearnSpam takes one message with these tokens off the spam or the ham
// side. Counts never go below zero: a comment edited since it was learned
// may hold words that were never counted.
func (s *Store) unlearnSpam(ctx context.Context, tokens []string, wasSpam bool) error {
	col := "ham"
	if wasSpam {
		col = "spam"
	}
	tokens = slices.Compact(slices.Sorted(slices.Values(tokens)))
	for batch := range slices.Chunk(tokens, tokenBatch) {
		args := make([]any, len(batch))
		marks := make([]string, len(batch))
		for i, t := range batch {
			args[i] = t
			marks[i] = "$" + strconv.Itoa(i+1)
		}
		q := `UPDATE spam_tokens SET ` + col + ` = CASE WHEN ` + col + ` > 0 THEN ` + col + ` - 1 ELSE 0 END WHERE token IN (` + strings.Join(marks, ", ") + `)`
		if _, err := s.write.ExecContext(ctx, q, args...); err != nil {
			return fmt.Errorf("unlearn spam tokens: %w", err)
		}
	}
	q := `UPDATE spam_totals SET ` + col + ` = CASE WHEN ` + col + ` > 0 THEN ` + col + ` - 1 ELSE 0 END WHERE id = 1`
	if _, err := s.write.ExecContext(ctx, q); err != nil {
		return fmt.Errorf("unlearn spam totals: %w", err)
	}
	return nil
}

// upsertTokens adds $1 to spam and $2 to ham for the n tokens $3, $4 ….
func upsertTokens(n int) string {
	var b strings.Builder
	b.WriteString(`INSERT INTO spam_tokens (token, spam, ham) VALUES `)
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("($" + strconv.Itoa(i+3) + ", $1, $2)")
	}
	b.WriteString(` ON CONFLICT (token) DO UPDATE SET spam = spam_tokens.spam + excluded.spam, ham = spam_tokens.ham + excluded.ham`)
	return b.String()
}

// SpamTokenCounts returns the learned counts of those tokens the filter has seen.
func (s *Store) SpamTokenCounts(ctx context.Context, tokens []string) (map[string]spam.Counts, error) {
	out := make(map[string]spam.Counts, len(tokens))
	for batch := range slices.Chunk(tokens, tokenBatch) {
		args := make([]any, len(batch))
		for i, t := range batch {
			args[i] = t
		}
		rows, err := s.read.QueryContext(ctx, `SELECT token, spam, ham FROM spam_tokens WHERE token IN (`+placeholders(1, len(batch))+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("spam token counts: %w", err)
		}
		err = scanEach(rows, func(r *sql.Rows) error {
			var t string
			var c spam.Counts
			err := r.Scan(&t, &c.Spam, &c.Ham)
			out[t] = c
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("spam token counts: %w", err)
		}
	}
	return out, nil
}

// SpamTotals returns how many spam and ham messages the filter has learned.
func (s *Store) SpamTotals(ctx context.Context) (spam.Counts, error) {
	var c spam.Counts
	err := s.read.QueryRowContext(ctx, `SELECT spam, ham FROM spam_totals WHERE id = 1`).Scan(&c.Spam, &c.Ham)
	if err != nil {
		return c, fmt.Errorf("spam totals: %w", err)
	}
	return c, nil
}

var _ spam.Store = (*Store)(nil)
