package server_test

import (
	"context"
	"errors"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/store/storetest"
)

// manageExpect checks a response's status and that its body holds each
// string (HTML-unescaped, so typed quotes and apostrophes compare as typed).
func manageExpect(t testing.TB, what string, res *http.Response, status int, contains ...string) string {
	t.Helper()
	b := html.UnescapeString(body(t, res))
	if res.StatusCode != status {
		t.Fatalf("%s: status %d, want %d\n%.3000s", what, res.StatusCode, status, b)
	}
	for _, c := range contains {
		if !strings.Contains(b, c) {
			t.Errorf("%s: body lacks %q\n%.3000s", what, c, b)
		}
	}
	return b
}

// manageDone checks a post/redirect/get answer and returns where it leads.
func manageDone(t testing.TB, what string, res *http.Response) string {
	t.Helper()
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("%s: status %d, want 303\n%.3000s", what, res.StatusCode, html.UnescapeString(body(t, res)))
	}
	return res.Header.Get("Location")
}

// auditActions lists the actions recorded under a prefix, newest first.
func (a *app) auditActions(t testing.TB, prefix string) []string {
	t.Helper()
	list, err := a.st.ListAudit(context.Background(), people.AuditFilter{Action: prefix, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range list {
		out = append(out, e.Action)
	}
	return out
}

func wantAudit(t testing.TB, a *app, prefix string, actions ...string) {
	t.Helper()
	got := strings.Join(a.auditActions(t, prefix), " ")
	for _, action := range actions {
		if !strings.Contains(got, action) {
			t.Errorf("audit log %q lacks %s", got, action)
		}
	}
}

var navLinks = regexp.MustCompile(`<nav class="sections"[\s\S]*?</nav>`)

// publicNav is the public site's section navigation, as its link targets in order.
func (a *app) publicNav(t testing.TB) []string {
	t.Helper()
	nav := navLinks.FindString(body(t, a.get(t, "/")))
	var out []string
	for _, m := range regexp.MustCompile(`href="(/section/[^"]+)"`).FindAllStringSubmatch(nav, -1) {
		out = append(out, m[1])
	}
	return out
}

func (a *app) sectionID(t testing.TB, slug string) string {
	t.Helper()
	sec, err := a.st.SectionBySlug(context.Background(), slug)
	if err != nil {
		t.Fatal(err)
	}
	return strconv.FormatInt(sec.ID, 10)
}

func (a *app) tagID(t testing.TB, slug string) string {
	t.Helper()
	tag, err := a.st.TagBySlug(context.Background(), slug)
	if err != nil {
		t.Fatal(err)
	}
	return strconv.FormatInt(tag.ID, 10)
}

// TestManageSections: an editor adds, renames, reorders and deletes a
// section, and the public site follows; a section in use is not deleted.
func TestManageSections(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		a := newApp(t, st)
		ed := a.signIn(t, people.Editor)
		manageExpect(t, "list", ed.get(t, "/admin/sections"), 200, "World", "Afghanistan", "Climate", "Add a section")

		manageDone(t, "create", ed.post(t, "/admin/sections", url.Values{"name": {"Health"}, "description": {"Clinics and care."}}))
		if nav := a.publicNav(t); strings.Join(nav, " ") != "/section/world/ /section/afghanistan/ /section/climate/ /section/health/" {
			t.Errorf("nav after create = %v", nav)
		}

		id := a.sectionID(t, "health")
		loc := manageDone(t, "rename", ed.post(t, "/admin/sections/"+id, url.Values{
			"name": {"Public health"}, "slug": {"public-health"}, "description": {"Clinics, care and epidemics."}}))
		if !strings.HasPrefix(loc, "/admin/sections/"+id) {
			t.Errorf("rename redirects to %q", loc)
		}
		manageExpect(t, "renamed front", a.get(t, "/section/public-health/"), 200, "Public health", "Clinics, care and epidemics.")
		wantMoved(t, a, "/section/health/", "/section/public-health/")

		for range 2 {
			manageDone(t, "move up", ed.post(t, "/admin/sections/"+id+"/move", url.Values{"direction": {"up"}}))
		}
		manageDone(t, "move first up", ed.post(t, "/admin/sections/"+a.sectionID(t, "world")+"/move", url.Values{"direction": {"up"}}))
		if nav := a.publicNav(t); strings.Join(nav, " ") != "/section/world/ /section/public-health/ /section/afghanistan/ /section/climate/" {
			t.Errorf("nav after moves = %v", nav)
		}
		manageDone(t, "move down", ed.post(t, "/admin/sections/"+id+"/move", url.Values{"direction": {"down"}}))
		if nav := a.publicNav(t); nav[1] != "/section/afghanistan/" || nav[2] != "/section/public-health/" {
			t.Errorf("nav after move down = %v", nav)
		}

		counts, err := st.SectionStoryCounts(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		world := a.sectionID(t, "world")
		n, _ := strconv.ParseInt(world, 10, 64)
		manageExpect(t, "delete used", ed.post(t, "/admin/sections/"+world+"/delete", nil), http.StatusConflict,
			"The section was not deleted", strconv.Itoa(counts[n])+" stories use “World”")
		manageExpect(t, "still there", a.get(t, "/section/world/"), 200)

		manageDone(t, "delete", ed.post(t, "/admin/sections/"+id+"/delete", nil))
		manageExpect(t, "deleted front", a.get(t, "/section/public-health/"), 404)
		manageExpect(t, "deleted section's old address", a.get(t, "/section/health/"), 404)
		if nav := a.publicNav(t); len(nav) != 3 {
			t.Errorf("nav after delete = %v", nav)
		}
		wantAudit(t, a, "section.", "section.create", "section.update", "section.move", "section.delete")
	})
}

// TestManageTags: renaming a tag moves its public page; merging gives its
// stories the other tag and deletes it, in one go.
func TestManageTags(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		a := newApp(t, st)
		ed := a.signIn(t, people.Editor)
		b := manageExpect(t, "search", ed.get(t, "/admin/tags?q=wat"), 200, "Water")
		if strings.Contains(b, ">Trade<") {
			t.Error("search for wat lists Trade")
		}
		manageExpect(t, "list", ed.get(t, "/admin/tags"), 200, "Agriculture", "Trade", "Water")

		water := a.tagID(t, "water")
		manageDone(t, "rename", ed.post(t, "/admin/tags/"+water, url.Values{"name": {"Water security"}, "slug": {"water-security"}}))
		manageExpect(t, "renamed tag page", a.get(t, "/tag/water-security/"), 200, "Water security")
		wantMoved(t, a, "/tag/water/", "/tag/water-security/")

		drought, err := st.TagBySlug(ctx, "drought")
		if err != nil {
			t.Fatal(err)
		}
		before, _, err := a.articles.List(ctx, article.Filter{TagID: drought.ID, Limit: 100})
		if err != nil || len(before) == 0 {
			t.Fatalf("drought stories: %d, %v", len(before), err)
		}
		loc := manageDone(t, "merge", ed.post(t, "/admin/tags/"+a.tagID(t, "drought")+"/merge", url.Values{"into": {"Water security"}}))
		if !strings.HasPrefix(loc, "/admin/tags/"+water) {
			t.Errorf("merge redirects to %q", loc)
		}
		if _, err := st.TagBySlug(ctx, "drought"); !errors.Is(err, article.ErrNotFound) {
			t.Errorf("merged tag still there: %v", err)
		}
		wantMoved(t, a, "/tag/drought/", "/tag/water-security/")
		wantMoved(t, a, "/tag/water/", "/tag/water-security/")
		for _, s := range before {
			got := a.story(t, s.ID)
			var slugs []string
			for _, tag := range got.Tags {
				slugs = append(slugs, tag.Slug)
			}
			if !strings.Contains(" "+strings.Join(slugs, " ")+" ", " water-security ") || strings.Contains(strings.Join(slugs, " "), "drought") {
				t.Errorf("story %d after merge has tags %v", s.ID, slugs)
			}
		}
		wantAudit(t, a, "tag.", "tag.rename", "tag.merge")
	})
}

