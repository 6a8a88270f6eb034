package server_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/blob/disk"
	"github.com/datelinenews/dateline/internal/comment"
	"github.com/datelinenews/dateline/internal/server"
	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/store/storetest"
	"github.com/datelinenews/dateline/internal/web"
)

// open returns the demo stories that take comments.
func (a *app) open(t testing.TB) []article.Article {
	t.Helper()
	var out []article.Article
	for _, s := range a.published(t) {
		if s.CommentsOpen {
			out = append(out, s)
		}
	}
	if len(out) < 5 {
		t.Fatalf("only %d demo stories take comments", len(out))
	}
	return out
}

// commentForm is a reader's filled-in form, served ten seconds ago.
func (a *app) commentForm(story article.Article, name, email, text string) url.Values {
	return url.Values{"article_id": {strconv.FormatInt(story.ID, 10)}, "author": {name}, "email": {email},
		"url": {""}, "comment": {text}, "stamp": {a.built.Comments.Signer().FormStamp(now.Add(-10 * time.Second))}}
}

// postComment sends the form from a reader at addr.
func (a *app) postComment(t testing.TB, form url.Values, addr string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/comments", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	req.RemoteAddr = addr + ":5555"
	rec := httptest.NewRecorder()
	a.handler.ServeHTTP(rec, req)
	return rec.Result()
}

var commentID = regexp.MustCompile(`#comment-(\d+)$`)

