package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/media"
	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/slug"
)

const articleSelect = `SELECT a.id, a.slug, a.headline, a.standfirst, a.body, a.dateline, a.language,
       a.status, a.is_lead, a.comments_open, a.published_at, a.created_at, a.updated_at,
       a.version, a.review_state, a.review_note, a.created_by, a.trashed_at, a.preview_token,
       (SELECT COUNT(*) FROM comments c WHERE c.article_id = a.id AND c.status = 'approved'),
       s.id, s.slug, s.name, s.description, s.position,
       m.id, m.path, m.webp_path, m.mime, m.width, m.height, m.alt, m.caption, m.credit
  FROM articles a
  JOIN sections s ON s.id = a.section_id
  LEFT JOIN media m ON m.id = a.featured_media_id`

type rowScanner interface{ Scan(dest ...any) error }

func scanArticle(row rowScanner) (article.Article, error) {
	var (
		a         article.Article
		published sql.NullTime
		mID       sql.NullInt64
		mPath     sql.NullString
		mWebP     sql.NullString
		mMIME     sql.NullString
		mW, mH    sql.NullInt64
		mAlt      sql.NullString
		mCaption  sql.NullString
		mCredit   sql.NullString
		createdBy sql.NullInt64
		trashed   sql.NullTime
	)
	err := row.Scan(&a.ID, &a.Slug, &a.Headline, &a.Standfirst, &a.Body, &a.Dateline, &a.Language,
		&a.Status, &a.Lead, &a.CommentsOpen, &published, &a.CreatedAt, &a.UpdatedAt,
		&a.Version, &a.ReviewState, &a.ReviewNote, &createdBy, &trashed, &a.PreviewToken, &a.CommentCount,
		&a.Section.ID, &a.Section.Slug, &a.Section.Name, &a.Section.Description, &a.Section.Position,
		&mID, &mPath, &mWebP, &mMIME, &mW, &mH, &mAlt, &mCaption, &mCredit)
	if err != nil {
		return a, err
	}
	a.CreatedAt, a.UpdatedAt = utc(a.CreatedAt), utc(a.UpdatedAt)
	if published.Valid {
		a.PublishedAt = utc(published.Time)
	}
	if trashed.Valid {
		a.TrashedAt = utc(trashed.Time)
	}
	a.CreatedBy = createdBy.Int64
	if mID.Valid {
		a.FeaturedImage = &media.Image{ID: mID.Int64, Path: mPath.String, WebPPath: mWebP.String, MIME: mMIME.String,
			Width: int(mW.Int64), Height: int(mH.Int64), Alt: mAlt.String, Caption: mCaption.String, Credit: mCredit.String}
	}
	return a, nil
}

// ArticleByID returns any article, whatever its status.
func (s *Store) ArticleByID(ctx context.Context, id int64) (article.Article, error) {
	return s.oneArticle(ctx, articleSelect+` WHERE a.id = $1`, id)
}

// ArticleBySlug returns the article with this slug now, or that had it before.
func (s *Store) ArticleBySlug(ctx context.Context, slug string) (article.Article, error) {
	a, err := s.oneArticle(ctx, articleSelect+` WHERE a.slug = $1`, slug)
	if !errors.Is(err, article.ErrNotFound) {
		return a, err
	}
	return s.oneArticle(ctx, articleSelect+` WHERE a.id = (SELECT article_id FROM article_old_slugs WHERE slug = $1)`, slug)
}

func (s *Store) oneArticle(ctx context.Context, query string, arg any) (article.Article, error) {
	a, err := scanArticle(s.read.QueryRowContext(ctx, query, arg))
	if errors.Is(err, sql.ErrNoRows) {
		return a, article.ErrNotFound
	}
	if err != nil {
		return a, fmt.Errorf("article %v: %w", arg, err)
	}
	list := []article.Article{a}
	if err := s.fillArticles(ctx, list); err != nil {
		return a, err
	}
	return list[0], nil
}