// TestManagePages: a page created and edited in the desk is at /{slug}/,
// and gone once deleted with the box ticked.
func TestManagePages(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		a := newApp(t, st)
		ed := a.signIn(t, people.Editor)
		manageExpect(t, "list", ed.get(t, "/admin/pages"), 200, "About us", "/contact/", "New page")
		b := manageExpect(t, "new", ed.get(t, "/admin/pages/new"), 200, `id="editor"`, `id="body"`, `id="preview-body"`)
		if strings.Contains(b, "data-autosave") {
			t.Error("the page editor must not autosave")
		}

		loc := manageDone(t, "create", ed.post(t, "/admin/pages/new", url.Values{"title": {"Donate"}, "body": {"Give **now**."}}))
		m := regexp.MustCompile(`^/admin/pages/(\d+)`).FindStringSubmatch(loc)
		if m == nil {
			t.Fatalf("create redirects to %q", loc)
		}
		edit := "/admin/pages/" + m[1]
		manageExpect(t, "public page", a.get(t, "/donate/"), 200, "Donate", "Give <strong>now</strong>.")
		manageExpect(t, "footer", a.get(t, "/"), 200, `href="/donate/"`)
		manageExpect(t, "edit", ed.get(t, edit), 200, "Give **now**.", "Give <strong>now</strong>.")

		manageDone(t, "update", ed.post(t, edit, url.Values{"title": {"Donate today"}, "slug": {"give"}, "body": {"Every gift counts."}}))
		manageExpect(t, "moved page", a.get(t, "/give/"), 200, "Donate today", "Every gift counts.")
		wantMoved(t, a, "/donate/", "/give/")

		manageExpect(t, "delete unconfirmed", ed.post(t, edit+"/delete", nil), http.StatusUnprocessableEntity, "Tick the box")
		manageExpect(t, "not deleted", a.get(t, "/give/"), 200)
		manageDone(t, "delete", ed.post(t, edit+"/delete", url.Values{"confirm": {"yes"}}))
		manageExpect(t, "deleted page", a.get(t, "/give/"), 404)
		manageExpect(t, "deleted page's old address", a.get(t, "/donate/"), 404)
		manageExpect(t, "deleted in desk", ed.get(t, edit), 404)
		wantAudit(t, a, "page.", "page.create", "page.update", "page.delete")
	})
}

