package server_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/comment"
	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/store/storetest"
)

// liveSite is the app behind a real HTTP server, so that feeds and
// sitemaps carry the server's own address and every link in them can be
// followed.
type liveSite struct {
	*app
	srv     *httptest.Server
	fetched map[string]int // URL → status, so each is fetched once
}

func newLiveSite(t *testing.T, st *store.Store) *liveSite {
	t.Helper()
	a := newApp(t, st)
	srv := httptest.NewServer(a.handler)
	t.Cleanup(srv.Close)
	return &liveSite{app: a, srv: srv, fetched: map[string]int{}}
}

// fetch GETs an absolute URL over HTTP, without following redirects.
func (s *liveSite) fetch(t *testing.T, u string) *http.Response {
	t.Helper()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { res.Body.Close() })
	return res
}

// resolves checks that u is on this server and answers 200.
func (s *liveSite) resolves(t *testing.T, what, u string) {
	t.Helper()
	if !strings.HasPrefix(u, s.srv.URL+"/") {
		t.Errorf("%s %q is not on %s", what, u, s.srv.URL)
		return
	}
	status, ok := s.fetched[u]
	if !ok {
		res := s.fetch(t, u)
		status = res.StatusCode
		s.fetched[u] = status
	}
	if status != http.StatusOK {
		t.Errorf("%s %s answers %d", what, u, status)
	}
}

// parseFeedAt fetches and parses a feed with gofeed.
func (s *liveSite) parseFeedAt(t *testing.T, path string) *gofeed.Feed {
	t.Helper()
	res := s.fetch(t, s.srv.URL+path)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s = %d", path, res.StatusCode)
	}
	f, err := gofeed.NewParser().Parse(res.Body)
	if err != nil {
		t.Fatalf("GET %s: the feed parser refuses it: %v", path, err)
	}
	return f
}

// storyFeeds are the story feeds of the site, a section, a tag and an
// author, in each format, with the feed type gofeed must recognise.
func storyFeeds(first article.Article) (paths []string, types map[string]string) {
	types = map[string]string{"": "rss", "atom/": "atom", "json/": "json"}
	for _, base := range []string{"/", first.Section.Path(), first.Tags[0].Path(), first.Authors[0].Path()} {
		for suffix := range types {
			paths = append(paths, base+"feed/"+suffix)
		}
	}
	return paths, types
}

func TestFeedsParsedByAFeedReader(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		s := newLiveSite(t, st)
		stories := s.published(t)
		byURL := map[string]article.Article{}
		for _, a := range stories {
			byURL[decodedURL(s.srv.URL+a.Path(kabul()))] = a
		}
		paths, types := storyFeeds(stories[0])
		for _, path := range paths {
			t.Run(path, func(t *testing.T) {
				f := s.parseFeedAt(t, path)
				if want := types[strings.TrimPrefix(path[strings.Index(path, "feed/"):], "feed/")]; f.FeedType != want {
					t.Errorf("feed type %q, want %q", f.FeedType, want)
				}
				s.checkFeedHead(t, f, path)
				if len(f.Items) == 0 {
					t.Fatal("no items")
				}
				images := 0
				for _, it := range f.Items {
					s.checkStoryItem(t, it, byURL, true)
					if f.FeedType == "atom" && it.UpdatedParsed == nil {
						t.Errorf("Atom entry %q has no updated time", it.Title)
					}
					if itemImage(it) != "" {
						images++
					}
				}
				if images == 0 {
					t.Error("no item carries a featured image")
				}
			})
		}
	})
}

// checkFeedHead checks the feed's own fields and links.
func (s *liveSite) checkFeedHead(t *testing.T, f *gofeed.Feed, path string) {
	t.Helper()
	if f.Title == "" || f.Language == "" {
		t.Errorf("title %q, language %q", f.Title, f.Language)
	}
	s.resolves(t, "feed link", f.Link)
	if f.FeedLink != s.srv.URL+path {
		t.Errorf("self link %q, want %q", f.FeedLink, s.srv.URL+path)
	}
	if f.UpdatedParsed == nil && f.FeedType != "json" {
		t.Errorf("no update time (%q)", f.Updated)
	}
}

