package server_test

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/blob/disk"
	"github.com/datelinenews/dateline/internal/change"
	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/server"
	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/store/storetest"
)

// cachedApp is the site with its page cache on, on a clock the test moves.
type cachedApp struct {
	*app
	clock *atomic.Pointer[time.Time]
}

func newCachedApp(t testing.TB, st *store.Store) *cachedApp {
	t.Helper()
	clock := &atomic.Pointer[time.Time]{}
	start := now
	clock.Store(&start)
	a := newAppAt(t, st, func() time.Time { return *clock.Load() })
	// Rebuild over the seeded newsroom with the cache on.
	a.built, a.handler, a.articles = buildCached(t, st, a.built, func() time.Time { return *clock.Load() })
	return &cachedApp{app: a, clock: clock}
}

func buildCached(t testing.TB, st *store.Store, _ *server.App, clock func() time.Time) (*server.App, http.Handler, *article.Service) {
	t.Helper()
	media, err := disk.New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	built, err := server.Build(context.Background(), server.Deps{Store: st, Media: media, Log: testLogger(t), Now: clock, PageCache: 64 << 20})
	if err != nil {
		t.Fatal(err)
	}
	return built, built.Handler, built.Articles
}

// probe is a URL and what it must show once a change is made.
type probe struct {
	path   string
	status int    // 0: 200
	shows  string // text the fresh page contains
	lacks  string // text the fresh page no longer contains
}

// fill fetches each URL until it is served from the cache.
func (a *cachedApp) fill(t *testing.T, paths ...string) {
	t.Helper()
	for _, p := range paths {
		a.get(t, p)
		if res := a.get(t, p); res.Header.Get("X-Cache") != "hit" {
			t.Fatalf("%s not cached: status %d, X-Cache %q, Cache-Control %q", p, res.StatusCode, res.Header.Get("X-Cache"), res.Header.Get("Cache-Control"))
		}
	}
}

// step is one kind of change: the pages it must refresh and some it must leave.
type step struct {
	name       string
	affected   []probe
	unaffected []string
	change     func(t *testing.T)
}

func (a *cachedApp) run(t *testing.T, s step) {
	t.Helper()
	var paths []string
	for _, p := range s.affected {
		paths = append(paths, p.path)
	}
	a.fill(t, append(paths, s.unaffected...)...)
	s.change(t)
	for _, p := range s.affected {
		res := a.get(t, p.path)
		b := body(t, res)
		want := p.status
		if want == 0 {
			want = http.StatusOK
		}
		if res.Header.Get("X-Cache") != "miss" || res.StatusCode != want {
			t.Errorf("%s: %s answered %d, X-Cache %q; want a fresh %d", s.name, p.path, res.StatusCode, res.Header.Get("X-Cache"), want)
		}
		if p.shows != "" && !strings.Contains(b, p.shows) {
			t.Errorf("%s: %s does not show %q", s.name, p.path, p.shows)
		}
		if p.lacks != "" && strings.Contains(b, p.lacks) {
			t.Errorf("%s: %s still shows %q", s.name, p.path, p.lacks)
		}
	}
	for _, p := range s.unaffected {
		if res := a.get(t, p); res.Header.Get("X-Cache") != "hit" {
			t.Errorf("%s: unaffected %s was dropped (X-Cache %q)", s.name, p, res.Header.Get("X-Cache"))
		}
	}
}

func (a *app) storyByHeadline(t testing.TB, prefix string) article.Article {
	t.Helper()
	for _, s := range a.published(t) {
		if strings.HasPrefix(s.Headline, prefix) {
			return s
		}
	}
	t.Fatalf("no demo story %q", prefix)
	return article.Article{}
}