func (a *app) commentByLocation(t testing.TB, res *http.Response) comment.Comment {
	t.Helper()
	m := commentID.FindStringSubmatch(res.Header.Get("Location"))
	if m == nil {
		t.Fatalf("no comment in redirect %q (status %d)\n%.600s", res.Header.Get("Location"), res.StatusCode, body(t, res))
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	c, err := a.st.CommentByID(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCommentForm(t *testing.T) {
	a := newApp(t, storetest.OpenSQLite(t))
	story := a.open(t)[0]
	page := body(t, a.get(t, story.Path(kabul())))
	for _, want := range []string{"Leave a Reply", `<label for="author">Name <span aria-hidden="true">*</span>`,
		`<label for="email">Email <span aria-hidden="true">*</span>`, `<label for="url">Website</label>`,
		`<label for="comment">Comment <span aria-hidden="true">*</span>`, "Your email address will not be published.",
		"Required fields are marked", ">Post Comment</button>"} {
		if !strings.Contains(page, want) {
			t.Errorf("article page lacks %q", want)
		}
	}
	in := article.InputOf(story)
	in.CommentsOpen = false
	if _, err := a.articles.Update(context.Background(), story.ID, in); err != nil {
		t.Fatal(err)
	}
	page = body(t, a.get(t, story.Path(kabul())))
	if strings.Contains(page, "Leave a Reply") || !strings.Contains(page, "Comments are closed.") {
		t.Error("closed story still shows the form")
	}
	res := a.postComment(t, a.commentForm(story, "Ana", "ana@example.org", "Hello"), "192.0.2.1")
	if b := body(t, res); res.StatusCode != http.StatusForbidden || !strings.Contains(b, "Comments are closed") {
		t.Errorf("comment on a closed story: %d", res.StatusCode)
	}
}

// TestCommentModeration: a first comment is held and shown only to its
// writer; once approved, the writer's next comment appears at once, and a
// reply threads under its parent.
func TestCommentModeration(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		a := newApp(t, st)
		story := a.open(t)[1]
		res := a.postComment(t, a.commentForm(story, "Farid Noori", "farid@example.org", "Thank you for this *careful* report."), "192.0.2.10")
		if res.StatusCode != http.StatusSeeOther || !strings.Contains(res.Header.Get("Location"), "?held=") {
			t.Fatalf("first comment: %d → %q", res.StatusCode, res.Header.Get("Location"))
		}
		first := a.commentByLocation(t, res)
		if first.Status != comment.Pending {
			t.Fatalf("first comment is %s, want pending", first.Status)
		}
		heldURL, _, _ := strings.Cut(res.Header.Get("Location"), "#")
		res = a.get(t, heldURL)
		page := body(t, res)
		if res.StatusCode != 200 || !strings.Contains(page, "Your comment is awaiting moderation") || !strings.Contains(page, "<em>careful</em>") {
			t.Errorf("writer's view of the held comment: %d", res.StatusCode)
		}
		if cc := res.Header.Get("Cache-Control"); cc != "no-store" {
			t.Errorf("held view Cache-Control %q, want no-store", cc)
		}
		res = a.get(t, story.Path(kabul()))
		if page := body(t, res); strings.Contains(page, "careful") || !strings.HasPrefix(res.Header.Get("Cache-Control"), "public") {
			t.Error("the public, cached page shows the held comment")
		}
		if res := a.get(t, story.Path(kabul())+"?held=forged.token"); strings.Contains(body(t, res), "careful") {
			t.Error("a forged token shows the held comment")
		}

		if _, err := st.SetCommentStatus(ctx, []int64{first.ID}, comment.Approved, now); err != nil {
			t.Fatal(err)
		}
		page = body(t, a.get(t, story.Path(kabul())))
		if !strings.Contains(page, "<em>careful</em>") || !strings.Contains(page, `id="comment-`+strconv.FormatInt(first.ID, 10)+`"`) {
			t.Error("approved comment missing from the article")
		}
		reply := a.commentForm(story, "Farid Noori", "FARID@example.org", "And a follow-up.")
		reply.Set("parent_id", strconv.FormatInt(first.ID, 10))
		res = a.postComment(t, reply, "192.0.2.10")
		second := a.commentByLocation(t, res)
		if second.Status != comment.Approved || strings.Contains(res.Header.Get("Location"), "held") || second.ParentID != first.ID || second.Depth != 2 {
			t.Errorf("known commenter's reply: %s, parent %d, depth %d", second.Status, second.ParentID, second.Depth)
		}
		page = body(t, a.get(t, story.Path(kabul())))
		if !strings.Contains(page, `class="comment depth-2" id="comment-`+strconv.FormatInt(second.ID, 10)) {
			t.Error("reply not threaded under its parent")
		}
		if !strings.Contains(page, "2 comments") {
			t.Error("comment count missing")
		}
		if front := body(t, a.get(t, story.Section.Path())); !strings.Contains(front, "2 comments</a>") {
			t.Error("comment count missing from the section's list")
		}
	})
}

func TestCommentBadInput(t *testing.T) {
	a := newApp(t, storetest.OpenSQLite(t))
	stories := a.open(t)
	story, other := stories[2], stories[3]
	ok := func() url.Values { return a.commentForm(story, "Lina", "lina@example.org", "A fair point, well made.") }

	cases := []struct {
		name   string
		change func(url.Values)
		status int
		want   string
	}{
		{"no name", func(f url.Values) { f.Set("author", " ") }, 422, "Please enter your name."},
		{"bad email", func(f url.Values) { f.Set("email", "lina@") }, 422, "like name@example.org"},
		{"javascript website", func(f url.Values) { f.Set("url", "javascript:alert(1)") }, 422, "must start with http://"},
		{"long name", func(f url.Values) { f.Set("author", strings.Repeat("n", 101)) }, 422, "under 100 characters"},
		{"long comment", func(f url.Values) { f.Set("comment", strings.Repeat("c", 10001)) }, 422, "under 10000 characters"},
		{"empty comment", func(f url.Values) { f.Set("comment", "") }, 422, "Please write your comment."},
		{"invalid UTF-8", func(f url.Values) { f.Set("comment", "bad \xff\xfe bytes") }, 400, "not valid text"},
		{"unknown story", func(f url.Values) { f.Set("article_id", "999999") }, 404, "could not be found"},
		{"non-numeric story", func(f url.Values) { f.Set("article_id", "abc") }, 404, "could not be found"},
		{"expired form", func(f url.Values) { f.Set("stamp", "123.forged") }, 422, "post it again"},
		{"1 MB post", func(f url.Values) { f.Set("comment", strings.Repeat("x", 1<<20)) }, 413, "too long to send"},
	}
	for _, c := range cases {
		f := ok()
		c.change(f)
		res := a.postComment(t, f, "192.0.2.20")
		page := body(t, res)
		if res.StatusCode != c.status || !strings.Contains(page, c.want) {
			t.Errorf("%s: %d, want %d with %q\n%.300s", c.name, res.StatusCode, c.status, c.want, page)
		}
		if c.status == 422 && !strings.Contains(page, f.Get("comment")) {
			t.Errorf("%s: typed comment not kept", c.name)
		}
	}

	// A reply naming a comment on another story is refused.
	res := a.postComment(t, a.commentForm(other, "Ravi", "ravi@example.org", "On the other story."), "192.0.2.21")
	foreign := a.commentByLocation(t, res)
	a.st.SetCommentStatus(context.Background(), []int64{foreign.ID}, comment.Approved, now)
	f := ok()
	f.Set("parent_id", strconv.FormatInt(foreign.ID, 10))
	if res := a.postComment(t, f, "192.0.2.22"); res.StatusCode != 422 || !strings.Contains(body(t, res), "not on this story") {
		t.Errorf("reply to another story's comment: %d", res.StatusCode)
	}
}

func TestCommentSpamSignals(t *testing.T) {
	a := newApp(t, storetest.OpenSQLite(t))
	story := a.open(t)[4]

	bot := a.commentForm(story, "Bot", "bot@example.org", "Buy now")
	bot.Set("contact_me", "http://spam.example")
	res := a.postComment(t, bot, "198.51.100.1")
	if c := a.commentByLocation(t, res); c.Status != comment.Spam || !strings.Contains(res.Header.Get("Location"), "held") {
		t.Errorf("honeypot comment: %s", c.Status)
	}
	fast := a.commentForm(story, "Quick", "quick@example.org", "Too fast")
	fast.Set("stamp", a.built.Comments.Signer().FormStamp(now))
	if c := a.commentByLocation(t, a.postComment(t, fast, "198.51.100.2")); c.Status != comment.Spam {
		t.Errorf("comment sent 0 s after the page: %s", c.Status)
	}
	links := a.commentForm(story, "Linky", "linky@example.org", "See https://a.example https://b.example https://c.example")
	if c := a.commentByLocation(t, a.postComment(t, links, "198.51.100.3")); c.Status != comment.Pending || !strings.Contains(c.Reason, "links") {
		t.Errorf("three links: %s (%s)", c.Status, c.Reason)
	}
	// Rate limit: four a minute from one address, then 429 with the text kept.
	for i := range 4 {
		a.postComment(t, a.commentForm(story, "Eager", fmt.Sprintf("eager%d@example.org", i), fmt.Sprintf("Thought %d", i)), "198.51.100.9")
	}
	res = a.postComment(t, a.commentForm(story, "Eager", "eager9@example.org", "One more thought"), "198.51.100.9")
	if page := body(t, res); res.StatusCode != 429 || !strings.Contains(page, "One more thought") || res.Header.Get("Retry-After") == "" {
		t.Errorf("fifth comment in a minute: %d", res.StatusCode)
	}
	// The same comment twice is refused, not stored twice.
	twice := a.commentForm(story, "Echo", "echo@example.org", "Said once.")
	a.postComment(t, twice, "198.51.100.30")
	if res := a.postComment(t, twice, "198.51.100.31"); res.StatusCode != 409 {
		t.Errorf("duplicate: %d, want 409", res.StatusCode)
	}
}

// TestCommenterPrivacy: the email is in no public response, and the
// address is stored only as a hash.
func TestCommenterPrivacy(t *testing.T) {
	a := newApp(t, storetest.OpenSQLite(t))
	story := a.open(t)[0]
	const email = "whistle.blower.7731@example.org"
	res := a.postComment(t, a.commentForm(story, "A reader", email, "Please protect my identity."), "203.0.113.77")
	c := a.commentByLocation(t, res)
	a.st.SetCommentStatus(context.Background(), []int64{c.ID}, comment.Approved, now)
	if c.ClientHash == "" || strings.Contains(c.ClientHash, "203.0.113") {
		t.Errorf("client stored as %q", c.ClientHash)
	}
	heldURL, _, _ := strings.Cut(res.Header.Get("Location"), "#")
	paths := []string{"/", story.Path(kabul()), story.Section.Path(), story.Authors[0].Path(), "/robots.txt", heldURL, "/about/"}
	for _, tg := range story.Tags {
		paths = append(paths, tg.Path())
	}
	for _, p := range paths {
		if page := body(t, a.get(t, p)); strings.Contains(strings.ToLower(page), "whistle.blower") {
			t.Errorf("%s shows the commenter's email", p)
		}
	}
	if page := body(t, a.get(t, story.Path(kabul()))); !strings.Contains(page, "Please protect my identity.") {
		t.Error("approved comment not shown (so the privacy check proves little)")
	}
}

// TestCommentBurst: 1,000 concurrent submissions over real HTTP; every
// acknowledged comment is stored once, none twice.
func TestCommentBurst(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		media, _ := disk.New(t.TempDir())
		a := newApp(t, st)
		proxies, _ := web.ParseProxies("127.0.0.1")
		built, err := server.Build(ctx, server.Deps{Store: st, Media: media, Log: testLogger(t), Now: func() time.Time { return now }, Proxies: proxies})
		if err != nil {
			t.Fatal(err)
		}
		a.built = built
		if err := st.SaveCommentSettings(ctx, comment.Settings{Moderation: comment.ApproveAll, RetentionDays: 30, MaxLinks: 2}); err != nil {
			t.Fatal(err)
		}
		srv := httptest.NewServer(built.Handler)
		defer srv.Close()
		story := a.open(t)[0]
		const n = 1000
		client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
			Transport: &http.Transport{MaxIdleConnsPerHost: 64, MaxConnsPerHost: 64}}
		var mu sync.Mutex
		acked := map[int64]int{}
		var wg sync.WaitGroup
		sem := make(chan struct{}, 200)
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				sem <- struct{}{}
				defer func() { <-sem }()
				form := a.commentForm(story, fmt.Sprintf("Reader %d", i), fmt.Sprintf("reader%d@example.org", i), fmt.Sprintf("Comment number %d.", i))
				req, _ := http.NewRequest(http.MethodPost, srv.URL+"/comments", strings.NewReader(form.Encode()))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				req.Header.Set("Sec-Fetch-Site", "same-origin")
				req.Header.Set("X-Forwarded-For", fmt.Sprintf("10.%d.%d.%d", i/65536, (i/256)%256, i%256))
				res, err := client.Do(req)
				if err != nil {
					return // not acknowledged
				}
				res.Body.Close()
				if m := commentID.FindStringSubmatch(res.Header.Get("Location")); res.StatusCode == http.StatusSeeOther && m != nil {
					id, _ := strconv.ParseInt(m[1], 10, 64)
					mu.Lock()
					acked[id]++
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		stored, err := st.ListComments(ctx, story.ID)
		if err != nil {
			t.Fatal(err)
		}
		bodies := map[string]int{}
		for _, c := range stored {
			bodies[c.Body]++
		}
		for id, times := range acked {
			if times != 1 {
				t.Errorf("comment %d acknowledged %d times", id, times)
			}
			if _, err := st.CommentByID(ctx, id); err != nil {
				t.Errorf("acknowledged comment %d lost: %v", id, err)
			}
		}
		for text, times := range bodies {
			if times > 1 {
				t.Errorf("%q stored %d times", text, times)
			}
		}
		if len(acked) < n*9/10 || len(stored) != len(acked) {
			t.Errorf("%d of %d acknowledged, %d stored", len(acked), n, len(stored))
		}
	})
}

