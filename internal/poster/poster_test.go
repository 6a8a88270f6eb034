package poster

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/datelinenews/dateline/internal/blob/disk"
	"github.com/datelinenews/dateline/internal/media"
	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/store/storetest"
)

// thumbnail is a real camera photo with EXIF GPS and IPTC blocks, standing
// in for the provider's thumbnail: what it carries must not reach readers.
const thumbnail = "/work/shared/fixtures/wordpress/uploads/2026/08/scenes-from-brightwater-1.jpg"

// provider pretends to be YouTube's thumbnail host and Vimeo's oEmbed
// endpoint; down makes every answer a 503.
type provider struct {
	*httptest.Server
	down     atomic.Bool
	requests atomic.Int32
}

func newProvider(t *testing.T) *provider {
	photo, err := os.ReadFile(thumbnail)
	if err != nil {
		t.Fatal(err)
	}
	p := &provider{}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /vi/{id}/hqdefault.jpg", func(w http.ResponseWriter, r *http.Request) {
		if r.PathValue("id") != "dQw4w9WgXcQ" {
			http.NotFound(w, r)
			return
		}
		w.Write(photo)
	})
	mux.HandleFunc("GET /api/oembed.json", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("url") != "https://vimeo.com/76979871" {
			http.NotFound(w, r)
			return
		}
		json.NewEncoder(w).Encode(map[string]string{"thumbnail_url": p.URL + "/vimeo-thumb.jpg"})
	})
	mux.HandleFunc("GET /vimeo-thumb.jpg", func(w http.ResponseWriter, r *http.Request) { w.Write(photo) })
	p.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.requests.Add(1)
		if p.down.Load() {
			http.Error(w, "down", http.StatusServiceUnavailable)
			return
		}
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(p.Close)
	return p
}

type clock struct{ now atomic.Int64 }

func (c *clock) Now() time.Time          { return time.Unix(0, c.now.Load()).UTC() }
func (c *clock) advance(d time.Duration) { c.now.Add(int64(d)) }

func newMaker(t *testing.T, st *store.Store, p *provider) (*Maker, *disk.Bucket, *clock) {
	bucket, err := disk.New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	c := &clock{}
	c.now.Store(time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC).UnixNano())
	m := &Maker{Sources: Sources{YouTube: p.URL, VimeoOEmbed: p.URL + "/api/oembed.json"}, Store: st, Bucket: bucket,
		Gate: media.NewGate(1, time.Minute), Now: c.Now, Log: slog.New(slog.DiscardHandler)}
	return m, bucket, c
}

var (
	youtube = media.ExternalVideo{Provider: "youtube", ID: "dQw4w9WgXcQ"}
	vimeo   = media.ExternalVideo{Provider: "vimeo", ID: "76979871"}
)

func TestPostersFromProviders(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		p := newProvider(t)
		m, bucket, _ := newMaker(t, st, p)
		m.Queue([]media.ExternalVideo{youtube, vimeo})
		m.Wait()
		posters, err := st.VideoPosters(context.Background(), []media.ExternalVideo{youtube, vimeo})
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range []media.ExternalVideo{youtube, vimeo} {
			img, ok := posters[v.Key()]
			if !ok || len(img.Variants) == 0 || img.Width == 0 {
				t.Fatalf("%s: no poster with variants: %+v", v.Key(), img)
			}
			checkClean(t, bucket, img)
		}
		if due, _ := st.VideoPostersDue(context.Background(), []media.ExternalVideo{youtube, vimeo}, m.Now()); len(due) != 0 {
			t.Errorf("still due after fetching: %v", due)
		}
		// Saving the story again asks the provider nothing.
		before := p.requests.Load()
		m.Queue([]media.ExternalVideo{youtube})
		m.Wait()
		if p.requests.Load() != before {
			t.Error("a video with its poster was fetched again")
		}
		if n, _ := st.CountImages(context.Background(), ""); n != 0 {
			t.Errorf("the media library lists %d video posters", n)
		}
	})
}

// TestPosterStandIn: with the provider down, the video gets the drawn
// stand-in at once and a later attempt; once due and the provider back, the
// real thumbnail replaces it.
func TestPosterStandIn(t *testing.T) {
	t.Parallel()
	st := storetest.OpenSQLite(t)
	p := newProvider(t)
	p.down.Store(true)
	m, bucket, c := newMaker(t, st, p)
	ctx := context.Background()
	m.Queue([]media.ExternalVideo{youtube, vimeo})
	m.Wait()
	posters, _ := st.VideoPosters(ctx, []media.ExternalVideo{youtube, vimeo})
	standIn := posters[youtube.Key()]
	if standIn.ID == 0 || posters[vimeo.Key()].ID != standIn.ID || standIn.Width != 1280 || standIn.Height != 720 {
		t.Fatalf("stand-ins: %+v %+v", standIn, posters[vimeo.Key()])
	}
	checkClean(t, bucket, standIn)
	if err := m.RetryDue(ctx); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.VideoPosters(ctx, []media.ExternalVideo{youtube}); got[youtube.Key()].ID != standIn.ID {
		t.Error("retried before the attempt was due")
	}
	p.down.Store(false)
	c.advance(11 * time.Minute)
	if err := m.RetryDue(ctx); err != nil {
		t.Fatal(err)
	}
	got, _ := st.VideoPosters(ctx, []media.ExternalVideo{youtube, vimeo})
	if got[youtube.Key()].ID == standIn.ID || got[vimeo.Key()].ID == standIn.ID {
		t.Errorf("stand-in kept after the provider came back: %d %d", got[youtube.Key()].ID, got[vimeo.Key()].ID)
	}
}

// TestPosterTimeout: a provider that never answers does not hold the
// background run past its timeout, and the video still gets the stand-in.
func TestPosterTimeout(t *testing.T) {
	t.Parallel()
	st := storetest.OpenSQLite(t)
	release := make(chan struct{})
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	t.Cleanup(func() { close(release); slow.Close() })
	m, _, _ := newMaker(t, st, &provider{Server: slow})
	m.Client = &http.Client{Timeout: 200 * time.Millisecond}
	m.Queue([]media.ExternalVideo{youtube})
	m.Wait()
	posters, _ := st.VideoPosters(context.Background(), []media.ExternalVideo{youtube})
	if posters[youtube.Key()].Width != 1280 {
		t.Errorf("no stand-in after a timeout: %+v", posters)
	}
}

// checkClean reads every stored file of img: each must be there and carry
// no EXIF or IPTC.
func checkClean(t *testing.T, bucket *disk.Bucket, img media.Image) {
	t.Helper()
	for _, k := range img.Keys() {
		obj, err := bucket.Open(context.Background(), k)
		if err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		data, _ := io.ReadAll(obj)
		obj.Close()
		if bytes.Contains(data, []byte("Exif")) || bytes.Contains(data, []byte("8BIM")) {
			t.Errorf("%s keeps metadata", k)
		}
	}
}
