package server_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/blob/disk"
	"github.com/datelinenews/dateline/internal/demo"
	"github.com/datelinenews/dateline/internal/poster"
	"github.com/datelinenews/dateline/internal/server"
	"github.com/datelinenews/dateline/internal/store"
)

// now is the fixed clock of every handler test.
var now = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

// app is the whole public site over a seeded demo newsroom.
type app struct {
	st       *store.Store
	articles *article.Service
	handler  http.Handler
	built    *server.App
}

// unreachable sends video poster fetches nowhere: there is no internet here.
var unreachable = poster.Sources{YouTube: "http://127.0.0.1:1", VimeoOEmbed: "http://127.0.0.1:1/oembed"}

// smallPictures keep the demo's generated photos cheap in tests.
var smallPictures = demo.Options{Width: 320, Height: 180, VariantWidths: []int{160}, SkipWebP: true}

// newApp builds the site over a seeded demo newsroom, on the fixed clock.
func newApp(t testing.TB, st *store.Store) *app {
	t.Helper()
	return newAppAt(t, st, func() time.Time { return now })
}

// newAppAt is newApp on a clock of the test's choosing, such as time.Now
// for browser tests that wait for the scheduler.
func newAppAt(t testing.TB, st *store.Store, clock func() time.Time) *app {
	t.Helper()
	ctx := context.Background()
	media, err := disk.New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Seed(ctx, st, media, clock(), smallPictures); err != nil {
		t.Fatal(err)
	}
	built, err := server.Build(ctx, server.Deps{Store: st, Media: media, Log: testLogger(t), Now: clock, VideoThumbnails: unreachable})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(built.Posters.Wait)
	return &app{st: st, articles: built.Articles, handler: built.Handler, built: built}
}

// get sends one request through the real router.
func (a *app) get(t testing.TB, target string, header ...string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	a.handler.ServeHTTP(rec, req)
	return rec.Result()
}

func body(t testing.TB, res *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// testLog sends the server's warnings and errors to the test's output.
type testLog struct{ t testing.TB }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(string(p))
	return len(p), nil
}

// testLogger logs the server's warnings and errors into the test's output.
func testLogger(t testing.TB) *slog.Logger {
	return slog.New(slog.NewTextHandler(testLog{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
}