// keepStory fills the editor form with the story as it is, so an edit
// changes only what the test says.
func keepStory(a article.Article, f url.Values) {
	f.Set("standfirst", a.Standfirst)
	f.Set("section", strconv.FormatInt(a.Section.ID, 10))
	var tags []string
	for _, tg := range a.Tags {
		tags = append(tags, tg.Name)
	}
	f.Set("tags", strings.Join(tags, ", "))
	f.Set("dateline", a.Dateline)
	f.Set("language", a.Language)
	f.Set("slug", a.Slug)
	f.Del("comments")
	if a.CommentsOpen {
		f.Set("comments", "on")
	}
	if a.Lead {
		f.Set("lead", "on")
	}
	if a.FeaturedImage != nil {
		f.Set("featured_media", strconv.FormatInt(a.FeaturedImage.ID, 10))
	}
	if !a.PublishedAt.IsZero() {
		f.Set("publish_at", a.PublishedAt.In(kabul()).Format("2006-01-02T15:04:05"))
	}
}

func (s *staff) change(t *testing.T, id int64, action string, edit func(url.Values)) {
	t.Helper()
	a := s.app.story(t, id)
	res := s.edit(t, id, action, func(f url.Values) {
		keepStory(a, f)
		if edit != nil {
			edit(f)
		}
	})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("%s story %d: %d\n%.1500s", action, id, res.StatusCode, body(t, res))
	}
}