// ArticleSlugTaken reports whether another article has or had this slug:
// old slugs stay reserved so the links that use them never change target.
func (s *Store) ArticleSlugTaken(ctx context.Context, slug string, exceptID int64) (bool, error) {
	const q = `SELECT
	    (SELECT COUNT(*) FROM articles WHERE slug = $1 AND id <> $2) +
	    (SELECT COUNT(*) FROM article_old_slugs WHERE slug = $1 AND article_id <> $2)`
	var n int
	if err := s.read.QueryRowContext(ctx, q, slug, exceptID).Scan(&n); err != nil {
		return false, fmt.Errorf("check slug %q: %w", slug, err)
	}
	return n > 0, nil
}

// filterSQL turns a filter into a WHERE clause, adding each condition with its argument.
func filterSQL(f article.Filter) (string, []any) {
	where := []string{"a.status = $1", "a.published_at <= $2", "a.trashed_at IS NULL"}
	args := []any{string(article.Published), utc(f.Now)}
	add := func(cond string, arg any) {
		args = append(args, arg)
		where = append(where, strings.ReplaceAll(cond, "?", "$"+strconv.Itoa(len(args))))
	}
	if f.SectionID != 0 {
		add("a.section_id = ?", f.SectionID)
	}
	if f.TagID != 0 {
		add("EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.tag_id = ?)", f.TagID)
	}
	if f.AuthorID != 0 {
		add("EXISTS (SELECT 1 FROM article_authors aa WHERE aa.article_id = a.id AND aa.author_id = ?)", f.AuthorID)
	}
	for _, id := range f.ExcludeIDs {
		add("a.id <> ?", id)
	}
	if f.LeadOnly {
		// A plain term, not a bound value, so the planner can use the
		// partial index of leads (articles_leads).
		where = append(where, "a.is_lead")
	}
	if !f.Since.IsZero() {
		add("a.published_at >= ?", utc(f.Since))
	}
	if !f.Before.IsZero() {
		add("a.published_at < ?", utc(f.Before))
	}
	return " WHERE " + strings.Join(where, " AND "), args
}

// ListArticles returns visible articles matching f, newest first.
func (s *Store) ListArticles(ctx context.Context, f article.Filter) ([]article.Article, error) {
	where, args := filterSQL(f)
	limit := f.Limit
	if limit <= 0 {
		limit = 20
	}
	n := len(args)
	query := articleSelect + where + fmt.Sprintf(" ORDER BY a.published_at DESC, a.id DESC LIMIT $%d OFFSET $%d", n+1, n+2)
	rows, err := s.read.QueryContext(ctx, query, append(args, limit, f.Offset)...)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	defer rows.Close()
	var list []article.Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, fmt.Errorf("list articles: %w", err)
		}
		list = append(list, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	return list, s.fillArticles(ctx, list)
}