// TestManageSettings: an admin renames the site, sets a logo and words the
// support box, which then shows under every article, or not at all.
func TestManageSettings(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		a := newApp(t, st)
		story := a.published(t)[0].Path(kabul())
		manageExpect(t, "default support box", a.get(t, story), 200, `class="support-box"`, `href="/support/"`)

		admin := a.signIn(t, people.Admin)
		manageExpect(t, "form", admin.get(t, "/admin/settings"), 200, "The Northern Dispatch", "Asia/Kabul", "/support/")
		form := url.Values{"name": {"Kabul Ledger"}, "tagline": {"News that stays"}, "language": {"en"}, "time_zone": {"Asia/Kabul"},
			"logo": {"/media/logo.png"}, "support_show": {"on"}, "support_text": {"Keep us independent: chip in."},
			"support_link": {"https://give.example.org/ledger"}}
		saved := manageDone(t, "save", admin.post(t, "/admin/settings", form))
		manageExpect(t, "front", a.get(t, "/"), 200, "Kabul Ledger", "News that stays",
			`<img class="logo" src="/media/logo.png" alt="Kabul Ledger">`)
		manageExpect(t, "article", a.get(t, story), 200, "Keep us independent: chip in.", `href="https://give.example.org/ledger"`)
		manageExpect(t, "desk", admin.get(t, saved), 200, "Kabul Ledger", "Settings saved.")

		form.Del("support_show")
		form.Set("logo", "")
		manageDone(t, "hide support", admin.post(t, "/admin/settings", form))
		b := manageExpect(t, "article without box", a.get(t, story), 200)
		if strings.Contains(b, "support-box") || strings.Contains(b, `class="logo"`) {
			t.Error("support box or logo still shown")
		}
		wantAudit(t, a, "settings.", "settings.update")

		manageExpect(t, "editor", a.signIn(t, people.Editor).get(t, "/admin/settings"), http.StatusForbidden)
	})
}