// TestCacheInvalidation makes each kind of change and checks that every
// page showing it is fresh at once while pages not showing it stay cached.
func TestCacheInvalidation(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		a := newCachedApp(t, st)
		ed := a.signIn(t, people.Editor)
		ad := a.signIn(t, people.Admin)
		loc := kabul()
		x := a.storyByHeadline(t, "Coastal states agree")      // world; Diplomacy, Oceans; Daniel
		u := a.storyByHeadline(t, "In Kabul's busiest market") // afghanistan; Trade, Economy; Soraya
		glacier := a.storyByHeadline(t, "Glaciers in Badakhshan")
		xPath, uPath := x.Path(loc), u.Path(loc)
		quiet := []string{"/section/afghanistan/", "/tag/trade/", "/author/soraya-noorzai/", uPath, uPath + "feed/",
			"/section/afghanistan/feed/", "/about/"}
		headline := "Fishing fleets to be tracked under new high-seas rules"

		a.run(t, step{name: "headline edit",
			affected: []probe{{path: xPath, shows: headline}, {path: "/", shows: headline}, {path: "/section/world/", shows: headline},
				{path: "/tag/diplomacy/", shows: headline}, {path: "/tag/oceans/", shows: headline},
				{path: "/author/daniel-whitcombe/", shows: headline}, {path: "/feed/", shows: headline},
				{path: "/section/world/feed/atom/", shows: headline}, {path: "/tag/oceans/feed/json/", shows: headline},
				{path: "/author/daniel-whitcombe/feed/", shows: headline}, {path: xPath + "feed/", shows: headline},
				{path: "/search?q=tracked", shows: "under new high-seas rules"}, {path: "/sitemap.xml"}, {path: "/sitemap-news.xml"}},
			unaffected: quiet,
			change: func(t *testing.T) {
				ed.change(t, x.ID, "save", func(f url.Values) { f.Set("headline", headline) })
			}})
		x = a.story(t, x.ID)
		if x.Path(loc) != xPath {
			t.Fatalf("a published story's address changed with its headline: %s", x.Path(loc))
		}

		a.run(t, step{name: "section change",
			affected: []probe{{path: "/section/world/", lacks: headline}, {path: "/section/climate/", shows: headline},
				{path: "/section/world/feed/", lacks: headline}, {path: "/section/climate/feed/", shows: headline},
				{path: xPath, shows: `href="/section/climate/"`}, {path: glacier.Path(loc)}, {path: "/"}},
			unaffected: quiet,
			change: func(t *testing.T) {
				climate := a.sectionID(t, "climate")
				ed.change(t, x.ID, "save", func(f url.Values) { f.Set("section", climate) })
			}})

		a.run(t, step{name: "tag change",
			affected: []probe{{path: "/tag/fisheries/", shows: headline}, {path: "/tag/diplomacy/", lacks: headline},
				{path: "/tag/oceans/", shows: headline}, {path: xPath, shows: `href="/tag/fisheries/"`}},
			unaffected: quiet,
			change: func(t *testing.T) {
				ed.change(t, x.ID, "save", func(f url.Values) { f.Set("tags", "Oceans, Fisheries") })
			}})

		a.run(t, step{name: "unpublish",
			affected: []probe{{path: xPath, status: http.StatusGone}, {path: "/", lacks: headline},
				{path: "/section/climate/", lacks: headline}, {path: "/feed/", lacks: headline}, {path: "/tag/fisheries/", lacks: headline}},
			unaffected: quiet,
			change:     func(t *testing.T) { ed.change(t, x.ID, "unpublish", nil) }})

		a.run(t, step{name: "publish",
			affected: []probe{{path: xPath, shows: headline}, {path: "/", shows: headline},
				{path: "/section/climate/", shows: headline}, {path: "/feed/", shows: headline}},
			unaffected: quiet,
			change:     func(t *testing.T) { ed.change(t, x.ID, "publish", nil) }})

		if img := a.story(t, x.ID).FeaturedImage; img == nil {
			t.Error("the demo story has no photo to caption")
		} else {
			a.run(t, step{name: "photo caption",
				affected:   []probe{{path: xPath, shows: "Trawlers moored at dawn."}},
				unaffected: append([]string{"/", "/section/climate/"}, quiet...),
				change: func(t *testing.T) {
					manageDone(t, "caption", ed.post(t, "/admin/media/"+strconv.FormatInt(img.ID, 10), url.Values{
						"alt": {img.Alt}, "caption": {"Trawlers moored at dawn."}, "credit": {img.Credit}}))
				}})
		}

		// A reader's first comment waits for moderation; only its writer
		// sees it, on a link that never enters the cache.
		first := a.heldComment(t, u, "Cached Reader", "cached.reader@example.org", "The market prices held steady.", "192.0.2.71")
		res := a.get(t, uPath+"?held="+a.built.Comments.Signer().HeldToken(first.ID))
		if b := body(t, res); res.Header.Get("X-Cache") != "bypass" || !strings.Contains(b, "market prices held steady") {
			t.Fatalf("held link: X-Cache %q, shows comment: %v", res.Header.Get("X-Cache"), strings.Contains(b, "market prices held steady"))
		}
		if b := body(t, a.get(t, uPath)); strings.Contains(b, "market prices held steady") {
			t.Fatal("a held comment is on the public page")
		}
		others := []string{"/", "/section/afghanistan/", "/section/climate/", xPath, "/about/", "/feed/"}
		uProbes := func(shows, lacks string) []probe {
			return []probe{{path: uPath, shows: shows, lacks: lacks}, {path: uPath + "feed/", shows: shows, lacks: lacks},
				{path: "/comments/feed/", shows: shows, lacks: lacks}}
		}
		a.run(t, step{name: "comment approved from the queue", affected: uProbes("market prices held steady", ""), unaffected: others,
			change: func(t *testing.T) { ed.press(t, "approve", first.ID) }})

		var second int64
		a.run(t, step{name: "new approved comment", affected: uProbes("Bread costs more this week.", ""), unaffected: others,
			change: func(t *testing.T) {
				res := a.postComment(t, a.commentForm(u, "Cached Reader", "cached.reader@example.org", "Bread costs more this week."), "192.0.2.72")
				if strings.Contains(res.Header.Get("Location"), "held") {
					t.Fatal("a known commenter's comment was held")
				}
				second = a.commentByLocation(t, res).ID
			}})

		a.run(t, step{name: "comment trashed", affected: uProbes("", "Bread costs more this week."), unaffected: others,
			change: func(t *testing.T) { ed.press(t, "trash", second) }})

		about, err := st.PageBySlug(context.Background(), "about")
		if err != nil {
			t.Fatal(err)
		}
		a.run(t, step{name: "page edit",
			affected:   []probe{{path: "/about/", shows: "We moved to a new office."}, {path: "/sitemap-pages.xml"}},
			unaffected: []string{"/", xPath, uPath, "/section/afghanistan/", "/contact/", "/feed/"},
			change: func(t *testing.T) {
				manageDone(t, "edit page", ed.post(t, "/admin/pages/"+strconv.FormatInt(about.ID, 10), url.Values{
					"title": {about.Title}, "slug": {about.Slug}, "body": {about.Body + "\n\nWe moved to a new office."}}))
			}})

		a.run(t, step{name: "ways to give",
			affected:   []probe{{path: "/support/", shows: "Join the readers’ circle"}},
			unaffected: []string{"/", xPath, "/about/", "/contact/", "/feed/", "/sitemap-pages.xml"},
			change: func(t *testing.T) {
				manageDone(t, "add a way to give", ad.post(t, "/admin/support", url.Values{"kind": {"link"},
					"label": {"Join the readers’ circle"}, "url": {"https://pay.example.org/join"}}))
			}})

		daniel := x.Authors[0]
		a.run(t, step{name: "author profile",
			affected:   []probe{{path: "/author/daniel-whitcombe/"}, {path: xPath}, {path: "/section/world/"}, {path: "/"}},
			unaffected: []string{"/tag/trade/", "/tag/economy/", "/about/", "/contact/", "/sitemap.xml"},
			change: func(t *testing.T) {
				// The desk has no author profile editor yet; announce as it will.
				a.built.Announce(context.Background(), change.Author{ID: daniel.ID})
			}})

		// A tag's name is on its stories' pages and in every feed's categories.
		a.run(t, step{name: "tag rename",
			affected: []probe{{path: "/tag/trade/", shows: "Commerce"}, {path: uPath, shows: "Commerce"},
				{path: "/feed/", shows: "Commerce"}, {path: "/about/"}},
			change: func(t *testing.T) {
				manageDone(t, "rename tag", ed.post(t, "/admin/tags/"+a.tagID(t, "trade"), url.Values{"name": {"Commerce"}, "slug": {"trade"}}))
			}})

		a.run(t, step{name: "section rename",
			affected: []probe{{path: "/", shows: "World affairs"}, {path: uPath, shows: "World affairs"},
				{path: "/about/", shows: "World affairs"}, {path: "/tag/trade/", shows: "World affairs"}},
			change: func(t *testing.T) {
				manageDone(t, "rename section", ed.post(t, "/admin/sections/"+a.sectionID(t, "world"), url.Values{
					"name": {"World affairs"}, "slug": {"world"}, "description": {"Beyond the headlines."}}))
			}})

		a.run(t, step{name: "settings change",
			affected: []probe{{path: "/", shows: "Kabul Evening Desk"}, {path: uPath, shows: "Kabul Evening Desk"},
				{path: "/feed/", shows: "Kabul Evening Desk"}, {path: "/about/", shows: "Kabul Evening Desk"}},
			change: func(t *testing.T) {
				site, err := st.Site(context.Background())
				if err != nil {
					t.Fatal(err)
				}
				f := url.Values{"name": {"Kabul Evening Desk"}, "tagline": {site.Tagline}, "language": {site.Language},
					"time_zone": {site.TimeZone}, "logo": {site.Logo}, "support_text": {site.Support.Text}, "support_link": {site.Support.Link}}
				if site.Support.Text == "" || site.Support.Link == "" {
					f.Set("support_text", "Our reporting is paid for by readers.")
					f.Set("support_link", "/support/")
				}
				if !site.Support.Hidden {
					f.Set("support_show", "on")
				}
				manageDone(t, "save settings", ad.post(t, "/admin/settings", f))
			}})

		// A story scheduled for an hour from now appears when the scheduler publishes it.
		form := a.storyForm(t, "Night flights resume at Kabul airport")
		keepStory(x, form)
		form.Set("section", a.sectionID(t, "world"))
		sid := ed.create(t, form)
		ed.change(t, sid, "schedule", func(f url.Values) {
			f.Set("publish_at", now.Add(time.Hour).In(loc).Format("2006-01-02T15:04"))
		})
		sPath := a.story(t, sid).Path(loc)
		a.run(t, step{name: "scheduled story due",
			affected: []probe{{path: sPath, shows: "Night flights resume"}, {path: "/", shows: "Night flights resume"},
				{path: "/section/world/", shows: "Night flights resume"}, {path: "/feed/", shows: "Night flights resume"}},
			unaffected: []string{"/section/afghanistan/", uPath, "/about/", "/tag/trade/"},
			change: func(t *testing.T) {
				later := now.Add(2 * time.Hour)
				a.clock.Store(&later)
				ids, err := a.articles.PublishDue(context.Background())
				if err != nil || len(ids) != 1 || ids[0] != sid {
					t.Fatalf("PublishDue = %v, %v", ids, err)
				}
			}})
	})
}

