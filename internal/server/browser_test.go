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

// TestBrowserPagesFitAPhone opens every story, left-to-right and
// right-to-left, and the front page at a phone's width: none may scroll
// sideways, which on a right-to-left page can leave the reader facing an
// empty screen.
func TestBrowserPagesFitAPhone(t *testing.T) {
	a := newApp(t, storetest.OpenSQLite(t))
	srv := httptest.NewServer(a.handler)
	t.Cleanup(srv.Close)
	ctx, _ := testenv.Browser(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(375, 800)); err != nil {
		t.Fatal(err)
	}
	paths := []string{"/"}
	rtl := 0
	for _, s := range a.published(t) {
		paths = append(paths, s.Path(kabul()))
		if s.Language == "fa" || s.Language == "ps" {
			rtl++
		}
	}
	if rtl == 0 {
		t.Fatal("the demo newsroom has no right-to-left story to check")
	}
	for _, p := range paths {
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+p), chromedp.WaitVisible(chromedp.CSS("footer"))); err != nil {
			t.Fatalf("open %s: %v", p, err)
		}
		over, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth - document.documentElement.clientWidth`))
		if err != nil {
			t.Fatal(err)
		}
		if over > 0 {
			t.Errorf("%s is %d px wider than a 375 px phone screen", p, over)
		}
	}
}
