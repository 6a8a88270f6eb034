package server_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/store/storetest"
	"github.com/datelinenews/dateline/internal/testenv"
)

// TestBrowserVideoFacade: a video in a story makes no request to the video
// site until the reader presses play, and then uses the privacy host.
func TestBrowserVideoFacade(t *testing.T) {
	a := newApp(t, storetest.OpenSQLite(t))
	story := a.published(t)[0]
	in := article.InputOf(story)
	in.Body = "Watch the council meeting:\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n" + in.Body
	if _, err := a.articles.Update(context.Background(), story.ID, in); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(a.handler)
	t.Cleanup(srv.Close)
	b, requests := testenv.Browser(t)
	if err := chromedp.Do(b,
		chromedp.Navigate(srv.URL+story.Path(kabul())),
		chromedp.WaitVisible(chromedp.CSS("a.video-play")),
	); err != nil {
		t.Fatal(err)
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
