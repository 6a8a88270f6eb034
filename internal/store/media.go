package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path"
	"strings"
	"time"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/media"
)

// CreateImage records an image and its variants, already saved in the blob store.
func (s *Store) CreateImage(ctx context.Context, img media.Image, now time.Time) (int64, error) {
	const q = `INSERT INTO media (path, webp_path, mime, width, height, alt, caption, credit, original_name, size_bytes, created_at, poster_media_id)
	  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`
	var id int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		id, err = createImage(ctx, tx, q, img, now)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("create image %s: %w", img.Path, err)
	}
	return id, nil
}

// createImage inserts an image and its variants inside tx.
func createImage(ctx context.Context, tx *sql.Tx, q string, img media.Image, now time.Time) (int64, error) {
	var poster sql.NullInt64
	if img.Poster != nil {
		poster = sql.NullInt64{Int64: img.Poster.ID, Valid: true}
	}
	var id int64
	err := tx.QueryRowContext(ctx, q, img.Path, img.WebPPath, img.MIME, img.Width, img.Height, img.Alt, img.Caption, img.Credit,
		img.OriginalName, img.SizeBytes, utc(now), poster).Scan(&id)
	if err != nil {
		return 0, err
	}
	for _, v := range img.Variants {
		_, err := tx.ExecContext(ctx, `INSERT INTO media_variants (media_id, width, height, path, webp_path) VALUES ($1, $2, $3, $4, $5)`,
			id, v.Width, v.Height, v.Path, v.WebPPath)
		if err != nil {
			return 0, err
		}
	}
	return id, nil
}

// mediaColumns are the columns scanImage reads, in its order.
const mediaColumns = `id, path, webp_path, mime, width, height, alt, caption, credit, original_name, size_bytes, created_at, poster_media_id`

// scanImage reads an image; a video's poster comes back with its ID only,
// for fillVariants to load.
func scanImage(row interface{ Scan(...any) error }) (media.Image, error) {
	var img media.Image
	var poster sql.NullInt64
	err := row.Scan(&img.ID, &img.Path, &img.WebPPath, &img.MIME, &img.Width, &img.Height, &img.Alt, &img.Caption, &img.Credit,
		&img.OriginalName, &img.SizeBytes, &img.CreatedAt, &poster)
	img.CreatedAt = utc(img.CreatedAt)
	if poster.Valid {
		img.Poster = &media.Image{ID: poster.Int64}
	}
	return img, err
}