// TestCacheStaffAndReaders: staff always get a fresh page that no shared
// cache may keep; readers get the cached one, compressed.
func TestCacheStaffAndReaders(t *testing.T) {
	a := newCachedApp(t, storetest.OpenSQLite(t))
	ed := a.signIn(t, people.Editor)
	a.fill(t, "/")
	res := ed.get(t, "/")
	if res.Header.Get("X-Cache") != "bypass" || res.Header.Get("Cache-Control") != "private, no-cache" {
		t.Errorf("staff: X-Cache %q, Cache-Control %q", res.Header.Get("X-Cache"), res.Header.Get("Cache-Control"))
	}
	res = a.get(t, "/", "Accept-Encoding", "gzip, deflate, br")
	if res.Header.Get("X-Cache") != "hit" || res.Header.Get("Content-Encoding") != "br" || res.Header.Get("Vary") != "Accept-Encoding" {
		t.Errorf("reader: X-Cache %q, Content-Encoding %q, Vary %q", res.Header.Get("X-Cache"), res.Header.Get("Content-Encoding"), res.Header.Get("Vary"))
	}
	cc := res.Header.Get("Cache-Control")
	if !strings.Contains(cc, "public") || !strings.Contains(cc, "stale-while-revalidate=") {
		t.Errorf("Cache-Control %q", cc)
	}
	if keys := res.Header.Get("Surrogate-Key"); !strings.Contains(keys, change.Front) {
		t.Errorf("Surrogate-Key %q", keys)
	}
	if res.Header.Get("Content-Security-Policy") == "" || res.Header.Get("X-Request-Id") == "" {
		t.Error("a cached page lost the security headers or the request id")
	}
	if res := a.get(t, "/", "If-None-Match", res.Header.Get("ETag"), "Accept-Encoding", "br"); res.StatusCode != http.StatusNotModified {
		t.Errorf("revalidation: %d", res.StatusCode)
	}
	for _, p := range []string{"/admin/", "/admin/sign-in", "/healthz"} {
		if res := a.get(t, p); res.Header.Get("X-Cache") != "bypass" {
			t.Errorf("%s: X-Cache %q", p, res.Header.Get("X-Cache"))
		}
	}
	story := a.published(t)[0]
	if res := a.get(t, "/preview/"+strconv.FormatInt(story.ID, 10)+"/not-a-token/"); res.Header.Get("X-Cache") != "bypass" {
		t.Errorf("preview: X-Cache %q", res.Header.Get("X-Cache"))
	}
}

