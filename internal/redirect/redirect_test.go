package redirect

import "testing"

func TestSplitFeed(t *testing.T) {
	cases := []struct {
		in   string
		base string
		kind Feed
		ok   bool
	}{
		{"/feed/", "/", "", true},
		{"/feed/rss2/", "/", "", true},
		{"/feed/atom/", "/", "atom", true},
		{"/category/world/feed/", "/category/world/", "", true},
		{"/category/world/asia/feed/rdf/", "/category/world/asia/", "", true},
		{"/tag/ferries/feed/atom", "/tag/ferries/", "atom", true},
		{"/2019/03/04/story/feed/rss/", "/2019/03/04/story/", "", true},
		{"/news/feed/", "/news/", "", true},
		{"/category/world/", "", "", false},
		{"/category/feed-me/", "", "", false},
		{"/category/world/feed/json/", "", "", false},
		{"/atom/", "", "", false},
		{"feed", "", "", false},
		{"", "", "", false},
	}
	for _, c := range cases {
		base, kind, ok := SplitFeed(c.in)
		if base != c.base || kind != c.kind || ok != c.ok {
			t.Errorf("SplitFeed(%q) = %q, %q, %v; want %q, %q, %v", c.in, base, kind, ok, c.base, c.kind, c.ok)
		}
	}
}

func TestFeedKind(t *testing.T) {
	for name, want := range map[string]Feed{"rss2": "", "rss": "", "rdf": "", "atom": "atom"} {
		if got, ok := FeedKind(name); !ok || got != want {
			t.Errorf("FeedKind(%q) = %q, %v", name, got, ok)
		}
	}
	for _, name := range []string{"", "json", "comments-rss2"} {
		if _, ok := FeedKind(name); ok {
			t.Errorf("FeedKind(%q) is a feed", name)
		}
	}
}

func TestSplitPage(t *testing.T) {
	cases := map[string]string{
		"/category/world/page/2/":   "/category/world/",
		"/tag/ferries/page/12":      "/tag/ferries/",
		"/page/3/":                  "/",
		"/news/author/jane/page/2/": "/news/author/jane/",
		"/category/world/":          "",
		"/category/world/page/two/": "",
		"/category/world/page/":     "",
		"/category/world/pages/2/":  "",
		"/page/1234567890/":         "",
	}
	for in, want := range cases {
		base, ok := SplitPage(in)
		if base != want || ok != (want != "") {
			t.Errorf("SplitPage(%q) = %q, %v; want %q", in, base, ok, want)
		}
	}
}
