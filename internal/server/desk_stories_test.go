package server_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/blob/disk"
	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/server"
	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/store/storetest"
)

// storyForm is a filled-in editor form.
func (a *app) storyForm(t testing.TB, headline string) url.Values {
	t.Helper()
	sections, err := a.st.ListSections(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return url.Values{"headline": {headline}, "standfirst": {"A standfirst."}, "body": {"First paragraph.\n\nSecond paragraph."},
		"section": {strconv.FormatInt(sections[0].ID, 10)}, "tags": {"Desk test, Water"}, "dateline": {"Kabul"},
		"language": {"en"}, "comments": {"on"}, "action": {"save"}}
}

var storyURL = regexp.MustCompile(`^/admin/stories/(\d+)`)

// create saves a new story through the editor and returns its id.
func (s *staff) create(t testing.TB, form url.Values) int64 {
	t.Helper()
	if form.Get("author") == "" {
		form.Set("author", strconv.FormatInt(s.byline(t), 10))
	}
	res := s.post(t, "/admin/stories/new", form)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("%s creating a story: %d\n%.2000s", s.user.Role, res.StatusCode, body(t, res))
	}
	m := storyURL.FindStringSubmatch(res.Header.Get("Location"))
	if m == nil {
		t.Fatalf("redirected to %q", res.Header.Get("Location"))
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	return id
}

func (a *app) story(t testing.TB, id int64) article.Article {
	t.Helper()
	got, err := a.st.ArticleByID(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// edit posts the editor form for an existing story with an action.
func (s *staff) edit(t testing.TB, id int64, action string, change func(url.Values)) *http.Response {
	t.Helper()
	a := s.app.story(t, id)
	f := s.app.storyForm(t, a.Headline)
	f.Set("body", a.Body)
	f.Set("version", strconv.Itoa(a.Version))
	f.Set("action", action)
	for _, au := range a.Authors {
		f.Add("author", strconv.FormatInt(au.ID, 10))
	}
	if change != nil {
		change(f)
	}
	return s.post(t, "/admin/stories/"+strconv.FormatInt(id, 10), f)
}

// byline is the user's own author profile.
func (s *staff) byline(t testing.TB) int64 {
	t.Helper()
	au, err := s.app.st.AuthorForUser(context.Background(), s.user, now)
	if err != nil {
		t.Fatal(err)
	}
	return au.ID
}

// TestStoryRoles checks each role against each story action over HTTP.
func TestStoryRoles(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		a := newApp(t, st)
		contributor, author := a.signIn(t, people.Contributor), a.signIn(t, people.AuthorRole)
		editor, admin := a.signIn(t, people.Editor), a.signIn(t, people.Admin)
		demoStory := a.published(t)[0].ID // written by nobody here

		type check struct {
			who    *staff
			do     func(*staff) *http.Response
			status int
		}
		own := map[*staff]int64{}
		for _, s := range []*staff{contributor, author, editor, admin} {
			own[s] = s.create(t, a.storyForm(t, "Story by "+string(s.user.Role)))
		}
		publish := func(id int64) func(*staff) *http.Response {
			return func(s *staff) *http.Response { return s.edit(t, id, "publish", nil) }
		}
		open := func(id int64) func(*staff) *http.Response {
			return func(s *staff) *http.Response { return s.get(t, "/admin/stories/"+strconv.FormatInt(id, 10)) }
		}
		correct := func(id int64) func(*staff) *http.Response {
			return func(s *staff) *http.Response {
				return s.post(t, "/admin/stories/"+strconv.FormatInt(id, 10)+"/corrections", url.Values{"kind": {"correction"}, "correction": {"A fix."}})
			}
		}
		checks := []check{
			{contributor, publish(own[contributor]), 403},
			{contributor, open(demoStory), 403},
			{contributor, publish(demoStory), 403},
			{contributor, correct(demoStory), 403},
			{author, publish(own[author]), 303},
			{author, open(demoStory), 403},
			{author, publish(own[contributor]), 403},
			{author, correct(demoStory), 403},
			{editor, open(own[contributor]), 200},
			{editor, publish(own[contributor]), 303},
			{editor, correct(demoStory), 303},
			{admin, publish(own[editor]), 303},
			{admin, open(demoStory), 200},
		}
		for i, c := range checks {
			if res := c.do(c.who); res.StatusCode != c.status {
				t.Errorf("check %d: %s got %d, want %d\n%.400s", i, c.who.user.Role, res.StatusCode, c.status, body(t, res))
			}
		}
		// The contributor's story went public only when the editor published it.
		if got := a.story(t, own[contributor]); got.Status != article.Published {
			t.Errorf("contributor's story status %s after the editor published it", got.Status)
		}
		// A published story is no longer the contributor's to change.
		if res := contributor.edit(t, own[contributor], "save", nil); res.StatusCode != 403 {
			t.Errorf("contributor edited a published story: %d", res.StatusCode)
		}
		// Contributors see only their own stories in the list.
		list := body(t, contributor.get(t, "/admin/"))
		if !strings.Contains(list, "Story by contributor") || strings.Contains(list, "Story by editor") {
			t.Error("contributor's story list shows others' stories or not their own")
		}
	})
}

// TestReviewCycle: a contributor submits; the editor sees it in the queue,
// sends it back with a note; the contributor sees the note.
func TestReviewCycle(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		a := newApp(t, st)
		contributor, editor := a.signIn(t, people.Contributor), a.signIn(t, people.Editor)
		f := a.storyForm(t, "Water rights dispute reaches the council")
		f.Set("action", "submit")
		id := contributor.create(t, f)
		if got := a.story(t, id); got.ReviewState != article.Submitted || got.Status != article.Draft {
			t.Fatalf("after submit: %s / %q", got.Status, got.ReviewState)
		}
		queue := body(t, editor.get(t, "/admin/?review=submitted"))
		if !strings.Contains(queue, "Water rights dispute") {
			t.Error("review queue lacks the submitted story")
		}
		sid := strconv.FormatInt(id, 10)
		if res := editor.post(t, "/admin/stories/"+sid+"/send-back", url.Values{"note": {""}}); res.StatusCode != 422 {
			t.Errorf("empty note: %d, want 422", res.StatusCode)
		}
		res := editor.post(t, "/admin/stories/"+sid+"/send-back", url.Values{"note": {"Name the council member, please."}})
		if res.StatusCode != 303 {
			t.Fatalf("send back: %d", res.StatusCode)
		}
		page := body(t, contributor.get(t, "/admin/stories/"+sid))
		if !strings.Contains(page, "Sent back by the editor") || !strings.Contains(page, "Name the council member") {
			t.Error("contributor does not see the editor's note")
		}
	})
}