// TestCacheAcrossNodes runs two nodes on one PostgreSQL database: an edit
// on one drops the page on the other, through LISTEN/NOTIFY.
func TestCacheAcrossNodes(t *testing.T) {
	st := storetest.OpenPostgres(t)
	one := newCachedApp(t, st)
	clock := func() time.Time { return now }
	two, _, _ := buildCached(t, st, nil, clock)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for _, node := range []*server.App{one.built, two} {
		for _, j := range node.Jobs {
			if j.Name == "hear other nodes' changes" {
				go j.Run(ctx)
			}
		}
	}
	// Each node drops everything once it listens; wait for both.
	for deadline := time.Now().Add(10 * time.Second); one.built.Cache.Stats().Purges == 0 || two.Cache.Stats().Purges == 0; {
		if time.Now().After(deadline) {
			t.Fatal("the nodes did not start listening")
		}
		time.Sleep(10 * time.Millisecond)
	}
	x := one.storyByHeadline(t, "Coastal states agree")
	u := one.storyByHeadline(t, "In Kabul's busiest market")
	getTwo := func(path string) (*http.Response, string) {
		res := httptestGet(two.Handler, path)
		return res, body(t, res)
	}
	for _, p := range []string{x.Path(kabul()), u.Path(kabul())} {
		getTwo(p)
		if res, _ := getTwo(p); res.Header.Get("X-Cache") != "hit" {
			t.Fatalf("node two did not cache %s", p)
		}
	}
	ed := one.signIn(t, people.Editor)
	ed.change(t, x.ID, "save", func(f url.Values) { f.Set("headline", "Fleet tracking rules agreed at sea talks") })
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if _, b := getTwo(x.Path(kabul())); strings.Contains(b, "Fleet tracking rules agreed") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("node two still shows the old headline")
		}
	}
	if res, _ := getTwo(u.Path(kabul())); res.Header.Get("X-Cache") != "hit" {
		t.Error("node two dropped a page the edit does not touch")
	}
}

