package server_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/datelinenews/dateline/internal/api"
	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/server"
	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/store/storetest"
)

// apiClient calls the Content API over a real HTTP connection.
type apiClient struct {
	base string
	key  string
}

func (c apiClient) get(t *testing.T, path string, header ...string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, c.base+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.key != "" {
		req.Header.Set("Authorization", "Bearer "+c.key)
	}
	for i := 0; i+1 < len(header); i += 2 {
		if header[i] != "" {
			req.Header.Set(header[i], header[i+1])
		}
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	return res, body(t, res)
}

// getJSON fetches path, wants status, and decodes the body into v.
func (c apiClient) getJSON(t *testing.T, path string, status int, v any) *http.Response {
	t.Helper()
	res, b := c.get(t, path)
	if res.StatusCode != status {
		t.Fatalf("GET %s: %d, want %d\n%.2000s", path, res.StatusCode, status, b)
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("GET %s: Content-Type %q", path, ct)
	}
	if err := json.Unmarshal([]byte(b), v); err != nil {
		t.Fatalf("GET %s: %v\n%.2000s", path, err, b)
	}
	return res
}

type apiError struct {
	Error struct{ Code, Message, Parameter string }
}

type apiList struct {
	Data []struct {
		ID        int64
		URL       string
		Headline  string
		BodyHTML  string `json:"body_html"`
		Section   struct{ Slug string }
		Tags      []struct{ Slug string }
		Authors   []struct{ Slug string }
		Published time.Time `json:"published_at"`
	}
	Meta struct {
		Page       int
		PerPage    int `json:"per_page"`
		Total      int
		TotalPages int `json:"total_pages"`
	}
	Links struct{ Self, Next, Prev string }
}

// newKey makes a key through the desk as an admin and returns its secret.
func newKey(t *testing.T, admin *staff, name string) string {
	t.Helper()
	b := manageExpect(t, "create key", admin.post(t, "/admin/api-keys", url.Values{"name": {name}}), http.StatusCreated, "shown only this once")
	m := regexp.MustCompile(`id="new-key-secret" value="(dl_[A-Za-z0-9_-]+)"`).FindStringSubmatch(b)
	if m == nil {
		t.Fatalf("no secret on the page\n%.2000s", b)
	}
	return m[1]
}

// TestAPIKeys: admins make and revoke keys; a key works until revoked; the
// secret is shown once and stored only as a hash; others may not manage keys.
func TestAPIKeys(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		a := newApp(t, st)
		srv := httptest.NewServer(a.handler)
		defer srv.Close()
		admin := a.signIn(t, people.Admin)
		manageExpect(t, "no keys", admin.get(t, "/admin/api-keys"), 200, "No keys yet")
		manageExpect(t, "blank name", admin.post(t, "/admin/api-keys", url.Values{"name": {"  "}}), http.StatusUnprocessableEntity, "Name the key")
		secret := newKey(t, admin, "Mobile app")

		keys, err := st.ListAPIKeys(context.Background())
		if err != nil || len(keys) != 1 {
			t.Fatalf("keys: %v, %v", keys, err)
		}
		if keys[0].Hash == secret || strings.Contains(keys[0].Hash, secret[3:]) || len(keys[0].Hash) != 64 {
			t.Errorf("the key is stored as %q, not as a hash", keys[0].Hash)
		}
		list := manageExpect(t, "list", admin.get(t, "/admin/api-keys"), 200, "Mobile app", keys[0].Prefix+"…", "never")
		if strings.Contains(list, secret) {
			t.Error("the list shows the secret again")
		}

		c := apiClient{base: srv.URL, key: secret}
		var sections struct{ Data []struct{ Slug string } }
		c.getJSON(t, "/api/v1/sections", 200, &sections)
		if len(sections.Data) == 0 {
			t.Error("no sections")
		}
		res, _ := apiClient{base: srv.URL}.get(t, "/api/v1/sections", "X-API-Key", secret)
		if res.StatusCode != 200 {
			t.Errorf("X-API-Key: %d", res.StatusCode)
		}
		manageExpect(t, "last used", admin.get(t, "/admin/api-keys"), 200, "25 Nov 2026 12:00 UTC</time></td>\n      <td>")

		ed := a.signIn(t, people.Editor)
		manageExpect(t, "editor list", ed.get(t, "/admin/api-keys"), http.StatusForbidden)
		manageExpect(t, "editor create", ed.post(t, "/admin/api-keys", url.Values{"name": {"Mine"}}), http.StatusForbidden)
		manageExpect(t, "editor revoke", ed.post(t, "/admin/api-keys/"+strconv.FormatInt(keys[0].ID, 10)+"/revoke", nil), http.StatusForbidden)
		c.getJSON(t, "/api/v1/sections", 200, &sections)

		manageDone(t, "revoke", admin.post(t, "/admin/api-keys/"+strconv.FormatInt(keys[0].ID, 10)+"/revoke", nil))
		manageExpect(t, "revoked", admin.get(t, "/admin/api-keys"), 200, "revoked 25 Nov 2026")
		var e apiError
		res = c.getJSON(t, "/api/v1/sections", http.StatusUnauthorized, &e)
		if e.Error.Code != "revoked_key" || !strings.HasPrefix(res.Header.Get("WWW-Authenticate"), "Bearer") {
			t.Errorf("revoked key: %+v, WWW-Authenticate %q", e, res.Header.Get("WWW-Authenticate"))
		}
		manageExpect(t, "revoke unknown", admin.post(t, "/admin/api-keys/999/revoke", nil), http.StatusNotFound)
		wantAudit(t, a, "api_key.", "api_key.create", "api_key.revoke")
	})
}

