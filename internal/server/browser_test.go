package server_test

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/datelinenews/dateline/internal/store/storetest"
	"github.com/datelinenews/dateline/internal/testenv"
)

// TestBrowserReadsAStory opens the front page in a real browser, follows
// the lead story's link, checks the headline, and checks that the browser
// asked nothing of any host but this one.
func TestBrowserReadsAStory(t *testing.T) {
	a := newApp(t, storetest.OpenSQLite(t))
	lead := a.published(t)[0]
	srv := httptest.NewServer(a.handler)
	t.Cleanup(srv.Close)

	ctx, requests := testenv.Browser(t)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS("#lead-headline a")),
		chromedp.Click(chromedp.CSS("#lead-headline a")),
		chromedp.WaitVisible(chromedp.CSS("h1.headline")),
	); err != nil {
		t.Fatalf("open front page and follow the lead: %v", err)
	}
	headline, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("h1.headline")))
	if err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(headline) != lead.Headline {
		t.Errorf("article headline = %q, want %q", headline, lead.Headline)
	}
	location, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(location, lead.Path(kabul())) {
		t.Errorf("browser at %s, want the lead's URL %s", location, lead.Path(kabul()))
	}
	if outside := requests.Outside("127.0.0.1"); len(outside) > 0 {
		t.Errorf("the page made requests outside 127.0.0.1: %v", outside)
	}
	var sawImage bool
	for _, u := range requests.URLs() {
		sawImage = sawImage || strings.Contains(u, "/media/")
	}
	if !sawImage {
		t.Errorf("the browser loaded no story image; requests: %v", requests.URLs())
	}
}
