package testenv

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/chromedp/chromedp"
)

func TestBrowserClickLink(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!doctype html><html><head><title>Front page</title><link rel="icon" href="data:,"></head>
<body><p>Top stories</p><a id="next" href="/story">Read the story</a></body></html>`)
	})
	mux.HandleFunc("GET /story", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!doctype html><html><head><title>Story</title><link rel="icon" href="data:,"></head>
<body><h1>Council approves new bridge</h1></body></html>`)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)

	ctx, requests := Browser(t)

	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS("#next")),
		chromedp.Click(chromedp.CSS("#next")),
		chromedp.WaitVisible(chromedp.CSS("h1")),
	); err != nil {
		t.Fatalf("navigate and click: %v", err)
	}
	got, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("h1")))
	if err != nil {
		t.Fatalf("read h1: %v", err)
	}
	if want := "Council approves new bridge"; got != want {
		t.Errorf("h1 = %q, want %q", got, want)
	}

	urls := requests.URLs()
	for _, want := range []string{srv.URL + "/", srv.URL + "/story"} {
		if !slices.Contains(urls, want) {
			t.Errorf("request log %q lacks %q", urls, want)
		}
	}
	t.Logf("requests: %q", urls)
	if out := requests.Outside("127.0.0.1"); len(out) != 0 {
		t.Errorf("page made requests outside 127.0.0.1: %q", out)
	}
}

func TestRequestLogOutside(t *testing.T) {
	var l RequestLog
	for _, u := range []string{
		"http://127.0.0.1:34567/",
		"http://127.0.0.1:34567/story",
		"data:image/png;base64,AAAA",
		"about:blank",
		"blob:http://127.0.0.1:34567/2f1c",
		"chrome-extension://abcdef/script.js",
		"https://fonts.googleapis.com/css?family=Roboto",
		"http://[::1]:8080/x",
	} {
		l.add(u)
	}
	got := l.Outside("127.0.0.1")
	want := []string{"https://fonts.googleapis.com/css?family=Roboto", "http://[::1]:8080/x"}
	if !slices.Equal(got, want) {
		t.Errorf("Outside(127.0.0.1) = %q, want %q", got, want)
	}
	if got := l.Outside("127.0.0.1:34567", "FONTS.googleapis.com", "[::1]"); len(got) != 0 {
		t.Errorf("Outside with all hosts = %q, want none", got)
	}
	if n := len(l.URLs()); n != 8 {
		t.Errorf("len(URLs()) = %d, want 8", n)
	}
}