// TestAPIAuth: without a working key every endpoint answers 401 in JSON.
func TestAPIAuth(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		a := newApp(t, st)
		srv := httptest.NewServer(a.handler)
		defer srv.Close()
		for _, path := range []string{"/api/v1/articles", "/api/v1/articles/1", "/api/v1/sections", "/api/v1/tags", "/api/v1/authors"} {
			for _, tc := range []struct{ name, header, value, code string }{
				{"none", "", "", "missing_key"},
				{"unknown", "Authorization", "Bearer dl_not-a-key", "invalid_key"},
				{"basic", "Authorization", "Basic dXNlcjpwYXNz", "missing_key"},
				{"long", "X-API-Key", strings.Repeat("k", 5000), "invalid_key"},
			} {
				res, b := apiClient{base: srv.URL}.get(t, path, tc.header, tc.value)
				var e apiError
				if err := json.Unmarshal([]byte(b), &e); err != nil || res.StatusCode != 401 || e.Error.Code != tc.code {
					t.Errorf("%s with %s key: %d %s", path, tc.name, res.StatusCode, b)
				}
				if res.Header.Get("WWW-Authenticate") == "" {
					t.Errorf("%s with %s key: no WWW-Authenticate", path, tc.name)
				}
			}
		}
	})
}

// TestAPIArticles: filters, pagination, the full article, 404s and 400s in
// JSON, and never a story readers cannot see.
func TestAPIArticles(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		a := newApp(t, st)
		srv := httptest.NewServer(a.handler)
		defer srv.Close()
		c := apiClient{base: srv.URL, key: newKey(t, a.signIn(t, people.Admin), "Partner")}

		all, total, err := a.articles.List(ctx, article.Filter{Limit: 1000})
		if err != nil || total < 5 {
			t.Fatalf("demo stories: %d, %v", total, err)
		}
		model := all[0]
		draft := unseen(t, a, model, "Embargoed draft", article.Draft, now.Add(-time.Hour))
		scheduled := unseen(t, a, model, "Embargoed scheduled", article.Scheduled, now.Add(time.Hour))

		// Paging: every visible story once, newest first, none hidden.
		seen := map[int64]bool{}
		next, pages := "/api/v1/articles?per_page=2", 0
		for next != "" {
			var l apiList
			res := c.getJSON(t, strings.TrimPrefix(next, srv.URL), 200, &l)
			if l.Meta.Total != total || l.Meta.PerPage != 2 {
				t.Fatalf("meta %+v, want total %d", l.Meta, total)
			}
			if cc := res.Header.Get("Cache-Control"); !strings.Contains(cc, "private") && !strings.Contains(cc, "no-store") {
				t.Errorf("Cache-Control %q", cc)
			}
			if l.Links.Next != "" && !strings.Contains(res.Header.Get("Link"), `<`+l.Links.Next+`>; rel="next"`) {
				t.Errorf("Link header %q lacks next %q", res.Header.Get("Link"), l.Links.Next)
			}
			for _, s := range l.Data {
				if seen[s.ID] {
					t.Errorf("story %d on two pages", s.ID)
				}
				seen[s.ID] = true
			}
			next = l.Links.Next
			if pages++; pages > 100 {
				t.Fatal("pages never end")
			}
		}
		if len(seen) != total || seen[draft.ID] || seen[scheduled.ID] {
			t.Errorf("paged through %d stories of %d; draft %v, scheduled %v", len(seen), total, seen[draft.ID], seen[scheduled.ID])
		}

		// Filters agree with the service's own lists.
		sec, tag, author := model.Section, model.Tags[0], model.Authors[0]
		for _, tc := range []struct {
			query string
			f     article.Filter
		}{
			{"section=" + sec.Slug, article.Filter{SectionID: sec.ID}},
			{"tag=" + url.QueryEscape(tag.Slug), article.Filter{TagID: tag.ID}},
			{"author=" + url.QueryEscape(author.Slug), article.Filter{AuthorID: author.ID}},
			{"since=" + all[2].PublishedAt.Format(time.RFC3339), article.Filter{Since: all[2].PublishedAt}},
			{"until=" + all[2].PublishedAt.Format(time.DateOnly), article.Filter{Before: dayAfter(all[2].PublishedAt)}},
		} {
			want, n, err := a.articles.List(ctx, func() article.Filter { tc.f.Limit = 100; return tc.f }())
			if err != nil || n == 0 {
				t.Fatalf("%s: %d, %v", tc.query, n, err)
			}
			var l apiList
			c.getJSON(t, "/api/v1/articles?per_page=100&"+tc.query, 200, &l)
			if l.Meta.Total != n || len(l.Data) != len(want) {
				t.Errorf("%s: %d stories (total %d), want %d", tc.query, len(l.Data), l.Meta.Total, n)
				continue
			}
			for i := range want {
				if l.Data[i].ID != want[i].ID {
					t.Errorf("%s: story %d is %d, want %d", tc.query, i, l.Data[i].ID, want[i].ID)
				}
			}
		}

		// One story, whole.
		var one struct {
			Data struct {
				ID           int64
				URL          string
				Headline     string
				BodyHTML     string `json:"body_html"`
				BodyMarkdown string `json:"body_markdown"`
				Section      struct{ Slug string }
				Authors      []struct{ Name string }
				Tags         []struct{ Slug string }
				Image        *struct {
					URL      string
					Alt      string
					Variants []struct{ URL string }
				} `json:"featured_image"`
				Corrections []struct{ Kind, Body string }
			}
		}
		res := c.getJSON(t, "/api/v1/articles/"+strconv.FormatInt(model.ID, 10), 200, &one)
		d := one.Data
		if d.Headline != model.Headline || d.BodyMarkdown != model.Body || !strings.Contains(d.BodyHTML, "<p>") ||
			d.Section.Slug != sec.Slug || len(d.Authors) != len(model.Authors) || d.URL != srv.URL+model.Path(time.UTC) {
			t.Errorf("article: %+v", d)
		}
		if model.FeaturedImage != nil && (d.Image == nil || !strings.HasPrefix(d.Image.URL, srv.URL+"/media/") || len(d.Image.Variants) == 0) {
			t.Errorf("featured image: %+v", d.Image)
		}
		etag := res.Header.Get("ETag")
		if r, _ := c.get(t, "/api/v1/articles/"+strconv.FormatInt(model.ID, 10), "If-None-Match", etag); etag == "" || r.StatusCode != 304 {
			t.Errorf("ETag %q, conditional GET %d", etag, r.StatusCode)
		}

		// Unknown and hidden ids, bad filters: JSON errors, never a 500.
		for _, tc := range []struct {
			path   string
			status int
			code   string
			param  string
		}{
			{"/api/v1/articles/" + strconv.FormatInt(draft.ID, 10), 404, "not_found", ""},
			{"/api/v1/articles/" + strconv.FormatInt(scheduled.ID, 10), 404, "not_found", ""},
			{"/api/v1/articles/99999", 404, "not_found", ""},
			{"/api/v1/articles/abc", 404, "not_found", ""},
			{"/api/v1/articles/99999999999999999999999", 404, "not_found", ""},
			{"/api/v1/nothing", 404, "not_found", ""},
			{"/api/v1/articles?section=nowhere", 400, "invalid_parameter", "section"},
			{"/api/v1/articles?tag=%00", 400, "invalid_parameter", "tag"},
			{"/api/v1/articles?author=x'%20OR%201=1--", 400, "invalid_parameter", "author"},
			{"/api/v1/articles?since=yesterday", 400, "invalid_parameter", "since"},
			{"/api/v1/articles?since=2026-11-20&until=2026-11-01", 400, "invalid_parameter", "until"},
			{"/api/v1/articles?page=0", 400, "invalid_parameter", "page"},
			{"/api/v1/articles?page=-1", 400, "invalid_parameter", "page"},
			{"/api/v1/articles?per_page=1000", 400, "invalid_parameter", "per_page"},
			{"/api/v1/articles?per_page=1e3", 400, "invalid_parameter", "per_page"},
			{"/api/v1/articles?sectoin=world", 400, "invalid_parameter", "sectoin"},
			{"/api/v1/articles?page=1&page=2", 400, "invalid_parameter", "page"},
			{"/api/v1/articles?q=%zz", 400, "invalid_parameter", ""},
			{"/api/v1/tags?per_page=0", 400, "invalid_parameter", "per_page"},
		} {
			var e apiError
			c.getJSON(t, tc.path, tc.status, &e)
			if e.Error.Code != tc.code || e.Error.Parameter != tc.param || e.Error.Message == "" {
				t.Errorf("%s: %+v", tc.path, e)
			}
		}
		var l apiList
		c.getJSON(t, "/api/v1/articles?page=9999", 200, &l)
		if len(l.Data) != 0 || l.Links.Next != "" {
			t.Errorf("page past the end: %+v", l)
		}
	})
}

