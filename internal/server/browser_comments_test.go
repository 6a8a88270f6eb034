package server_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/datelinenews/dateline/internal/comment"
	"github.com/datelinenews/dateline/internal/demo"
	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/store/storetest"
	"github.com/datelinenews/dateline/internal/testenv"
)

// TestBrowserCommentModeration runs a comment's life as people click it: a
// reader posts and sees it held; an editor approves it in the queue; the
// reader sees it published, replies with the script moving the form under
// it, and the reply (from a now known commenter) appears at once, threaded.
func TestBrowserCommentModeration(t *testing.T) {
	ctx := context.Background()
	// The real clock, which the test moves ahead instead of waiting while
	// a "reader" types: the form refuses what comes faster than a person.
	var ahead atomic.Int64
	clock := func() time.Time { return time.Now().Add(time.Duration(ahead.Load())) }
	typed := func() { ahead.Add(int64(comment.MinFill + time.Second)) }
	a := newAppAt(t, storetest.OpenSQLite(t), clock)
	built := a.built
	srv := httptest.NewServer(built.Handler)
	t.Cleanup(srv.Close)
	editor := a.addUser(t, "moderator@example.org", people.Editor)
	story := a.open(t)[0]
	storyURL := srv.URL + story.Path(demo.Site.Location())

	b, requests := testenv.Browser(t)
	// Reduced motion: a click must never be aimed at a page still scrolling.
	err := chromedp.Do(b, chromedp.Func(func(ctx context.Context, tgt *chromedp.Target) error {
		_, err := cdp.Call(ctx, tgt, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}}})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
	run := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		// A step gets a share of the browser's time, so a failure leaves
		// enough to say where the browser got stuck.
		ctx, cancel := context.WithTimeout(b, 10*time.Second)
		defer cancel()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v\n%s", step, err, browserState(b))
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(b, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("read %s: %v", sel, err)
		}
		return s
	}
	post := func(step, body, then string) {
		t.Helper()
		run(step+": write",
			chromedp.SendKeys(chromedp.CSS("#comment"), body),
			chromedp.SendKeys(chromedp.CSS("#author"), "Laila Hotak"),
			chromedp.SendKeys(chromedp.CSS("#email"), "laila.hotak@example.org"),
		)
		typed()
		run(step+": post", chromedp.Click(chromedp.CSS("button.post-comment")), chromedp.WaitVisible(chromedp.CSS(then)))
	}

	run("open the story", chromedp.Navigate(storyURL), chromedp.WaitVisible(chromedp.CSS("#comment-form")))
	post("comment", "Is the clinic in Herat open again?", ".held-notice")
	if notice := text(".held-notice"); !strings.Contains(notice, "Your comment is awaiting moderation") {
		t.Fatalf("after posting: %q", notice)
	}
	held, err := a.st.ListComments(ctx, story.ID, comment.Pending)
	if err != nil || len(held) != 1 {
		t.Fatalf("held comments: %v, %v", held, err)
	}
	first := "#comment-" + strconv.FormatInt(held[0].ID, 10)

	run("sign in as the editor",
		chromedp.Navigate(srv.URL+"/admin/sign-in"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), editor.Email),
		chromedp.SendKeys(chromedp.CSS("#password"), password),
		chromedp.Click(chromedp.CSS("form.stack button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".desk-user")),
		chromedp.Click(chromedp.Search(`//nav//a[text()="Comments"]`)),
		chromedp.WaitVisible(chromedp.CSS(".comment-rows")),
	)
	if row := text(first); !strings.Contains(row, "clinic in Herat") || !strings.Contains(row, "laila.hotak@example.org") {
		t.Fatalf("queue row: %q", row)
	}
	run("approve it",
		chromedp.Click(chromedp.CSS(first+` button[value^="approve:"]`)),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	if flash := text(".flash"); !strings.Contains(flash, "1 comment approved") {
		t.Fatalf("after approving: %q", flash)
	}
	run("sign out", chromedp.Click(chromedp.CSS(".desk-user button")), chromedp.WaitVisible(chromedp.CSS("#email")))

	// The story page is public and kept by the browser for a minute: the
	// reader reloads it, as people do, to look for their comment.
	run("reload the story", chromedp.Navigate(storyURL), chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(first)))
	if c := text(first); !strings.Contains(c, "clinic in Herat") || strings.Contains(c, "awaiting moderation") {
		t.Fatalf("published comment reads %q", c)
	}
	run("reply to it", chromedp.Click(chromedp.CSS(first+" .reply-link")), chromedp.WaitVisible(chromedp.CSS(first+" #respond")))
	if title := text("#reply-title"); !strings.Contains(title, "Reply to Laila Hotak") {
		t.Errorf("reply form title %q", title)
	}
	post("reply", "Answering myself: it reopened on Sunday.", "li.comment.depth-2")
	replies, err := a.st.ListComments(ctx, story.ID, comment.Approved)
	if err != nil || len(replies) != 2 || replies[1].ParentID != held[0].ID {
		t.Fatalf("after replying, approved comments: %+v, %v", replies, err)
	}
	reply := "#comment-" + strconv.FormatInt(replies[1].ID, 10)
	run("see the reply", chromedp.WaitVisible(chromedp.CSS(first+" + li.comment.depth-2"+reply)))
	if c := text(reply); !strings.Contains(c, "reopened on Sunday") || strings.Contains(c, "awaiting moderation") {
		t.Errorf("reply reads %q", c)
	}
	if outside := requests.Outside("127.0.0.1"); len(outside) > 0 {
		t.Errorf("requests outside 127.0.0.1: %v", outside)
	}
}

// browserState tells where the browser is and what it shows, for a failed step.
func browserState(b context.Context) string {
	ctx, cancel := context.WithTimeout(b, 2*time.Second)
	defer cancel()
	loc, _ := chromedp.Run(ctx, chromedp.Location())
	page, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
	return fmt.Sprintf("at %s:\n%.1500s", loc, page)
}