// ImageByID returns one image of the library with its variants.
func (s *Store) ImageByID(ctx context.Context, id int64) (media.Image, error) {
	img, err := scanImage(s.read.QueryRowContext(ctx, `SELECT `+mediaColumns+` FROM media WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return img, media.ErrNotFound
	}
	if err != nil {
		return img, fmt.Errorf("image %d: %w", id, err)
	}
	err = s.fillVariants(ctx, []*media.Image{&img})
	return img, err
}

// ImageByPath returns the image whose full-size version is stored under key.
func (s *Store) ImageByPath(ctx context.Context, key string) (media.Image, error) {
	img, err := scanImage(s.read.QueryRowContext(ctx, `SELECT `+mediaColumns+` FROM media WHERE path = $1`, key))
	if errors.Is(err, sql.ErrNoRows) {
		return img, media.ErrNotFound
	}
	if err != nil {
		return img, fmt.Errorf("image %s: %w", key, err)
	}
	err = s.fillVariants(ctx, []*media.Image{&img})
	return img, err
}

// imageSearch is the WHERE clause for words in an image's caption, alt text
// or file name. The posters fetched for YouTube and Vimeo videos are not the
// newsroom's pictures: the library never lists them.
func imageSearch(query string) (string, []any) {
	const own = ` WHERE id NOT IN (SELECT media_id FROM video_posters WHERE media_id IS NOT NULL)`
	q := strings.TrimSpace(query)
	if q == "" {
		return own, nil
	}
	return own + ` AND (lower(caption) LIKE lower($1) ESCAPE '\' OR lower(alt) LIKE lower($1) ESCAPE '\'
	  OR lower(original_name) LIKE lower($1) ESCAPE '\')`, []any{"%" + escapeLike(q) + "%"}
}

// ListImages returns one page of the library matching query, newest first,
// each image with its variants.
func (s *Store) ListImages(ctx context.Context, query string, limit, offset int) ([]media.Image, error) {
	where, args := imageSearch(query)
	n := len(args)
	q := `SELECT ` + mediaColumns + ` FROM media` + where +
		fmt.Sprintf(` ORDER BY created_at DESC, id DESC LIMIT $%d OFFSET $%d`, n+1, n+2)
	rows, err := s.read.QueryContext(ctx, q, append(args, limit, offset)...)
	if err != nil {
		return nil, fmt.Errorf("list images: %w", err)
	}
	var list []media.Image
	err = scanEach(rows, func(r *sql.Rows) error {
		img, err := scanImage(r)
		list = append(list, img)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list images: %w", err)
	}
	ptrs := make([]*media.Image, len(list))
	for i := range list {
		ptrs[i] = &list[i]
	}
	return list, s.fillVariants(ctx, ptrs)
}

// CountImages counts the images ListImages pages through.
func (s *Store) CountImages(ctx context.Context, query string) (int, error) {
	where, args := imageSearch(query)
	var n int
	if err := s.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM media`+where, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count images: %w", err)
	}
	return n, nil
}

// UpdateImageText changes the words that go with an image.
func (s *Store) UpdateImageText(ctx context.Context, img media.Image) error {
	res, err := s.write.ExecContext(ctx, `UPDATE media SET alt = $2, caption = $3, credit = $4 WHERE id = $1`,
		img.ID, img.Alt, img.Caption, img.Credit)
	if err != nil {
		return fmt.Errorf("update image %d: %w", img.ID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return media.ErrNotFound
	}
	return nil
}

// DeleteImage removes an image and its variants; stories featuring it are
// left without a featured image (ON DELETE SET NULL).
func (s *Store) DeleteImage(ctx context.Context, id int64) error {
	if _, err := s.write.ExecContext(ctx, `DELETE FROM media WHERE id = $1`, id); err != nil {
		return fmt.Errorf("delete image %d: %w", id, err)
	}
	return nil
}

// ImageUsers lists the stories, trashed ones too, that feature img or show
// any of its files in their body. Only ID, headline and status are filled.
func (s *Store) ImageUsers(ctx context.Context, img media.Image) ([]article.Article, error) {
	stem := "%/media/" + escapeLike(imageStem(img.Path))
	rows, err := s.read.QueryContext(ctx, `SELECT id, headline, status FROM articles
	 WHERE featured_media_id = $1 OR body LIKE $2 ESCAPE '\' OR body LIKE $3 ESCAPE '\'
	 ORDER BY updated_at DESC, id DESC`, img.ID, stem+"-%", stem+".%")
	if err != nil {
		return nil, fmt.Errorf("stories using image %d: %w", img.ID, err)
	}
	var list []article.Article
	err = scanEach(rows, func(r *sql.Rows) error {
		var a article.Article
		err := r.Scan(&a.ID, &a.Headline, &a.Status)
		list = append(list, a)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("stories using image %d: %w", img.ID, err)
	}
	return list, nil
}

// imageStem is the part of a key every file of the image shares:
// "ab12cd" for "ab12cd-full.jpg", "photo" for the demo's "photo.jpg".
func imageStem(key string) string {
	return strings.TrimSuffix(strings.TrimSuffix(key, path.Ext(key)), "-full")
}

// fillVariants loads the resized versions of a batch of images in one query.
func (s *Store) fillVariants(ctx context.Context, images []*media.Image) error {
	if len(images) == 0 {
		return nil
	}
	byID := make(map[int64]*media.Image, len(images))
	ids := make([]any, 0, len(images))
	for _, img := range images {
		if _, seen := byID[img.ID]; !seen {
			ids = append(ids, img.ID)
		}
		byID[img.ID] = img
	}
	rows, err := s.read.QueryContext(ctx, `SELECT media_id, width, height, path, webp_path FROM media_variants
	  WHERE media_id IN (`+placeholders(1, len(ids))+`) ORDER BY media_id, width`, ids...)
	if err != nil {
		return fmt.Errorf("load image variants: %w", err)
	}
	err = scanEach(rows, func(r *sql.Rows) error {
		var id int64
		var v media.Variant
		if err := r.Scan(&id, &v.Width, &v.Height, &v.Path, &v.WebPPath); err != nil {
			return err
		}
		byID[id].Variants = append(byID[id].Variants, v)
		return nil
	})
	if err != nil {
		return fmt.Errorf("load image variants: %w", err)
	}
	// Two articles may share an image: give every copy the variants.
	for _, img := range images {
		img.Variants = byID[img.ID].Variants
	}
	return s.fillPosters(ctx, images)
}

// fillPosters loads, with their variants, the posters of the videos among
// images, which scanImage left with their IDs only.
func (s *Store) fillPosters(ctx context.Context, images []*media.Image) error {
	var posters []*media.Image
	for _, img := range images {
		if img.Poster != nil && img.Poster.Path == "" {
			posters = append(posters, img.Poster)
		}
	}
	if len(posters) == 0 {
		return nil
	}
	ids := make([]any, len(posters))
	for i, p := range posters {
		ids[i] = p.ID
	}
	rows, err := s.read.QueryContext(ctx, `SELECT `+mediaColumns+` FROM media WHERE id IN (`+placeholders(1, len(ids))+`)`, ids...)
	if err != nil {
		return fmt.Errorf("load video posters: %w", err)
	}
	found := map[int64]media.Image{}
	err = scanEach(rows, func(r *sql.Rows) error {
		img, err := scanImage(r)
		img.Poster = nil // a poster's own poster is never shown
		found[img.ID] = img
		return err
	})
	if err != nil {
		return fmt.Errorf("load video posters: %w", err)
	}
	for _, p := range posters {
		*p = found[p.ID]
	}
	return s.fillVariants(ctx, posters)
}
