package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/datelinenews/dateline/internal/media"
)

// CreateImage records an image and its variants, already saved in the blob store.
func (s *Store) CreateImage(ctx context.Context, img media.Image, now time.Time) (int64, error) {
	const q = `INSERT INTO media (path, mime, width, height, alt, caption, credit, created_at)
	  VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`
	var id int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, q, img.Path, img.MIME, img.Width, img.Height, img.Alt, img.Caption, img.Credit, utc(now)).Scan(&id)
		if err != nil {
			return err
		}
		for _, v := range img.Variants {
			_, err := tx.ExecContext(ctx, `INSERT INTO media_variants (media_id, width, height, path) VALUES ($1, $2, $3, $4)`,
				id, v.Width, v.Height, v.Path)
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("create image %s: %w", img.Path, err)
	}
	return id, nil
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
	rows, err := s.read.QueryContext(ctx, `SELECT media_id, width, height, path FROM media_variants
	  WHERE media_id IN (`+placeholders(1, len(ids))+`) ORDER BY media_id, width`, ids...)
	if err != nil {
		return fmt.Errorf("load image variants: %w", err)
	}
	err = scanEach(rows, func(r *sql.Rows) error {
		var id int64
		var v media.Variant
		if err := r.Scan(&id, &v.Width, &v.Height, &v.Path); err != nil {
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
	return nil
}
