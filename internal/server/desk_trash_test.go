package server_test

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/blob/disk"
	"github.com/datelinenews/dateline/internal/desk"
	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/server"
	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/store/storetest"
	"github.com/datelinenews/dateline/internal/web"
)

// TestTrash: bulk trash takes stories off the site, restore brings them
// back, and the trash is emptied of stories older than 30 days only.
func TestTrash(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		a := newApp(t, st)
		editor := a.signIn(t, people.Editor)
		stories := a.published(t)
		one, two := stories[3], stories[4]
		ids := url.Values{"id": {strconv.FormatInt(one.ID, 10), strconv.FormatInt(two.ID, 10)}}

		form := url.Values{"action": {"trash"}}
		for k, v := range ids {
			form[k] = v
		}
		if res := editor.post(t, "/admin/stories/bulk", form); res.StatusCode != 303 {
			t.Fatalf("bulk trash: %d", res.StatusCode)
		}
		if res := a.get(t, one.Path(kabul())); res.StatusCode != http.StatusGone {
			t.Errorf("trashed story answers %d, want 410", res.StatusCode)
		}
		if list := body(t, editor.get(t, "/admin/?trash=1")); !strings.Contains(list, html.EscapeString(one.Headline)) {
			t.Error("trash list lacks the story")
		}
		form.Set("action", "restore")
		form["id"] = ids["id"][:1]
		editor.post(t, "/admin/stories/bulk", form)
		if res := a.get(t, one.Path(kabul())); res.StatusCode != 200 {
			t.Errorf("restored story answers %d", res.StatusCode)
		}
		// Emptying now deletes nothing; 31 days on, the trashed story goes.
		if n, err := a.articles.EmptyTrash(ctx); err != nil || n != 0 {
			t.Errorf("empty trash today: %d, %v", n, err)
		}
		later := article.NewService(st, func() time.Time { return now.Add(31 * 24 * time.Hour) })
		if n, err := later.EmptyTrash(ctx); err != nil || n != 1 {
			t.Errorf("empty trash after 31 days: %d, %v; want 1", n, err)
		}
		if _, err := st.ArticleByID(ctx, two.ID); err == nil {
			t.Error("story still there after the trash was emptied")
		}
		contributor := a.signIn(t, people.Contributor)
		form.Set("action", "trash")
		form["id"] = []string{strconv.FormatInt(one.ID, 10)}
		if res := contributor.post(t, "/admin/stories/bulk", form); res.StatusCode != 403 {
			t.Errorf("contributor trashing a published story: %d", res.StatusCode)
		}
	})
}