func httptestGet(h http.Handler, target string) *http.Response {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	return rec.Result()
}

// TestCacheFrontDoor serves the site as `dateline serve` does, through the
// page cache's front door on a real listener: readers get the same cached
// page, with the same headers, as the handler gives; staff still bypass.
func TestCacheFrontDoor(t *testing.T) {
	a := newCachedApp(t, storetest.OpenSQLite(t))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: a.handler}
	go srv.Serve(a.built.Listen(ln))
	t.Cleanup(func() { srv.Close() })
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true, DisableCompression: true}}
	fetch := func(path string, header ...string) (*http.Response, string) {
		req, _ := http.NewRequest(http.MethodGet, "http://"+ln.Addr().String()+path, nil)
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		res, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		return res, body(t, res)
	}
	story := a.published(t)[0]
	for _, path := range []string{"/", story.Path(time.UTC)} {
		fetch(path, "Accept-Encoding", "br")
		res, b := fetch(path, "Accept-Encoding", "br")
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.Host = ln.Addr().String()
		req.Header.Set("Accept-Encoding", "br")
		rec := httptest.NewRecorder()
		a.handler.ServeHTTP(rec, req)
		want := rec.Result()
		if res.StatusCode != http.StatusOK || res.Header.Get("X-Cache") != "hit" || b != body(t, want) {
			t.Fatalf("%s: %d, X-Cache %q, same body %v", path, res.StatusCode, res.Header.Get("X-Cache"), b == body(t, want))
		}
		for name := range want.Header {
			if name == "Date" || name == "X-Request-Id" {
				continue
			}
			if got := strings.Join(res.Header.Values(name), "|"); got != strings.Join(want.Header.Values(name), "|") {
				t.Errorf("%s: %s is %q through the listener, %q through the handler", path, name, got, want.Header.Values(name))
			}
		}
		if res.Header.Get("X-Request-Id") == "" || res.Header.Get("Content-Security-Policy") == "" {
			t.Errorf("%s: no request id or security headers: %v", path, res.Header)
		}
	}
	ed := a.signIn(t, people.Editor)
	res, _ := fetch("/", "Cookie", ed.cookie.Name+"="+ed.cookie.Value)
	if res.Header.Get("X-Cache") != "bypass" || res.Header.Get("Cache-Control") != "private, no-cache" {
		t.Errorf("staff through the listener: X-Cache %q, Cache-Control %q", res.Header.Get("X-Cache"), res.Header.Get("Cache-Control"))
	}
}