// TestTwoEditorsOneStory: the second save over a stale version is refused
// with both versions shown, and nothing is overwritten.
func TestTwoEditorsOneStory(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		a := newApp(t, st)
		first, second := a.signIn(t, people.Editor), a.addUser(t, "second@example.org", people.Editor)
		other := a.signInAs(t, second)
		id := first.create(t, a.storyForm(t, "Budget talks"))
		opened := a.story(t, id).Version

		if res := first.edit(t, id, "save", func(f url.Values) { f.Set("body", "The first editor's text.") }); res.StatusCode != 303 {
			t.Fatalf("first save: %d", res.StatusCode)
		}
		res := other.edit(t, id, "save", func(f url.Values) {
			f.Set("version", strconv.Itoa(opened))
			f.Set("body", "The second editor's text.")
		})
		page := body(t, res)
		if res.StatusCode != http.StatusConflict {
			t.Fatalf("stale save: %d, want 409", res.StatusCode)
		}
		for _, want := range []string{"Someone else saved this story", "The first editor&#39;s text.", "The second editor&#39;s text."} {
			if !strings.Contains(page, want) {
				t.Errorf("conflict page lacks %q", want)
			}
		}
		if got := a.story(t, id); got.Body != "The first editor's text." {
			t.Errorf("stored body %q: the stale save overwrote it", got.Body)
		}
		// Having seen both, the second editor saves on top of the new version.
		m := regexp.MustCompile(`name="version" value="(\d+)"`).FindStringSubmatch(page)
		res = other.edit(t, id, "save", func(f url.Values) { f.Set("version", m[1]); f.Set("body", "Merged text.") })
		if res.StatusCode != 303 || a.story(t, id).Body != "Merged text." {
			t.Errorf("save after conflict: %d, body %q", res.StatusCode, a.story(t, id).Body)
		}
	})
}

