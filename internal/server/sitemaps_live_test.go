package server_test

import (
	"bufio"
	"context"
	"encoding/xml"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/store/storetest"
)

// getLiveXML fetches an absolute URL on the live site and parses it.
func (s *liveSite) getLiveXML(t *testing.T, u string, doc any) {
	t.Helper()
	res := s.fetch(t, u)
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/xml") {
		t.Fatalf("GET %s = %d %q", u, res.StatusCode, res.Header.Get("Content-Type"))
	}
	if err := xml.NewDecoder(res.Body).Decode(doc); err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
}

// sitemapFromRobots reads the Sitemap line of robots.txt.
func (s *liveSite) sitemapFromRobots(t *testing.T) string {
	t.Helper()
	res := s.fetch(t, s.srv.URL+"/robots.txt")
	sc := bufio.NewScanner(res.Body)
	for sc.Scan() {
		if u, ok := strings.CutPrefix(sc.Text(), "Sitemap: "); ok {
			return u
		}
	}
	t.Fatal("robots.txt has no Sitemap line")
	return ""
}

// TestSitemapsLive follows robots.txt to the sitemap index, parses every
// sitemap in it, fetches every address listed and checks each story's
// lastmod against the story.
func TestSitemapsLive(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		s := newLiveSite(t, st)
		model := s.published(t)[0]
		recent := s.addStory(t, model, "Filed 47 hours ago", now.Add(-47*time.Hour))
		old := s.addStory(t, model, "Filed 49 hours ago", now.Add(-49*time.Hour))
		edited := s.addStory(t, model, "Filed last month, edited today", now.AddDate(0, -1, 0))
		in := article.InputOf(edited)
		in.Body += "\n\nAn added paragraph."
		if _, err := s.articles.Update(context.Background(), edited.ID, in); err != nil {
			t.Fatal(err)
		}
		byURL := map[string]article.Article{}
		for _, a := range s.published(t) {
			byURL[decodedURL(s.srv.URL+a.Path(kabul()))] = a
		}

		var idx struct {
			Sitemaps []struct {
				Loc     string `xml:"loc"`
				LastMod string `xml:"lastmod"`
			} `xml:"sitemap"`
		}
		s.getLiveXML(t, s.sitemapFromRobots(t), &idx)
		listed := map[string]bool{}
		for _, sm := range idx.Sitemaps {
			if !strings.HasPrefix(sm.Loc, s.srv.URL+"/") {
				t.Errorf("sitemap %q is not on this site", sm.Loc)
				continue
			}
			var set urlSetDoc
			s.getLiveXML(t, sm.Loc, &set)
			newest := s.checkURLSet(t, sm.Loc, set, byURL, listed)
			if lm, err := time.Parse(time.RFC3339, sm.LastMod); err != nil || !lm.Equal(newest) {
				t.Errorf("index: %s lastmod %q (%v), want its newest entry %s", sm.Loc, sm.LastMod, err, newest)
			}
			if strings.HasSuffix(sm.Loc, "/sitemap-news.xml") {
				checkNewsWindow(t, s, set, recent, old)
			}
		}
		for u, a := range byURL {
			if !listed[u] {
				t.Errorf("story %q (%s) is in no sitemap", a.Headline, u)
			}
		}
		if got := byURL[decodedURL(s.srv.URL+edited.Path(kabul()))]; !got.UpdatedAt.Equal(now) {
			t.Errorf("the edited story's modification time is %s, want %s", got.UpdatedAt, now)
		}
	})
}

// checkURLSet fetches every address of one sitemap, checks the stories'
// lastmod and returns the newest lastmod.
func (s *liveSite) checkURLSet(t *testing.T, name string, set urlSetDoc, byURL map[string]article.Article, listed map[string]bool) time.Time {
	t.Helper()
	var newest time.Time
	if len(set.URLs) == 0 {
		t.Errorf("%s lists nothing", name)
	}
	for _, u := range set.URLs {
		s.resolves(t, name+" entry", u.Loc)
		lm, err := time.Parse(time.RFC3339, u.LastMod)
		if err != nil {
			t.Errorf("%s: %s lastmod %q: %v", name, u.Loc, u.LastMod, err)
			continue
		}
		if lm.After(newest) {
			newest = lm
		}
		a, isStory := byURL[decodedURL(u.Loc)]
		if !isStory {
			continue
		}
		if !strings.HasSuffix(name, "/sitemap-news.xml") {
			listed[decodedURL(u.Loc)] = true
		}
		if want := storyModified(a); !lm.Equal(want) {
			t.Errorf("%s: %q lastmod %s, want the story's modification time %s", name, a.Headline, lm, want)
		}
	}
	return newest
}

// storyModified is when a story last changed for readers: its last save,
// or its publication when that came later (a scheduled story).
func storyModified(a article.Article) time.Time {
	m := a.UpdatedAt
	if a.PublishedAt.After(m) {
		m = a.PublishedAt
	}
	return m.Truncate(time.Second)
}

// checkNewsWindow checks the news sitemap holds stories of the last 48
// hours only, with their publication times.
func checkNewsWindow(t *testing.T, s *liveSite, set urlSetDoc, recent, old article.Article) {
	t.Helper()
	in := map[string]bool{}
	for _, u := range set.URLs {
		in[decodedURL(u.Loc)] = true
		if u.News == nil {
			t.Errorf("news sitemap: %s has no news entry", u.Loc)
			continue
		}
		pub, err := time.Parse(time.RFC3339, u.News.Date)
		if err != nil || now.Sub(pub) > 48*time.Hour || pub.After(now) {
			t.Errorf("news sitemap: %s published %q (%v): not within the last 48 hours", u.Loc, u.News.Date, err)
		}
	}
	if !in[decodedURL(s.srv.URL+recent.Path(kabul()))] {
		t.Error("news sitemap lacks the story filed 47 hours ago")
	}
	if in[decodedURL(s.srv.URL+old.Path(kabul()))] {
		t.Error("news sitemap lists the story filed 49 hours ago")
	}
}
