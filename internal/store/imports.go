package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/datelinenews/dateline/internal/comment"
	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/slug"
)

// ImportEntry is what one imported object (a WordPress post, comment,
// author…) became in Dateline: a row id, or for files kept as they are, a
// URL path; and the checksum of the source it was made from, so a repeated
// import can tell an unchanged object from an edited one.
type ImportEntry struct {
	ID       int64
	Target   string
	Checksum string
}

// ImportEntries returns every entry of one kind imported from source, by
// the source's id. Used for the kinds a site has thousands of, at most.
func (s *Store) ImportEntries(ctx context.Context, source, kind string) (map[string]ImportEntry, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT wp_id, dateline_id, target, checksum FROM import_map
	  WHERE source = $1 AND kind = $2`, source, kind)
	if err != nil {
		return nil, fmt.Errorf("import map %s: %w", kind, err)
	}
	m := map[string]ImportEntry{}
	err = scanEach(rows, func(r *sql.Rows) error {
		var id string
		var e ImportEntry
		if err := r.Scan(&id, &e.ID, &e.Target, &e.Checksum); err != nil {
			return err
		}
		m[id] = e
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("import map %s: %w", kind, err)
	}
	return m, nil
}

// ImportEntryOf returns one entry; found is false when the object was never imported.
func (s *Store) ImportEntryOf(ctx context.Context, source, kind, wpID string) (e ImportEntry, found bool, err error) {
	err = s.queryRowWrite(ctx, `SELECT dateline_id, target, checksum FROM import_map
	  WHERE source = $1 AND kind = $2 AND wp_id = $3`, source, kind, wpID).Scan(&e.ID, &e.Target, &e.Checksum)
	if errors.Is(err, sql.ErrNoRows) {
		return e, false, nil
	}
	if err != nil {
		return e, false, fmt.Errorf("import map %s %s: %w", kind, wpID, err)
	}
	return e, true, nil
}

// SetImportEntry records (or replaces) what an imported object became.
func (s *Store) SetImportEntry(ctx context.Context, source, kind, wpID string, e ImportEntry) error {
	_, err := s.execWrite(ctx, `INSERT INTO import_map (source, kind, wp_id, dateline_id, target, checksum)
	  VALUES ($1, $2, $3, $4, $5, $6)
	  ON CONFLICT (source, kind, wp_id) DO UPDATE SET dateline_id = excluded.dateline_id,
	      target = excluded.target, checksum = excluded.checksum`, source, kind, wpID, e.ID, e.Target, e.Checksum)
	if err != nil {
		return fmt.Errorf("import map %s %s: %w", kind, wpID, err)
	}
	return nil
}

// EnsureTag returns the tag named name, creating it if no tag has its slug;
// created says which.
func (s *Store) EnsureTag(ctx context.Context, name string, now time.Time) (id int64, created bool, err error) {
	sl := slug.Make(name)
	if sl == "" {
		return 0, false, fmt.Errorf("tag %q has no letters or digits", name)
	}
	err = s.read.QueryRowContext(ctx, `SELECT id FROM tags WHERE slug = $1`, sl).Scan(&id)
	if err == nil {
		return id, false, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, false, fmt.Errorf("tag %q: %w", name, err)
	}
	err = s.write.QueryRowContext(ctx, `INSERT INTO tags (slug, name, created_at) VALUES ($1, $2, $3) RETURNING id`,
		sl, name, utc(now)).Scan(&id)
	if err != nil {
		return 0, false, fmt.Errorf("create tag %q: %w", name, err)
	}
	return id, true, nil
}

// UpdateAuthor changes an author profile's name and bio.
func (s *Store) UpdateAuthor(ctx context.Context, a people.Author, now time.Time) error {
	res, err := s.write.ExecContext(ctx, `UPDATE authors SET name = $2, bio = $3, updated_at = $4 WHERE id = $1`,
		a.ID, a.Name, a.Bio, utc(now))
	return oneRow(res, err, fmt.Sprintf("update author %d", a.ID))
}

// SetArticleBody replaces a story's body without a new revision: the
// importer's second look at a story, once every link target is known.
func (s *Store) SetArticleBody(ctx context.Context, id int64, body string) error {
	_, err := s.write.ExecContext(ctx, `UPDATE articles SET body = $2 WHERE id = $1`, id, body)
	if err != nil {
		return fmt.Errorf("set body of article %d: %w", id, err)
	}
	return nil
}

// SetPageBody replaces a static page's body.
func (s *Store) SetPageBody(ctx context.Context, id int64, body string) error {
	_, err := s.write.ExecContext(ctx, `UPDATE pages SET body = $2 WHERE id = $1`, id, body)
	if err != nil {
		return fmt.Errorf("set body of page %d: %w", id, err)
	}
	return nil
}

// SetFeaturedImage sets (or, with 0, clears) a story's featured image.
func (s *Store) SetFeaturedImage(ctx context.Context, articleID, mediaID int64) error {
	_, err := s.write.ExecContext(ctx, `UPDATE articles SET featured_media_id = $2 WHERE id = $1`, articleID, nullID(mediaID))
	if err != nil {
		return fmt.Errorf("set featured image of article %d: %w", articleID, err)
	}
	return nil
}

// ArticleBody returns a story's body alone.
func (s *Store) ArticleBody(ctx context.Context, id int64) (string, error) {
	var body string
	if err := s.read.QueryRowContext(ctx, `SELECT body FROM articles WHERE id = $1`, id).Scan(&body); err != nil {
		return "", fmt.Errorf("body of article %d: %w", id, err)
	}
	return body, nil
}

// PageBody returns a static page's body alone.
func (s *Store) PageBody(ctx context.Context, id int64) (string, error) {
	var body string
	if err := s.read.QueryRowContext(ctx, `SELECT body FROM pages WHERE id = $1`, id).Scan(&body); err != nil {
		return "", fmt.Errorf("body of page %d: %w", id, err)
	}
	return body, nil
}

// UpdateImportedComment rewrites a comment from its source: text, author,
// status, thread and time.
func (s *Store) UpdateImportedComment(ctx context.Context, c comment.Comment) error {
	_, err := s.write.ExecContext(ctx, `UPDATE comments SET parent_id = $2, depth = $3, author_name = $4, author_email = $5,
	    author_url = $6, body = $7, status = $8, from_staff = $9, user_id = $10, created_at = $11, updated_at = $12
	  WHERE id = $1`, c.ID, nullID(c.ParentID), c.Depth, c.AuthorName, c.AuthorEmail, c.AuthorURL, c.Body,
		string(c.Status), c.FromStaff, nullID(c.UserID), utc(c.CreatedAt), utc(c.UpdatedAt))
	if err != nil {
		return fmt.Errorf("update comment %d: %w", c.ID, err)
	}
	return nil
}

// QueryCount runs a query that returns one number (SELECT COUNT(*) …),
// for tests that check what an import wrote on either engine.
func (s *Store) QueryCount(ctx context.Context, query string, args ...any) (int, error) {
	var n int
	err := s.read.QueryRowContext(ctx, query, args...).Scan(&n)
	return n, err
}

// ImportRecord is one entry for SetImportEntries.
type ImportRecord struct {
	WPID  string
	Entry ImportEntry
}

// importBatch is how many entries one statement of SetImportEntries writes
// (6 values a row).
const importBatch = 512

// SetImportEntries records many entries of one kind, a batch of rows per
// statement: an import of a million comments writes their map this way.
func (s *Store) SetImportEntries(ctx context.Context, source, kind string, list []ImportRecord) error {
	args := make([]any, 0, min(len(list), importBatch)*6)
	for len(list) > 0 {
		n := min(len(list), importBatch)
		args = args[:0]
		for _, r := range list[:n] {
			args = append(args, source, kind, r.WPID, r.Entry.ID, r.Entry.Target, r.Entry.Checksum)
		}
		q := `INSERT INTO import_map (source, kind, wp_id, dateline_id, target, checksum) VALUES ` + s.valueRows(n, 6) + `
		  ON CONFLICT (source, kind, wp_id) DO UPDATE SET dateline_id = excluded.dateline_id,
		      target = excluded.target, checksum = excluded.checksum`
		if _, err := s.execWrite(ctx, q, args...); err != nil {
			return fmt.Errorf("import map %s: %w", kind, err)
		}
		list = list[n:]
	}
	return nil
}