// TestCorrectionInStructuredData: a correction appears on the article, its
// "Updated" time changes, and the JSON-LD carries it.
func TestCorrectionInStructuredData(t *testing.T) {
	a := newApp(t, storetest.OpenSQLite(t))
	editor := a.signIn(t, people.Editor)
	story := a.published(t)[5]
	res := editor.post(t, "/admin/stories/"+strconv.FormatInt(story.ID, 10)+"/corrections",
		url.Values{"kind": {"correction"}, "correction": {"The dam is 40 metres high, not 60."}})
	if res.StatusCode != 303 {
		t.Fatalf("add correction: %d", res.StatusCode)
	}
	page := body(t, a.get(t, story.Path(kabul())))
	if !strings.Contains(page, "The dam is 40 metres high") || !strings.Contains(page, `class="updated"`) {
		t.Error("correction or updated time missing from the article")
	}
	m := regexp.MustCompile(`<script type="application/ld\+json">(.*?)</script>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no JSON-LD")
	}
	var doc struct {
		Type       string `json:"@type"`
		Headline   string `json:"headline"`
		Correction []struct {
			Type string `json:"@type"`
			Text string `json:"text"`
		} `json:"correction"`
		DateModified string `json:"dateModified"`
	}
	var graph struct {
		Context string            `json:"@context"`
		Graph   []json.RawMessage `json:"@graph"`
	}
	if err := json.Unmarshal([]byte(m[1]), &graph); err != nil || len(graph.Graph) != 2 || graph.Context != "https://schema.org" {
		t.Fatalf("JSON-LD graph: %v, %d items", err, len(graph.Graph))
	}
	if err := json.Unmarshal(graph.Graph[0], &doc); err != nil {
		t.Fatal(err)
	}
	var crumbs struct {
		Type  string `json:"@type"`
		Items []struct {
			Name string `json:"name"`
			Item string `json:"item"`
		} `json:"itemListElement"`
	}
	if err := json.Unmarshal(graph.Graph[1], &crumbs); err != nil || crumbs.Type != "BreadcrumbList" || len(crumbs.Items) != 3 ||
		crumbs.Items[1].Name != story.Section.Name || !strings.HasSuffix(crumbs.Items[2].Item, story.Path(kabul())) {
		t.Errorf("breadcrumbs = %+v, %v", crumbs, err)
	}
	if doc.Type != "NewsArticle" || doc.Headline != story.Headline || len(doc.Correction) != 1 ||
		doc.Correction[0].Type != "CorrectionComment" || !strings.Contains(doc.Correction[0].Text, "40 metres") {
		t.Errorf("JSON-LD = %+v", doc)
	}
	if res := editor.post(t, "/admin/stories/"+strconv.FormatInt(story.ID, 10)+"/corrections", url.Values{"kind": {"apology"}, "correction": {"x"}}); res.StatusCode != 422 {
		t.Errorf("bad kind: %d, want 422", res.StatusCode)
	}
}

// TestSessionCookie: HttpOnly and SameSite=Lax always; Secure over TLS and
// behind a trusted proxy that says HTTPS, not when anyone else says so.
func TestSessionCookie(t *testing.T) {
	ctx := context.Background()
	st := storetest.OpenSQLite(t)
	media, _ := disk.New(t.TempDir())
	proxies, _ := web.ParseProxies("10.0.0.1")
	built, err := server.Build(ctx, server.Deps{Store: st, Media: media, Log: testLogger(t), Now: func() time.Time { return now }, Proxies: proxies})
	if err != nil {
		t.Fatal(err)
	}
	a := &app{st: st, handler: built.Handler, articles: built.Articles, built: built}
	u := a.addUser(t, "cookie@example.org", people.Editor)
	cases := []struct {
		name       string
		remote     string
		tls        bool
		proto      string
		wantSecure bool
	}{
		{"plain http", "192.0.2.1:1000", false, "", false},
		{"direct TLS", "192.0.2.1:1000", true, "", true},
		{"trusted proxy says https", "10.0.0.1:1000", false, "https", true},
		{"untrusted client says https", "192.0.2.1:1000", false, "https", false},
	}
	for _, c := range cases {
		form := url.Values{"email": {u.Email}, "password": {password}}
		req := httptest.NewRequest(http.MethodPost, "/admin/sign-in", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.RemoteAddr = c.remote
		if c.tls {
			req.TLS = &tls.ConnectionState{}
		}
		if c.proto != "" {
			req.Header.Set("X-Forwarded-Proto", c.proto)
		}
		rec := httptest.NewRecorder()
		a.handler.ServeHTTP(rec, req)
		var cookie *http.Cookie
		for _, ck := range rec.Result().Cookies() {
			if ck.Name == desk.SessionCookie {
				cookie = ck
			}
		}
		if cookie == nil {
			t.Fatalf("%s: no session cookie (status %d)", c.name, rec.Code)
		}
		if !cookie.HttpOnly || cookie.SameSite != http.SameSiteLaxMode || cookie.Secure != c.wantSecure {
			t.Errorf("%s: HttpOnly %t SameSite %v Secure %t, want Secure %t", c.name, cookie.HttpOnly, cookie.SameSite, cookie.Secure, c.wantSecure)
		}
	}
}
