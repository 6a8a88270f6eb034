package server_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/demo"
	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/schedule"
	"github.com/datelinenews/dateline/internal/store/storetest"
	"github.com/datelinenews/dateline/internal/testenv"
)

// TestBrowserNewsCycle runs the desk as people do, on the real clock: a
// contributor writes and submits a story; an editor reviews it, schedules
// it two seconds ahead and sees it appear on the front page; a correction
// added afterwards shows on the public article.
func TestBrowserNewsCycle(t *testing.T) {
	ctx := context.Background()
	a := newAppAt(t, storetest.OpenSQLite(t), time.Now)
	built := a.built
	jobs, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { schedule.Run(jobs, testLogger(t), built.Jobs...); close(done) }()
	t.Cleanup(func() { stop(); <-done })
	srv := httptest.NewServer(built.Handler)
	t.Cleanup(srv.Close)
	writer := a.addUser(t, "writer@example.org", people.Contributor)
	editor := a.addUser(t, "editor@example.org", people.Editor)

	b, requests := testenv.Browser(t)
	run := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(b, actions...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	signIn := func(u people.User) {
		t.Helper()
		run("sign in as "+u.Email,
			chromedp.Navigate(srv.URL+"/admin/sign-in"),
			chromedp.WaitVisible(chromedp.CSS("#email")),
			chromedp.SendKeys(chromedp.CSS("#email"), u.Email),
			chromedp.SendKeys(chromedp.CSS("#password"), password),
			chromedp.Click(chromedp.CSS("form.stack button[type=submit]")),
			chromedp.WaitVisible(chromedp.CSS(".desk-user")),
		)
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(b, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("read %s: %v", sel, err)
		}
		return s
	}

	headline := fmt.Sprintf("Night buses return to Kabul's western districts %d", time.Now().UnixNano()%1000)
	signIn(writer)
	run("write a story",
		chromedp.Navigate(srv.URL+"/admin/stories/new"),
		chromedp.WaitVisible(chromedp.CSS("#headline")),
		chromedp.SendKeys(chromedp.CSS("#headline"), headline),
		chromedp.SendKeys(chromedp.CSS("#standfirst"), "Drivers and riders welcome the later hours."),
		chromedp.SendKeys(chromedp.CSS("#body"), "The first bus left the depot at nine.\n\n## Riders\n\nMost were shift workers."),
		chromedp.WaitVisible(chromedp.CSS("#preview-body h2")), // the live preview rendered the heading
		chromedp.Click(chromedp.CSS(`button[value="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	if flash := text(".flash"); !strings.Contains(flash, "submitted for review") {
		t.Fatalf("after submitting: %q", flash)
	}
	run("sign out", chromedp.Click(chromedp.CSS(".desk-user button")), chromedp.WaitVisible(chromedp.CSS("#email")))

	signIn(editor)
	run("open the review queue",
		chromedp.Navigate(srv.URL+"/admin/?review=submitted"),
		chromedp.WaitVisible(chromedp.CSS("table.stories")),
	)
	if queue := text("table.stories"); !strings.Contains(queue, headline) {
		t.Fatalf("review queue lacks the story: %q", queue)
	}
	at := time.Now().Add(2 * time.Second).In(demo.Site.Location()).Format("2006-01-02T15:04:05")
	run("schedule it two seconds ahead",
		chromedp.Click(chromedp.Search(`//table//a[contains(., "Night buses")]`)),
		chromedp.WaitVisible(chromedp.CSS("#publish_at")),
		chromedp.SetValue(chromedp.CSS("#publish_at"), at),
		chromedp.Click(chromedp.CSS(`button[value="schedule"]`)),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	if flash := text(".flash"); !strings.Contains(flash, "scheduled") {
		t.Fatalf("after scheduling: %q", flash)
	}
	storyPath, err := chromedp.Run(b, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	storyPath, _, _ = strings.Cut(storyPath, "?") // without the "scheduled" message
	deadline := time.Now().Add(15 * time.Second)
	for {
		run("look at the front page", chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.CSS("main")))
		if strings.Contains(text("main"), headline) {
			break
		}
		if time.Now().After(deadline) {
			list, _, _ := a.articles.DeskList(ctx, article.DeskFilter{Query: "Night buses"})
			for _, s := range list {
				t.Logf("story %d: %s at %v (now %v), trashed %v", s.ID, s.Status, s.PublishedAt, time.Now().UTC(), s.TrashedAt)
			}
			t.Fatal("the scheduled story never reached the front page")
		}
		time.Sleep(500 * time.Millisecond)
	}

	run("add a correction",
		chromedp.Navigate(storyPath),
		chromedp.WaitVisible(chromedp.CSS("#correction")),
		chromedp.SendKeys(chromedp.CSS("#correction"), "An earlier version gave the wrong depot."),
		chromedp.Click(chromedp.CSS(`.corrections button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
		chromedp.Navigate(srv.URL+"/"),
		chromedp.Click(chromedp.Search(`//a[contains(., "Night buses")]`)),
		chromedp.WaitVisible(chromedp.CSS("aside.corrections")),
	)
	if box := text("aside.corrections"); !strings.Contains(box, "wrong depot") {
		t.Errorf("public correction box says %q", box)
	}
	if outside := requests.Outside("127.0.0.1"); len(outside) > 0 {
		t.Errorf("requests outside 127.0.0.1: %v", outside)
	}
}