// TestAPILists: tags and authors come only from published stories.
func TestAPILists(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		a := newApp(t, st)
		srv := httptest.NewServer(a.handler)
		defer srv.Close()
		c := apiClient{base: srv.URL, key: newKey(t, a.signIn(t, people.Admin), "Partner")}
		all, _, err := a.articles.List(ctx, article.Filter{Limit: 1})
		if err != nil {
			t.Fatal(err)
		}
		unseen(t, a, all[0], "Secret plans", article.Draft, now)

		type named struct {
			Slug    string
			Stories int
		}
		var tags, authors struct {
			Data []named
			Meta struct{ Total int }
		}
		c.getJSON(t, "/api/v1/tags?per_page=100", 200, &tags)
		c.getJSON(t, "/api/v1/authors", 200, &authors)
		if len(tags.Data) == 0 || len(authors.Data) == 0 || tags.Meta.Total != len(tags.Data) {
			t.Fatalf("tags %+v, authors %+v", tags, authors)
		}
		for _, tg := range tags.Data {
			if tg.Slug == "embargo-only" {
				t.Error("a tag used only on a draft is listed")
			}
			tag, err := st.TagBySlug(ctx, tg.Slug)
			if err != nil {
				t.Fatal(err)
			}
			if _, n, _ := a.articles.List(ctx, article.Filter{TagID: tag.ID, Limit: 1}); n != tg.Stories {
				t.Errorf("tag %s: %d stories, want %d", tg.Slug, tg.Stories, n)
			}
		}
	})
}

