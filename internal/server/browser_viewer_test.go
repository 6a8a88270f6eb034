package server_test

import (
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/datelinenews/dateline/internal/store/storetest"
	"github.com/datelinenews/dateline/internal/testenv"
)

// TestBrowserImageViewer: the full-size link opens the picture in place,
// Escape closes it, and focus returns to the link.
func TestBrowserImageViewer(t *testing.T) {
	a := newApp(t, storetest.OpenSQLite(t))
	story := a.published(t)[0]
	srv := httptest.NewServer(a.handler)
	t.Cleanup(srv.Close)
	b, requests := testenv.Browser(t)
	if err := chromedp.Do(b,
		chromedp.Navigate(srv.URL+story.Path(kabul())),
		chromedp.WaitVisible(chromedp.CSS("a.full-size-link")),
		chromedp.Click(chromedp.CSS("a.full-size-link")),
		chromedp.WaitVisible(chromedp.CSS("dialog.viewer[open] img")),
	); err != nil {
		t.Fatalf("open the viewer: %v", err)
	}
	src, err := chromedp.Run(b, chromedp.Evaluate[string](`document.querySelector("dialog.viewer img").src`))
	if err != nil || src == "" {
		t.Fatalf("viewer image src %q, %v", src, err)
	}
	if err := chromedp.Do(b,
		chromedp.KeyEvent("\x1b"), // Escape
		chromedp.WaitNotPresent(chromedp.CSS("dialog.viewer[open]")),
	); err != nil {
		t.Fatalf("Escape did not close the viewer: %v", err)
	}
	focused, err := chromedp.Run(b, chromedp.Evaluate[string](`document.activeElement.className`))
	if err != nil || focused != "full-size-link" {
		t.Errorf("focus after closing is on %q, want the full-size link", focused)
	}
	if outside := requests.Outside("127.0.0.1"); len(outside) > 0 {
		t.Errorf("requests outside 127.0.0.1: %v", outside)
	}
}
