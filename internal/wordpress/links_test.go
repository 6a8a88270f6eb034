package wordpress

import (
	"testing"

	"github.com/datelinenews/dateline/internal/store"
)

// TestMapURL checks the converter's URL mapper on its own: uploads lead to
// imported media (resized copies to their original), links to imported
// stories to their new URLs, and links to stories not seen yet are noted
// for the end of the import.
func TestMapURL(t *testing.T) {
	im := &importer{host: "news.example.org", opt: Options{Uploads: "../../../shared/fixtures/wordpress/uploads"},
		maps: map[string]map[string]store.ImportEntry{
			mapMedia: {"2026/08/activists-in-port-arden.jpg": {ID: 3, Target: "/media/abc-full.jpg"}},
		},
		links: map[string]string{
			"/2026/08/03/old-slug/": "/2026/08/03/new-slug/",
			"/?p=12":                "/2026/08/03/new-slug/",
			"/?page_id=7":           "/about/",
		},
		current:    &pendingBody{},
		warnedOnce: map[string]bool{},
	}
	cases := map[string]string{
		"https://news.example.org/wp-content/uploads/2026/08/activists-in-port-arden.jpg":          "/media/abc-full.jpg",
		"https://news.example.org/wp-content/uploads/2026/08/activists-in-port-arden-1024x683.jpg": "/media/abc-full.jpg",
		"https://news.example.org/2026/08/03/old-slug/":                                            "/2026/08/03/new-slug/",
		"https://news.example.org/2026/08/03/old-slug/#comments":                                   "/2026/08/03/new-slug/#comments",
		"https://news.example.org/2026/08/03/old-slug":                                             "/2026/08/03/new-slug/",
		"https://news.example.org/?p=12":                                                           "/2026/08/03/new-slug/",
		"/?page_id=7":                                                                              "/about/",
		"https://elsewhere.example.com/2026/08/03/old-slug/":                                       "https://elsewhere.example.com/2026/08/03/old-slug/",
		"mailto:desk@news.example.org":                                                             "mailto:desk@news.example.org",
		"https://news.example.org/2026/09/01/later-story/":                                         "https://news.example.org/2026/09/01/later-story/",
	}
	for in, want := range cases {
		if got := im.mapURL(in); got != want {
			t.Errorf("mapURL(%q) = %q, want %q", in, got, want)
		}
	}
	if len(im.current.urls) != 1 || im.current.urls[0] != "https://news.example.org/2026/09/01/later-story/" {
		t.Errorf("links noted for later: %q, want the later story's only", im.current.urls)
	}
}