// unseen adds a story readers must not see, under a tag of its own.
func unseen(t *testing.T, a *app, model article.Article, headline string, status article.Status, at time.Time) article.Article {
	t.Helper()
	in := article.InputOf(model)
	in.Headline, in.Slug, in.Status, in.PublishedAt, in.Lead = headline, "", status, at, false
	in.TagNames = []string{"Embargo only"}
	s, err := a.articles.Create(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func dayAfter(t time.Time) time.Time {
	d := t.UTC().Truncate(24 * time.Hour)
	return d.AddDate(0, 0, 1)
}

// TestAPIRateLimit: a key that spends its burst gets 429 with Retry-After
// and a JSON error, until time refills its bucket; other keys go on.
func TestAPIRateLimit(t *testing.T) {
	st := storetest.OpenSQLite(t)
	var clock atomic.Pointer[time.Time]
	start := now
	clock.Store(&start)
	a := newAppWith(t, st, func(d *server.Deps) {
		d.APILimit = api.Limit{PerMinute: 30, Burst: 3}
		d.Now = func() time.Time { return *clock.Load() }
	})
	srv := httptest.NewServer(a.handler)
	defer srv.Close()
	admin := a.signIn(t, people.Admin)
	busy := apiClient{base: srv.URL, key: newKey(t, admin, "Busy partner")}
	calm := apiClient{base: srv.URL, key: newKey(t, admin, "Calm partner")}
	for i := range 3 {
		if res, b := busy.get(t, "/api/v1/sections"); res.StatusCode != 200 {
			t.Fatalf("request %d within the burst: %d %s", i+1, res.StatusCode, b)
		}
	}
	res, b := busy.get(t, "/api/v1/sections")
	var e apiError
	if err := json.Unmarshal([]byte(b), &e); err != nil || res.StatusCode != http.StatusTooManyRequests || e.Error.Code != "rate_limited" {
		t.Fatalf("past the burst: %d %s", res.StatusCode, b)
	}
	if res.Header.Get("Retry-After") != "2" { // 30 a minute: one every 2 s
		t.Errorf("Retry-After %q, want 2", res.Header.Get("Retry-After"))
	}
	if res, _ := calm.get(t, "/api/v1/sections"); res.StatusCode != 200 {
		t.Errorf("another key was limited too: %d", res.StatusCode)
	}
	later := start.Add(2 * time.Second)
	clock.Store(&later)
	if res, b := busy.get(t, "/api/v1/sections"); res.StatusCode != 200 {
		t.Errorf("after waiting: %d %s", res.StatusCode, b)
	}
	if res, _ := busy.get(t, "/api/v1/sections"); res.StatusCode != http.StatusTooManyRequests {
		t.Errorf("the refill gave more than one request: %d", res.StatusCode)
	}
}
