package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/datelinenews/dateline/internal/media"
)

// ImagesByKeys returns the library entries that own any of keys (the key of
// their full version, of its WebP copy or of a variant), each under every
// key of its files, with variants and, for videos, posters.
func (s *Store) ImagesByKeys(ctx context.Context, keys []string) (map[string]media.Image, error) {
	out := map[string]media.Image{}
	if len(keys) == 0 {
		return out, nil
	}
	args := make([]any, len(keys))
	for i, k := range keys {
		args[i] = k
	}
	in := placeholders(1, len(keys))
	rows, err := s.read.QueryContext(ctx, `SELECT `+mediaColumns+` FROM media WHERE path IN (`+in+`) OR webp_path IN (`+in+`)
	    OR id IN (SELECT media_id FROM media_variants WHERE path IN (`+in+`) OR webp_path IN (`+in+`))`, args...)
	if err != nil {
		return nil, fmt.Errorf("images by key: %w", err)
	}
	var list []*media.Image
	err = scanEach(rows, func(r *sql.Rows) error {
		img, err := scanImage(r)
		list = append(list, &img)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("images by key: %w", err)
	}
	if err := s.fillVariants(ctx, list); err != nil {
		return nil, err
	}
	for _, img := range list {
		for _, k := range img.Keys() {
			out[k] = *img
		}
	}
	return out, nil
}

// SetImagePoster chooses the picture a video file shows before it plays;
// posterID 0 takes it away.
func (s *Store) SetImagePoster(ctx context.Context, id, posterID int64) error {
	poster := sql.NullInt64{Int64: posterID, Valid: posterID > 0}
	res, err := s.write.ExecContext(ctx, `UPDATE media SET poster_media_id = $2 WHERE id = $1`, id, poster)
	if err != nil {
		return fmt.Errorf("set poster of %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return media.ErrNotFound
	}
	return nil
}
