// Package poster gives the YouTube and Vimeo videos in stories a poster
// image served by Dateline itself, so that a reader's browser has nothing
// to ask of the video site until the reader presses play.
//
// When a story is saved, each new video's thumbnail is fetched from the
// provider on the server, put through media.Process like any upload (no
// metadata, several widths) and stored. When the provider cannot be reached
// a neutral stand-in with a play symbol is used instead, and the fetch is
// tried again later. All of it runs in the background, bounded in time:
// saving a story never waits for it or fails because of it.
package poster

import (
	"context"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/datelinenews/dateline/internal/blob"
	"github.com/datelinenews/dateline/internal/media"
)

// Sources are where thumbnails are fetched from; tests point them at a
// local server.
type Sources struct {
	YouTube     string // base of YouTube's thumbnail host; /vi/<id>/hqdefault.jpg is appended
	VimeoOEmbed string // Vimeo's oEmbed endpoint, asked for the video's thumbnail_url
}

// Providers are the real video sites.
func Providers() Sources {
	return Sources{YouTube: "https://i.ytimg.com", VimeoOEmbed: "https://vimeo.com/api/oembed.json"}
}

// Store is what the poster maker reads and writes.
type Store interface {
	VideoPostersDue(ctx context.Context, videos []media.ExternalVideo, now time.Time) ([]media.ExternalVideo, error)
	VideoPostersToRetry(ctx context.Context, now time.Time, limit int) ([]media.ExternalVideo, error)
	VideoPosterAttempts(ctx context.Context, v media.ExternalVideo) (int, error)
	SetVideoPoster(ctx context.Context, v media.ExternalVideo, mediaID int64, retry time.Time) error
	ImageByPath(ctx context.Context, key string) (media.Image, error)
	CreateImage(ctx context.Context, img media.Image, now time.Time) (int64, error)
}

// Maker fetches, makes and stores posters.
type Maker struct {
	Sources Sources
	Client  *http.Client // nil: one with a 15-second timeout
	Store   Store
	Bucket  blob.Bucket
	Gate    *media.Gate // shared with uploads: posters are images to decode too
	Now     func() time.Time
	Log     *slog.Logger
	// Timeout bounds one background run for a saved story; zero: two minutes.
	Timeout time.Duration
	running sync.WaitGroup
}

// Queue makes posters for the videos that lack one, in the background.
func (m *Maker) Queue(videos []media.ExternalVideo) {
	if len(videos) == 0 {
		return
	}
	m.running.Go(func() {
		ctx, cancel := context.WithTimeout(context.Background(), m.timeout())
		defer cancel()
		due, err := m.Store.VideoPostersDue(ctx, videos, m.Now())
		if err != nil {
			m.Log.Error("video posters", slog.Any("err", err))
			return
		}
		m.make(ctx, due)
	})
}

// Wait returns once every queued run has finished, for shutdown and tests.
func (m *Maker) Wait() { m.running.Wait() }

// RetryDue tries again, for videos showing a stand-in, to fetch the
// provider's thumbnail: the scheduled job.
func (m *Maker) RetryDue(ctx context.Context) error {
	due, err := m.Store.VideoPostersToRetry(ctx, m.Now(), 20)
	if err != nil {
		return err
	}
	m.make(ctx, due)
	return nil
}

func (m *Maker) timeout() time.Duration {
	if m.Timeout > 0 {
		return m.Timeout
	}
	return 2 * time.Minute
}

// make gives each video a poster: the provider's thumbnail, or failing
// that the stand-in, with a later attempt scheduled.
func (m *Maker) make(ctx context.Context, videos []media.ExternalVideo) {
	for _, v := range videos {
		if ctx.Err() != nil {
			return
		}
		if err := m.one(ctx, v); err != nil {
			m.Log.Error("video poster", slog.String("video", v.Key()), slog.Any("err", err))
		}
	}
}

func (m *Maker) one(ctx context.Context, v media.ExternalVideo) error {
	data, err := m.fetch(ctx, v)
	if err == nil {
		var img media.Image
		if img, err = m.save(ctx, data, "Poster of the "+v.Provider+" video "+v.ID); err == nil {
			return m.Store.SetVideoPoster(ctx, v, img.ID, time.Time{})
		}
	}
	m.Log.Warn("video thumbnail not fetched; using a stand-in", slog.String("video", v.Key()), slog.Any("err", err))
	attempts, aerr := m.Store.VideoPosterAttempts(ctx, v)
	if aerr != nil {
		return aerr
	}
	img, serr := m.standIn(ctx)
	if serr != nil {
		return serr
	}
	return m.Store.SetVideoPoster(ctx, v, img.ID, m.Now().Add(backoff(attempts)))
}

// backoff spaces attempts out: ten minutes after the first failure,
// doubling up to a day.
func backoff(failures int) time.Duration {
	d := 10 * time.Minute
	for range min(failures, 8) {
		d *= 2
	}
	return min(d, 24*time.Hour)
}
