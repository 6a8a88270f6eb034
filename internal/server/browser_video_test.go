package server_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/sanitize"
	"github.com/datelinenews/dateline/internal/store/storetest"
	"github.com/datelinenews/dateline/internal/testenv"
)

// TestBrowserVideoFacade: a video in a story makes no request to the video
// site until the reader presses play, and then uses the privacy host. Its
// poster comes from the site itself (here the drawn stand-in, as the
// provider cannot be reached from the tests).
func TestBrowserVideoFacade(t *testing.T) {
	a := newApp(t, storetest.OpenSQLite(t))
	story := a.published(t)[0]
	in := article.InputOf(story)
	in.Body = "Watch the council meeting:\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n" + in.Body
	if _, err := a.articles.Update(context.Background(), story.ID, in); err != nil {
		t.Fatal(err)
	}
	_, videos := sanitize.Refs(in.Body)
	a.built.Posters.Queue(videos) // as saving in the desk does
	a.built.Posters.Wait()
	srv := httptest.NewServer(a.handler)
	t.Cleanup(srv.Close)
	b, requests := testenv.Browser(t)
	if err := chromedp.Do(b,
		chromedp.Navigate(srv.URL+story.Path(kabul())),
		chromedp.WaitVisible(chromedp.CSS("a.video-play")),
	); err != nil {
		t.Fatal(err)
	}
	poster, err := chromedp.Run(b, chromedp.Poll[string](`(() => {
		const img = document.querySelector("a.video-play img.video-poster");
		return img && img.complete && img.naturalWidth > 0 ? img.currentSrc : "";
	})()`, chromedp.WithPollingTimeout(30*time.Second)))
	if err != nil || !strings.HasPrefix(poster, srv.URL+"/media/") {
		t.Fatalf("poster loaded from %q (%v), want the site's own /media/", poster, err)
	}
	if outside := requests.Outside("127.0.0.1"); len(outside) > 0 {
		t.Fatalf("before play, requests left 127.0.0.1: %v", outside)
	}
	if err := chromedp.Do(b,
		chromedp.Click(chromedp.CSS("a.video-play")),
		chromedp.WaitReady(chromedp.CSS(".video-facade iframe")),
	); err != nil {
		t.Fatal(err)
	}
	src, err := chromedp.Run(b, chromedp.Evaluate[string](`document.querySelector(".video-facade iframe").src`))
	if err != nil || !strings.HasPrefix(src, "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ") {
		t.Errorf("player src %q, %v", src, err)
	}
	for _, u := range requests.URLs() {
		if strings.Contains(u, "youtube.com/") && !strings.Contains(u, "youtube-nocookie.com") {
			t.Errorf("request to youtube.com itself: %s", u)
		}
	}
}
