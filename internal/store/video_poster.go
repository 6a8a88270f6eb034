package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/datelinenews/dateline/internal/media"
)

// VideoPosters returns the posters stored for these YouTube and Vimeo
// videos, by ExternalVideo.Key, with their variants; videos without one are
// left out.
func (s *Store) VideoPosters(ctx context.Context, videos []media.ExternalVideo) (map[string]media.Image, error) {
	out := map[string]media.Image{}
	if len(videos) == 0 {
		return out, nil
	}
	where, args := videoKeys(videos)
	rows, err := s.read.QueryContext(ctx, `SELECT v.provider, v.video_id, `+mediaColumnsOf("m")+` FROM video_posters v
	  JOIN media m ON m.id = v.media_id WHERE `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("video posters: %w", err)
	}
	var keys []string
	var list []*media.Image
	err = scanEach(rows, func(r *sql.Rows) error {
		var v media.ExternalVideo
		var img media.Image
		var poster sql.NullInt64
		err := r.Scan(&v.Provider, &v.ID, &img.ID, &img.Path, &img.WebPPath, &img.MIME, &img.Width, &img.Height, &img.Alt,
			&img.Caption, &img.Credit, &img.OriginalName, &img.SizeBytes, &img.CreatedAt, &poster)
		keys, list = append(keys, v.Key()), append(list, &img)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("video posters: %w", err)
	}
	if err := s.fillVariants(ctx, list); err != nil {
		return nil, err
	}
	for i, k := range keys {
		out[k] = *list[i]
	}
	return out, nil
}

// mediaColumnsOf is mediaColumns, each prefixed with a table alias.
func mediaColumnsOf(alias string) string {
	cols := strings.Split(mediaColumns, ", ")
	for i, c := range cols {
		cols[i] = alias + "." + c
	}
	return strings.Join(cols, ", ")
}

// videoKeys is the condition matching these videos' rows.
func videoKeys(videos []media.ExternalVideo) (string, []any) {
	where := ""
	args := make([]any, 0, 2*len(videos))
	for i, v := range videos {
		if i > 0 {
			where += " OR "
		}
		where += fmt.Sprintf("(provider = $%d AND video_id = $%d)", 2*i+1, 2*i+2)
		args = append(args, v.Provider, v.ID)
	}
	return "(" + where + ")", args
}

// VideoPostersDue returns which of these videos need a poster fetched: those
// without any, and those with a drawn stand-in whose next attempt is due.
func (s *Store) VideoPostersDue(ctx context.Context, videos []media.ExternalVideo, now time.Time) ([]media.ExternalVideo, error) {
	if len(videos) == 0 {
		return nil, nil
	}
	where, args := videoKeys(videos)
	rows, err := s.read.QueryContext(ctx, `SELECT provider, video_id, from_provider, next_attempt_at FROM video_posters WHERE `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("video posters due: %w", err)
	}
	settled := map[string]bool{}
	err = scanEach(rows, func(r *sql.Rows) error {
		var v media.ExternalVideo
		var fromProvider bool
		var next sql.NullTime
		err := r.Scan(&v.Provider, &v.ID, &fromProvider, &next)
		settled[v.Key()] = fromProvider || (next.Valid && next.Time.After(now))
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("video posters due: %w", err)
	}
	var due []media.ExternalVideo
	for _, v := range videos {
		if !settled[v.Key()] {
			due = append(due, v)
		}
	}
	return due, nil
}

// VideoPostersToRetry lists up to limit videos whose poster is a stand-in
// due for another attempt at the provider's, longest waiting first.
func (s *Store) VideoPostersToRetry(ctx context.Context, now time.Time, limit int) ([]media.ExternalVideo, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT provider, video_id FROM video_posters
	  WHERE NOT from_provider AND next_attempt_at <= $1 ORDER BY next_attempt_at LIMIT $2`, utc(now), limit)
	if err != nil {
		return nil, fmt.Errorf("video posters to retry: %w", err)
	}
	var list []media.ExternalVideo
	err = scanEach(rows, func(r *sql.Rows) error {
		var v media.ExternalVideo
		err := r.Scan(&v.Provider, &v.ID)
		list = append(list, v)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("video posters to retry: %w", err)
	}
	return list, nil
}

// SetVideoPoster records the poster of a video: the provider's own
// thumbnail (retry zero), or a stand-in with the time to try again, the
// count of failed attempts going up by one.
func (s *Store) SetVideoPoster(ctx context.Context, v media.ExternalVideo, mediaID int64, retry time.Time) error {
	fromProvider := retry.IsZero()
	next := sql.NullTime{Time: utc(retry), Valid: !fromProvider}
	failed := 0
	if !fromProvider {
		failed = 1
	}
	_, err := s.write.ExecContext(ctx, `INSERT INTO video_posters (provider, video_id, media_id, from_provider, attempts, next_attempt_at)
	  VALUES ($1, $2, $3, $4, $5, $6)
	  ON CONFLICT (provider, video_id) DO UPDATE SET media_id = excluded.media_id, from_provider = excluded.from_provider,
	    attempts = video_posters.attempts + excluded.attempts, next_attempt_at = excluded.next_attempt_at`,
		v.Provider, v.ID, mediaID, fromProvider, failed, next)
	if err != nil {
		return fmt.Errorf("set poster of %s: %w", v.Key(), err)
	}
	return nil
}

// VideoPosterAttempts is how many times fetching the provider's thumbnail
// for v has failed, to space out the next attempts.
func (s *Store) VideoPosterAttempts(ctx context.Context, v media.ExternalVideo) (int, error) {
	var n int
	err := s.read.QueryRowContext(ctx, `SELECT attempts FROM video_posters WHERE provider = $1 AND video_id = $2`, v.Provider, v.ID).Scan(&n)
	if err == sql.ErrNoRows {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("poster attempts of %s: %w", v.Key(), err)
	}
	return n, nil
}

// VideoUsers lists the ids of the stories whose body mentions a video's
// id, so the pages showing its poster can be refreshed when it arrives.
// A story that merely quotes the id is listed too: a harmless extra.
func (s *Store) VideoUsers(ctx context.Context, v media.ExternalVideo) ([]int64, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT id FROM articles WHERE body LIKE $1 ESCAPE '\'`, "%"+escapeLike(v.ID)+"%")
	if err != nil {
		return nil, fmt.Errorf("stories showing video %s: %w", v.Key(), err)
	}
	ids, err := scanIDs(rows, nil)
	if err != nil {
		return nil, fmt.Errorf("stories showing video %s: %w", v.Key(), err)
	}
	return ids, nil
}
