package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
)

// feedFullTextKey is the settings row that says whether story feeds carry
// whole stories or only their standfirsts.
const feedFullTextKey = "feeds.full_text"

// FeedFullText reports whether feeds carry whole stories. Unset, they do:
// readers on censored networks often read the news only through a feed.
func (s *Store) FeedFullText(ctx context.Context) (bool, error) {
	var v string
	err := s.read.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = $1`, feedFullTextKey).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return true, nil
	}
	if err != nil {
		return true, fmt.Errorf("read %s: %w", feedFullTextKey, err)
	}
	full, err := strconv.ParseBool(v)
	if err != nil {
		return true, nil // a hand-edited bad value must not take the feeds down
	}
	return full, nil
}

// SetFeedFullText chooses whole stories (true) or standfirsts (false) for feeds.
func (s *Store) SetFeedFullText(ctx context.Context, full bool) error {
	_, err := s.write.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ($1, $2)
	  ON CONFLICT (key) DO UPDATE SET value = excluded.value`, feedFullTextKey, strconv.FormatBool(full))
	if err != nil {
		return fmt.Errorf("save %s: %w", feedFullTextKey, err)
	}
	return nil
}