// CountArticles counts visible articles matching f, for pagination.
func (s *Store) CountArticles(ctx context.Context, f article.Filter) (int, error) {
	where, args := filterSQL(f)
	var n int
	err := s.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles a`+where, args...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count articles: %w", err)
	}
	return n, nil
}

// fillArticles loads bylines, tags and image variants for a batch of
// articles: three queries whatever the batch's size.
func (s *Store) fillArticles(ctx context.Context, list []article.Article) error {
	if len(list) == 0 {
		return nil
	}
	byID := make(map[int64]*article.Article, len(list))
	ids := make([]any, 0, len(list))
	var images []*media.Image
	for i := range list {
		byID[list[i].ID] = &list[i]
		ids = append(ids, list[i].ID)
		if list[i].FeaturedImage != nil {
			images = append(images, list[i].FeaturedImage)
		}
	}
	in := placeholders(1, len(ids))
	rows, err := s.read.QueryContext(ctx, `SELECT aa.article_id, au.id, au.slug, au.name, au.bio, au.user_id
	  FROM article_authors aa JOIN authors au ON au.id = aa.author_id
	 WHERE aa.article_id IN (`+in+`) ORDER BY aa.article_id, aa.position`, ids...)
	if err != nil {
		return fmt.Errorf("load bylines: %w", err)
	}
	err = scanEach(rows, func(r *sql.Rows) error {
		var id int64
		var au people.Author
		var userID sql.NullInt64
		if err := r.Scan(&id, &au.ID, &au.Slug, &au.Name, &au.Bio, &userID); err != nil {
			return err
		}
		au.UserID = userID.Int64
		byID[id].Authors = append(byID[id].Authors, au)
		return nil
	})
	if err != nil {
		return fmt.Errorf("load bylines: %w", err)
	}
	rows, err = s.read.QueryContext(ctx, `SELECT at.article_id, t.id, t.slug, t.name
	  FROM article_tags at JOIN tags t ON t.id = at.tag_id
	 WHERE at.article_id IN (`+in+`) ORDER BY at.article_id, t.name`, ids...)
	if err != nil {
		return fmt.Errorf("load tags: %w", err)
	}
	err = scanEach(rows, func(r *sql.Rows) error {
		var id int64
		var t article.Tag
		if err := r.Scan(&id, &t.ID, &t.Slug, &t.Name); err != nil {
			return err
		}
		byID[id].Tags = append(byID[id].Tags, t)
		return nil
	})
	if err != nil {
		return fmt.Errorf("load tags: %w", err)
	}
	if err := s.fillCorrections(ctx, byID, ids); err != nil {
		return err
	}
	return s.fillVariants(ctx, images)
}

// CreateArticle inserts an article with its byline, tags and first
// revision in one transaction.
func (s *Store) CreateArticle(ctx context.Context, in article.Input, now time.Time) (int64, error) {
	const q = `INSERT INTO articles (slug, headline, standfirst, body, section_id, dateline, language,
	    status, is_lead, comments_open, featured_media_id, published_at, created_at, updated_at,
	    review_state, review_note, created_by, preview_token)
	  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $14, $15, $16, $17) RETURNING id`
	var id int64
	err := s.inTx(ctx, func(sqlTx *sql.Tx) error {
		tx := s.txOf(sqlTx)
		err := tx.QueryRowContext(ctx, q, in.Slug, in.Headline, in.Standfirst, in.Body, in.SectionID, in.Dateline,
			in.Language, string(in.Status), in.Lead, in.CommentsOpen, nullID(in.FeaturedMediaID),
			nullTime(in.PublishedAt), utc(now), string(in.ReviewState), in.ReviewNote, nullID(in.UserID),
			strings.ToLower(rand.Text())).Scan(&id)
		if err != nil {
			return s.conflict(err, article.ErrConflict)
		}
		if err := setArticleLinks(ctx, tx, id, in, now); err != nil {
			return err
		}
		return addRevision(ctx, tx, id, 1, in, now)
	})
	if err != nil {
		return 0, err
	}
	return id, nil
}

// UpdateArticle saves an edit as the next version. With ExpectedVersion set,
// it refuses (article.ErrVersionConflict) when someone saved in between. A
// changed slug is remembered so old links redirect.
func (s *Store) UpdateArticle(ctx context.Context, id int64, in article.Input, now time.Time) error {
	const q = `UPDATE articles SET slug = $2, headline = $3, standfirst = $4, body = $5, section_id = $6,
	    dateline = $7, language = $8, status = $9, is_lead = $10, comments_open = $11,
	    featured_media_id = $12, published_at = $13, updated_at = $14, review_state = $15, review_note = $16,
	    version = version + 1
	  WHERE id = $1 AND version = $17`
	return s.inTx(ctx, func(sqlTx *sql.Tx) error {
		tx := s.txOf(sqlTx)
		var old string
		var version int
		err := tx.QueryRowContext(ctx, `SELECT slug, version FROM articles WHERE id = $1`, id).Scan(&old, &version)
		if errors.Is(err, sql.ErrNoRows) {
			return article.ErrNotFound
		}
		if err != nil {
			return err
		}
		if in.ExpectedVersion != 0 && in.ExpectedVersion != version {
			return article.ErrVersionConflict
		}
		_, err = tx.ExecContext(ctx, q, id, in.Slug, in.Headline, in.Standfirst, in.Body, in.SectionID,
			in.Dateline, in.Language, string(in.Status), in.Lead, in.CommentsOpen,
			nullID(in.FeaturedMediaID), nullTime(in.PublishedAt), utc(now), string(in.ReviewState), in.ReviewNote, version)
		if err != nil {
			return s.conflict(err, article.ErrConflict)
		}
		if old != in.Slug {
			if _, err := tx.ExecContext(ctx, `DELETE FROM article_old_slugs WHERE slug = $1`, in.Slug); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO article_old_slugs (slug, article_id) VALUES ($1, $2)
			  ON CONFLICT (slug) DO UPDATE SET article_id = excluded.article_id`, old, id)
			if err != nil {
				return err
			}
		}
		for _, q := range []string{`DELETE FROM article_authors WHERE article_id = $1`, `DELETE FROM article_tags WHERE article_id = $1`} {
			if _, err := tx.ExecContext(ctx, q, id); err != nil {
				return err
			}
		}
		if err := setArticleLinks(ctx, tx, id, in, now); err != nil {
			return err
		}
		return addRevision(ctx, tx, id, version+1, in, now)
	})
}

