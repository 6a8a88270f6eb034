package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"github.com/datelinenews/dateline/internal/settings"
)

// Site returns the site settings, with defaults for any not set.
func (s *Store) Site(ctx context.Context) (settings.Site, error) {
	site := settings.Defaults()
	var hidden string
	fields := map[string]*string{"name": &site.Name, "tagline": &site.Tagline, "language": &site.Language,
		"time_zone": &site.TimeZone, "logo": &site.Logo, "support.hidden": &hidden,
		"support.text": &site.Support.Text, "support.link": &site.Support.Link}
	// Comment settings share the table under keys of their own; only these are read here.
	rows, err := s.read.QueryContext(ctx, `SELECT key, value FROM settings`)
	if err != nil {
		return site, fmt.Errorf("read settings: %w", err)
	}
	err = scanEach(rows, func(r *sql.Rows) error {
		var k, v string
		if err := r.Scan(&k, &v); err != nil {
			return err
		}
		if p, ok := fields[k]; ok {
			*p = v
		}
		return nil
	})
	if err != nil {
		return site, fmt.Errorf("read settings: %w", err)
	}
	site.Support.Hidden, _ = strconv.ParseBool(hidden)
	return site, nil
}

// SiteTimeZone returns the site's time zone setting alone, for what needs
// nothing else of the settings: a comment's redirect to its story's dated
// address. One row by key costs less than Site's whole table.
func (s *Store) SiteTimeZone(ctx context.Context) (string, error) {
	var tz string
	err := s.read.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = 'time_zone'`).Scan(&tz)
	if errors.Is(err, sql.ErrNoRows) {
		return settings.Defaults().TimeZone, nil
	}
	if err != nil {
		return "", fmt.Errorf("read time zone: %w", err)
	}
	return tz, nil
}

// SaveSite stores all site settings in one transaction.
func (s *Store) SaveSite(ctx context.Context, site settings.Site) error {
	values := [][2]string{{"name", site.Name}, {"tagline", site.Tagline}, {"language", site.Language},
		{"time_zone", site.TimeZone}, {"logo", site.Logo}, {"support.hidden", strconv.FormatBool(site.Support.Hidden)},
		{"support.text", site.Support.Text}, {"support.link", site.Support.Link}}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for _, kv := range values {
			_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ($1, $2)
			  ON CONFLICT (key) DO UPDATE SET value = excluded.value`, kv[0], kv[1])
			if err != nil {
				return fmt.Errorf("save setting %s: %w", kv[0], err)
			}
		}
		return nil
	})
}