// TestManageRoles: contributors and authors get 403 on every management
// route; editors on the settings.
func TestManageRoles(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		a := newApp(t, st)
		sec, tag := a.sectionID(t, "world"), a.tagID(t, "water")
		pg, err := st.PageBySlug(context.Background(), "about")
		if err != nil {
			t.Fatal(err)
		}
		pid := strconv.FormatInt(pg.ID, 10)
		authors, err := st.ListAuthors(context.Background())
		if err != nil || len(authors) == 0 {
			t.Fatalf("authors: %d, %v", len(authors), err)
		}
		aid := strconv.FormatInt(authors[0].ID, 10)
		routes := []struct{ method, path string }{
			{"GET", "/admin/authors"}, {"GET", "/admin/authors/" + aid}, {"POST", "/admin/authors/" + aid},
			{"GET", "/admin/sections"}, {"POST", "/admin/sections"}, {"GET", "/admin/sections/" + sec},
			{"POST", "/admin/sections/" + sec}, {"POST", "/admin/sections/" + sec + "/move"}, {"POST", "/admin/sections/" + sec + "/delete"},
			{"GET", "/admin/tags"}, {"GET", "/admin/tags/" + tag}, {"POST", "/admin/tags/" + tag}, {"POST", "/admin/tags/" + tag + "/merge"},
			{"GET", "/admin/pages"}, {"GET", "/admin/pages/new"}, {"POST", "/admin/pages/new"}, {"GET", "/admin/pages/" + pid},
			{"POST", "/admin/pages/" + pid}, {"POST", "/admin/pages/" + pid + "/delete"},
			{"GET", "/admin/settings"}, {"POST", "/admin/settings"},
		}
		form := url.Values{"name": {"X"}, "title": {"X"}, "byline": {"X"}, "direction": {"up"}, "into": {"trade"}, "confirm": {"yes"},
			"language": {"en"}, "time_zone": {"UTC"}}
		for _, role := range []people.Role{people.Contributor, people.AuthorRole} {
			s := a.signIn(t, role)
			for _, r := range routes {
				var res *http.Response
				if r.method == "GET" {
					res = s.get(t, r.path)
				} else {
					res = s.post(t, r.path, form)
				}
				if res.StatusCode != http.StatusForbidden {
					t.Errorf("%s %s %s = %d, want 403", role, r.method, r.path, res.StatusCode)
				}
			}
		}
		ed := a.signIn(t, people.Editor)
		manageExpect(t, "editor posts settings", ed.post(t, "/admin/settings", form), http.StatusForbidden)
		manageExpect(t, "about untouched", a.get(t, "/about/"), 200, "About us")
		manageExpect(t, "world untouched", a.get(t, "/section/world/"), 200)
	})
}