// setArticleLinks writes an article's byline and tags, creating new tags.
func setArticleLinks(ctx context.Context, tx dbtx, id int64, in article.Input, now time.Time) error {
	for i, authorID := range in.AuthorIDs {
		_, err := tx.ExecContext(ctx, `INSERT INTO article_authors (article_id, author_id, position) VALUES ($1, $2, $3)
		  ON CONFLICT (article_id, author_id) DO NOTHING`, id, authorID, i)
		if err != nil {
			return fmt.Errorf("byline: %w", err)
		}
	}
	for _, name := range in.TagNames {
		tagID, err := ensureTag(ctx, tx, name, now)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO article_tags (article_id, tag_id) VALUES ($1, $2)
		  ON CONFLICT (article_id, tag_id) DO NOTHING`, id, tagID)
		if err != nil {
			return fmt.Errorf("tag %q: %w", name, err)
		}
	}
	return nil
}

func ensureTag(ctx context.Context, tx dbtx, name string, now time.Time) (int64, error) {
	name = strings.TrimSpace(name)
	s := slug.Make(name)
	if s == "" {
		return 0, fmt.Errorf("tag %q has no letters or digits", name)
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO tags (slug, name, created_at) VALUES ($1, $2, $3)
	  ON CONFLICT (slug) DO NOTHING`, s, name, utc(now))
	if err != nil {
		return 0, fmt.Errorf("tag %q: %w", name, err)
	}
	var id int64
	if err := tx.QueryRowContext(ctx, `SELECT id FROM tags WHERE slug = $1`, s).Scan(&id); err != nil {
		return 0, fmt.Errorf("tag %q: %w", name, err)
	}
	return id, nil
}

// placeholders returns "$from, $from+1, …" for n arguments.
func placeholders(from, n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("$" + strconv.Itoa(from+i))
	}
	return b.String()
}

// scanEach calls fn for every row and closes rows.
// scanIDs appends the single id column of each row to ids.
func scanIDs(rows *sql.Rows, ids []int64) ([]int64, error) {
	err := scanEach(rows, func(r *sql.Rows) error {
		var id int64
		err := r.Scan(&id)
		ids = append(ids, id)
		return err
	})
	return ids, err
}

func scanEach(rows *sql.Rows, fn func(*sql.Rows) error) error {
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