// checkStoryItem checks an item against the story it links to.
func (s *liveSite) checkStoryItem(t *testing.T, it *gofeed.Item, byURL map[string]article.Article, fullText bool) {
	t.Helper()
	a, ok := byURL[decodedURL(it.Link)]
	if !ok {
		t.Errorf("item %q links to %q, not a published story", it.Title, it.Link)
		return
	}
	s.resolves(t, "item link", it.Link)
	if it.Title != a.Headline || it.GUID == "" {
		t.Errorf("item %q: title %q, guid %q", a.Headline, it.Title, it.GUID)
	}
	if it.PublishedParsed == nil || !it.PublishedParsed.Equal(a.PublishedAt.Truncate(time.Second)) {
		t.Errorf("%q: published %v (%q), want %v", a.Headline, it.PublishedParsed, it.Published, a.PublishedAt)
	}
	if it.UpdatedParsed != nil && !it.UpdatedParsed.Equal(a.UpdatedAt.Truncate(time.Second)) {
		t.Errorf("%q: updated %v, want %v", a.Headline, it.UpdatedParsed, a.UpdatedAt)
	}
	if len(it.Authors) == 0 || it.Authors[0].Name != a.Authors[0].Name || it.Authors[0].Email != "" {
		t.Errorf("%q: authors %+v, want %q and no email", a.Headline, it.Authors, a.Authors[0].Name)
	}
	switch {
	case fullText && (it.Content == "" || !strings.Contains(it.Content, "<p>")):
		t.Errorf("%q: full text wanted, content is %q", a.Headline, it.Content)
	// JSON Feed requires content, so an excerpt there is the standfirst as content_text.
	case !fullText && (it.Content != "" && it.Content != a.Standfirst || strings.TrimSpace(it.Description) != a.Standfirst):
		t.Errorf("%q: excerpt wanted: content %d bytes, summary %q, standfirst %q", a.Headline, len(it.Content), it.Description, a.Standfirst)
	}
	if a.FeaturedImage != nil {
		img := itemImage(it)
		if img == "" {
			t.Errorf("%q: the featured image is in no field the parser reads (image %+v, enclosures %+v)", a.Headline, it.Image, it.Enclosures)
			return
		}
		s.resolves(t, "image", img)
	}
}

// decodedURL writes u with its path unescaped: feeds give a Dari story's
// address as Unicode (an IRI), and the parser escapes Atom's links.
func decodedURL(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return u
	}
	return p.Scheme + "://" + p.Host + p.Path
}

// itemImage is the picture a feed reader shows for an item.
func itemImage(it *gofeed.Item) string {
	if it.Image != nil && it.Image.URL != "" {
		return it.Image.URL
	}
	for _, e := range it.Enclosures {
		if strings.HasPrefix(e.Type, "image/") {
			return e.URL
		}
	}
	return ""
}

func TestFeedExcerptsParsedByAFeedReader(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		s := newLiveSite(t, st)
		if err := st.SetFeedFullText(context.Background(), false); err != nil {
			t.Fatal(err)
		}
		stories := s.published(t)
		byURL := map[string]article.Article{}
		for _, a := range stories {
			byURL[decodedURL(s.srv.URL+a.Path(kabul()))] = a
		}
		for _, path := range []string{"/feed/", "/feed/atom/", "/feed/json/"} {
			t.Run(path, func(t *testing.T) {
				for _, it := range s.parseFeedAt(t, path).Items {
					s.checkStoryItem(t, it, byURL, false)
				}
			})
		}
	})
}

func TestCommentFeedsParsedByAFeedReader(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		s := newLiveSite(t, st)
		story := s.open(t)[0]
		res := s.postComment(t, s.commentForm(story, "Lina", "lina@example.org", "A fair point, well made."), "192.0.2.7")
		c := s.commentByLocation(t, res)
		if _, err := s.built.Comments.SetStatus(context.Background(), []int64{c.ID}, comment.Approved); err != nil {
			t.Fatal(err)
		}
		for _, path := range []string{"/comments/feed/", story.Path(kabul()) + "feed/"} {
			t.Run(path, func(t *testing.T) {
				f := s.parseFeedAt(t, path)
				if f.FeedType != "rss" || f.Title == "" {
					t.Errorf("type %q, title %q", f.FeedType, f.Title)
				}
				s.resolves(t, "feed link", f.Link)
				if len(f.Items) != 1 {
					t.Fatalf("%d items, want the approved comment", len(f.Items))
				}
				it := f.Items[0]
				if it.GUID == "" || it.PublishedParsed == nil || len(it.Authors) == 0 || it.Authors[0].Name != "Lina" ||
					!strings.Contains(it.Description, "A fair point") {
					t.Errorf("comment item: guid %q, published %q, authors %+v, description %q", it.GUID, it.Published, it.Authors, it.Description)
				}
				if strings.Contains(it.Description, "lina@example.org") || it.Authors[0].Email != "" {
					t.Error("the commenter's email is in the feed")
				}
				s.resolves(t, "comment link", it.Link)
				if !strings.HasPrefix(it.Link, s.srv.URL+story.Path(kabul())) {
					t.Errorf("comment link %q is not on its story", it.Link)
				}
			})
		}
	})
}