// TestManageBadInput: every bad form comes back 422 with the typed input
// and a message beside the field; nothing is written. Bad ids are 404s.
func TestManageBadInput(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		a := newApp(t, st)
		ed := a.signIn(t, people.Editor)
		admin := a.signIn(t, people.Admin)
		world, climate := a.sectionID(t, "world"), a.sectionID(t, "climate")
		water := a.tagID(t, "water")
		about, err := st.PageBySlug(context.Background(), "about")
		if err != nil {
			t.Fatal(err)
		}
		aboutPath := "/admin/pages/" + strconv.FormatInt(about.ID, 10)
		long := strings.Repeat("Ω", 501)
		site := func(change func(url.Values)) url.Values {
			f := url.Values{"name": {"Ledger"}, "language": {"en"}, "time_zone": {"Asia/Kabul"}, "support_show": {"on"},
				"support_text": {"Support us."}, "support_link": {"/support/"}}
			change(f)
			return f
		}
		cases := []struct {
			name     string
			who      *staff
			path     string
			form     url.Values
			contains []string
		}{
			{"section without name", ed, "/admin/sections", url.Values{"name": {"  "}, "description": {"Kept description"}},
				[]string{"Give the section a name.", "Kept description"}},
			{"section slug taken", ed, "/admin/sections", url.Values{"name": {"World again"}, "slug": {"world"}},
				[]string{"Another section already uses the slug “world”", `value="World again"`}},
			{"section rename onto taken slug", ed, "/admin/sections/" + climate, url.Values{"name": {"Climate"}, "slug": {"world"}},
				[]string{"Another section already uses the slug “world”", "Edit “Climate”"}},
			{"section bad slug", ed, "/admin/sections", url.Values{"name": {"Hello"}, "slug": {"Hello World!"}},
				[]string{"such as “hello-world”", `value="Hello World!"`}},
			{"section name too long", ed, "/admin/sections", url.Values{"name": {long}},
				[]string{"Keep the name under 100 characters.", long}},
			{"section description too long", ed, "/admin/sections/" + world, url.Values{"name": {"World"}, "description": {long}},
				[]string{"Keep the description under 500 characters.", long}},
			{"tag without name", ed, "/admin/tags/" + water, url.Values{"name": {""}, "slug": {"kept-slug"}},
				[]string{"Give the tag a name.", `value="kept-slug"`}},
			{"tag slug taken", ed, "/admin/tags/" + water, url.Values{"name": {"Power"}, "slug": {"energy"}},
				[]string{"Another tag already uses the slug “energy”", `value="Power"`}},
			{"tag name too long", ed, "/admin/tags/" + water, url.Values{"name": {long}},
				[]string{"Keep the name under 100 characters.", long}},
			{"merge into nothing", ed, "/admin/tags/" + water + "/merge", url.Values{"into": {"Nonexistent thing"}},
				[]string{"There is no tag called “Nonexistent thing”", `value="Nonexistent thing"`}},
			{"merge into itself", ed, "/admin/tags/" + water + "/merge", url.Values{"into": {"water"}},
				[]string{"That is this tag."}},
			{"page without title", ed, "/admin/pages/new", url.Values{"title": {""}, "body": {"Kept body text"}},
				[]string{"Give the page a title.", "Kept body text"}},
			{"page slug taken", ed, "/admin/pages/new", url.Values{"title": {"About again"}, "slug": {"about"}, "body": {"Body"}},
				[]string{"Another page already uses the slug “about”", `value="About again"`}},
			{"page reserved slug", ed, aboutPath, url.Values{"title": {"About us"}, "slug": {"admin"}, "body": {"Body"}},
				[]string{"/admin/ is taken by the site itself", `value="admin"`}},
			{"page title too long", ed, "/admin/pages/new", url.Values{"title": {long}, "body": {"Body"}},
				[]string{"Keep the title under 200 characters.", long}},
			{"settings bad time zone", admin, "/admin/settings", site(func(f url.Values) { f.Set("time_zone", "Mars/Olympus") }),
				[]string{`"Mars/Olympus" is not a time zone name`, `value="Mars/Olympus"`}},
			{"settings server's zone", admin, "/admin/settings", site(func(f url.Values) { f.Set("time_zone", "Local") }),
				[]string{"is not a time zone name"}},
			{"settings without name", admin, "/admin/settings", site(func(f url.Values) { f.Set("name", ""); f.Set("tagline", "Kept tagline") }),
				[]string{"Enter the site's name.", `value="Kept tagline"`}},
			{"settings tagline too long", admin, "/admin/settings", site(func(f url.Values) { f.Set("tagline", long) }),
				[]string{"Keep the tagline under 200 characters.", long}},
			{"settings bad language", admin, "/admin/settings", site(func(f url.Values) { f.Set("language", "not a language") }),
				[]string{"is not a language tag", `value="not a language"`}},
			{"settings remote logo", admin, "/admin/settings", site(func(f url.Values) { f.Set("logo", "https://cdn.example.com/logo.png") }),
				[]string{"Give the path of an image on this site", `value="https://cdn.example.com/logo.png"`}},
			{"settings protocol-relative logo", admin, "/admin/settings", site(func(f url.Values) { f.Set("logo", "//cdn.example.com/logo.png") }),
				[]string{"Give the path of an image on this site"}},
			{"settings script link", admin, "/admin/settings", site(func(f url.Values) { f.Set("support_link", "javascript:alert(1)") }),
				[]string{"Give a path on this site, such as /support/, or a full address"}},
			{"settings support without text", admin, "/admin/settings", site(func(f url.Values) { f.Set("support_text", " ") }),
				[]string{"Write a sentence for the box"}},
		}
		for _, c := range cases {
			manageExpect(t, c.name, c.who.post(t, c.path, c.form), http.StatusUnprocessableEntity, c.contains...)
		}

		// Nothing was written.
		if nav := a.publicNav(t); strings.Join(nav, " ") != "/section/world/ /section/afghanistan/ /section/climate/" {
			t.Errorf("nav after bad input = %v", nav)
		}
		manageExpect(t, "site name", a.get(t, "/"), 200, "The Northern Dispatch")
		manageExpect(t, "about", a.get(t, "/about/"), 200, "About us")
		manageExpect(t, "water", a.get(t, "/tag/water/"), 200)
		if got := a.auditActions(t, "section."); len(got) != 0 {
			t.Errorf("bad input audited: %v", got)
		}

		// Text no database stores is refused before it gets near one.
		for _, v := range []string{"a\x00b", "caf\xe9"} {
			manageExpect(t, "section name "+strconv.Quote(v), ed.post(t, "/admin/sections", url.Values{"name": {v}}), 400)
			manageExpect(t, "page body "+strconv.Quote(v), ed.post(t, "/admin/pages/new", url.Values{"title": {"T"}, "body": {v}}), 400)
			manageExpect(t, "tag search "+strconv.Quote(v), ed.get(t, "/admin/tags?q="+url.QueryEscape(v)), 400)
		}

		for _, c := range []struct {
			method, path string
			status       int
		}{
			{"GET", "/admin/sections/abc", 404}, {"GET", "/admin/sections/99999", 404}, {"GET", "/admin/sections/-1", 404},
			{"POST", "/admin/sections/abc", 404}, {"POST", "/admin/sections/99999/delete", 404},
			{"POST", "/admin/sections/99999999999999999999999/move", 404},
			{"POST", "/admin/sections/" + world + "/move", 400}, // no direction
			{"GET", "/admin/tags/xyz", 404}, {"GET", "/admin/tags/99999", 404}, {"POST", "/admin/tags/99999/merge", 404},
			{"GET", "/admin/tags?page=0", 400}, {"GET", "/admin/tags?page=x", 400},
			{"GET", "/admin/pages/about", 404}, {"GET", "/admin/pages/99999", 404}, {"POST", "/admin/pages/99999", 404},
			{"POST", "/admin/pages/99999/delete", 404},
		} {
			var res *http.Response
			if c.method == "GET" {
				res = ed.get(t, c.path)
			} else {
				res = ed.post(t, c.path, url.Values{"name": {"X"}, "title": {"X"}, "into": {"trade"}, "confirm": {"yes"}})
			}
			if res.StatusCode != c.status {
				t.Errorf("%s %s = %d, want %d", c.method, c.path, res.StatusCode, c.status)
			}
		}
	})
}