// TestCommentFeeds: approved comments only, no emails, per story and site-wide.
func TestCommentFeeds(t *testing.T) {
	a := newApp(t, storetest.OpenSQLite(t))
	story := a.open(t)[0]
	ok := a.commentByLocation(t, a.postComment(t, a.commentForm(story, "Published Pat", "pat.secret@example.org", "An approved <b>view</b>."), "192.0.2.50"))
	held := a.commentByLocation(t, a.postComment(t, a.commentForm(story, "Held Hana", "hana@example.org", "Still waiting."), "192.0.2.51"))
	a.st.SetCommentStatus(context.Background(), []int64{ok.ID}, comment.Approved, now)
	for _, path := range []string{story.Path(kabul()) + "feed/", "/comments/feed/"} {
		res := a.get(t, path)
		feed := body(t, res)
		if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/rss+xml") {
			t.Fatalf("%s: %d %s", path, res.StatusCode, res.Header.Get("Content-Type"))
		}
		if !strings.Contains(feed, "Published Pat") || !strings.Contains(feed, "#comment-"+strconv.FormatInt(ok.ID, 10)) {
			t.Errorf("%s lacks the approved comment", path)
		}
		if strings.Contains(feed, "Still waiting") || strings.Contains(feed, "pat.secret") || strings.Contains(feed, "hana@") {
			t.Errorf("%s shows a held comment or an email", path)
		}
		if strings.Contains(feed, "<b>view") {
			t.Errorf("%s carries raw markup from a comment", path)
		}
	}
	_ = held
	if res := a.get(t, "/2026/01/01/no-such-story/feed/"); res.StatusCode != 404 {
		t.Errorf("feed of an unknown story: %d", res.StatusCode)
	}
}