// TestSchedulerAcrossRestart schedules a story, stops the app before its
// time, starts a new one after it: the story is published, exactly once.
func TestSchedulerAcrossRestart(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		a := newApp(t, st)
		editor := a.signIn(t, people.Editor)
		id := editor.create(t, a.storyForm(t, "Results due at noon"))
		at := now.Add(90 * time.Minute)
		res := editor.edit(t, id, "schedule", func(f url.Values) {
			f.Set("publish_at", at.In(kabul()).Format("2006-01-02T15:04"))
		})
		if res.StatusCode != 303 || a.story(t, id).Status != article.Scheduled {
			t.Fatalf("schedule: %d, status %s\n%.500s", res.StatusCode, a.story(t, id).Status, body(t, res))
		}
		for _, j := range a.built.Jobs {
			j.Run(ctx) // before its time: nothing happens
		}
		if a.story(t, id).Status != article.Scheduled {
			t.Fatal("published before its time")
		}
		// "Restart": two new nodes over the same database, after the time.
		later := func() time.Time { return at.Add(time.Second) }
		media, _ := disk.New(t.TempDir())
		log := slog.New(slog.NewTextHandler(io.Discard, nil))
		var published []int64
		for range 2 {
			node, err := server.Build(ctx, server.Deps{Store: st, Media: media, Log: log, Now: later})
			if err != nil {
				t.Fatal(err)
			}
			ids, err := node.Articles.PublishDue(ctx)
			if err != nil {
				t.Fatal(err)
			}
			published = append(published, ids...)
		}
		if len(published) != 1 || published[0] != id {
			t.Errorf("published %v, want [%d] exactly once", published, id)
		}
		if got := a.story(t, id); got.Status != article.Published || !got.PublishedAt.Equal(at.Truncate(time.Minute)) {
			t.Errorf("after restart: %s at %v, want published at %v", got.Status, got.PublishedAt, at)
		}
	})
}

// TestBadStoryInput: scripts are inert, oversized bodies refused with the
// text kept, cross-origin posts refused, a lost session keeps the work.
func TestBadStoryInput(t *testing.T) {
	a := newApp(t, storetest.OpenSQLite(t))
	editor := a.signIn(t, people.Editor)

	f := a.storyForm(t, `<script>alert("x")</script> Headline`)
	f.Set("body", `Text <img src=x onerror="alert(1)"> and <script>steal()</script>`)
	f.Set("action", "publish")
	id := editor.create(t, f)
	page := body(t, a.get(t, a.story(t, id).Path(kabul())))
	if strings.Contains(page, "<script>alert") || strings.Contains(page, "onerror") || strings.Contains(page, "steal()") {
		t.Error("script or event handler reached the public page")
	}
	if !strings.Contains(page, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; Headline") {
		t.Error("headline not shown as text")
	}

	big := a.storyForm(t, "Too long")
	big.Set("author", strconv.FormatInt(editor.byline(t), 10))
	big.Set("body", strings.Repeat("word ", (2<<20)/5+10))
	res := editor.post(t, "/admin/stories/new", big)
	if b := body(t, res); res.StatusCode != 422 || !strings.Contains(b, "the limit is 2 MB") || !strings.Contains(b, "word word word") {
		t.Errorf("2 MB body: %d; message or text missing", res.StatusCode)
	}

	req := a.storyForm(t, "Forged")
	forged := httpPost(a, "/admin/stories/new", editor.cookie, req, "https://attacker.example")
	if forged.Code != http.StatusForbidden {
		t.Errorf("cross-origin post: %d, want 403", forged.Code)
	}

	// The session ends mid-edit: the save shows the sign-in form with the text.
	lost := a.storyForm(t, "Written while signed out")
	lost.Set("body", "Every word of this matters.")
	lost.Set("author", strconv.FormatInt(editor.byline(t), 10))
	res = a.post(t, "/admin/stories/new", nil, lost)
	page = body(t, res)
	if res.StatusCode != 401 || !strings.Contains(page, "Every word of this matters.") {
		t.Fatalf("expired session save: %d\n%.500s", res.StatusCode, page)
	}
	resume := url.Values{"email": {editor.user.Email}, "password": {password}, "resume_action": {"/admin/stories/new"}}
	for k, v := range lost {
		resume["resume."+k] = v
	}
	res = a.post(t, "/admin/sign-in", nil, resume)
	page = body(t, res)
	if res.StatusCode != 200 || !strings.Contains(page, "Save my work now") || !strings.Contains(page, "Every word of this matters.") {
		t.Fatalf("sign in again: %d\n%.500s", res.StatusCode, page)
	}
	var cookie *http.Cookie
	for _, c := range res.Cookies() {
		cookie = c
	}
	res = a.post(t, "/admin/stories/new", cookie, lost)
	if res.StatusCode != 303 {
		t.Fatalf("resumed save: %d", res.StatusCode)
	}
	m := storyURL.FindStringSubmatch(res.Header.Get("Location"))
	sid, _ := strconv.ParseInt(m[1], 10, 64)
	if a.story(t, sid).Body != "Every word of this matters." {
		t.Error("resumed save lost the text")
	}
}