// wantMoved checks that an old address answers 301 to its new one, as
// after a rename: links and bookmarks keep working.
func wantMoved(t *testing.T, a *app, old, to string) {
	t.Helper()
	res := a.get(t, old)
	if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != to {
		t.Errorf("%s answers %d to %q, want 301 to %s", old, res.StatusCode, res.Header.Get("Location"), to)
	}
}

// TestManageAuthors: an editor changes another author's byline and bio;
// the author page and the stories they signed show the change, the page's
// address stays, and a bad form is refused with what was typed kept.
func TestManageAuthors(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		a := newApp(t, st)
		ed := a.signIn(t, people.Editor)
		story := a.published(t)[0]
		if len(story.Authors) == 0 {
			t.Fatal("the lead story has no byline")
		}
		au := story.Authors[0]
		id := strconv.FormatInt(au.ID, 10)
		manageExpect(t, "list", ed.get(t, "/admin/authors"), 200, au.Name, au.Path())
		manageExpect(t, "edit", ed.get(t, "/admin/authors/"+id), 200, `name="byline"`, au.Name)
		manageExpect(t, "no such author", ed.get(t, "/admin/authors/999999"), 404)

		bio := "Reports on farming and water from the north of the country."
		manageExpect(t, "empty byline", ed.post(t, "/admin/authors/"+id, url.Values{"byline": {""}, "bio": {bio}}), 422,
			"The author was not saved", bio)
		loc := manageDone(t, "save", ed.post(t, "/admin/authors/"+id, url.Values{"byline": {"Soraya N. Noorzai"}, "bio": {bio}}))
		if !strings.HasPrefix(loc, "/admin/authors/"+id+"?") {
			t.Errorf("save redirects to %q", loc)
		}
		got, err := st.AuthorByID(ctx, au.ID)
		if err != nil || got.Name != "Soraya N. Noorzai" || got.Bio != bio || got.Slug != au.Slug {
			t.Fatalf("stored author %+v, %v", got, err)
		}
		manageExpect(t, "author page", a.get(t, au.Path()), 200, "Soraya N. Noorzai", bio)
		manageExpect(t, "byline on the story", a.get(t, story.Path(kabul())), 200, "Soraya N. Noorzai")
		wantAudit(t, a, "author.", "author.update")
	})
}
