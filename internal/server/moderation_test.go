package server_test

import (
	"context"
	"errors"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/comment"
	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/store/storetest"
)

// heldComment posts a reader's comment and returns it as stored.
func (a *app) heldComment(t testing.TB, story article.Article, name, email, text, addr string) comment.Comment {
	t.Helper()
	return a.commentByLocation(t, a.postComment(t, a.commentForm(story, name, email, text), addr))
}

// press presses a moderation button as s and checks the redirect.
func (s *staff) press(t testing.TB, do string, ids ...int64) string {
	t.Helper()
	form := url.Values{"do": {do}, "back": {"/admin/comments?status=pending"}}
	for _, id := range ids {
		form.Add("id", strconv.FormatInt(id, 10))
	}
	res := s.post(t, "/admin/comments/moderate", form)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("%s: %d\n%.500s", do, res.StatusCode, body(t, res))
	}
	return res.Header.Get("Location")
}

func (a *app) commentStatus(t testing.TB, id int64) comment.Status {
	t.Helper()
	c, err := a.st.CommentByID(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return c.Status
}

func (a *app) auditEntries(t testing.TB, action string) []people.AuditEntry {
	t.Helper()
	list, err := a.st.ListAudit(context.Background(), people.AuditFilter{Action: action, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func cid(c comment.Comment) string { return strconv.FormatInt(c.ID, 10) }

// TestModerationQueue: a held comment waits in the queue with everything
// a moderator needs; approving it publishes it.
func TestModerationQueue(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		a := newApp(t, st)
		story := a.open(t)[0]
		c := a.heldComment(t, story, "Zarmina Ahmadi", "zarmina@example.org", "The *bridge* was closed all week.", "192.0.2.40")
		ed := a.signIn(t, people.Editor)

		res := ed.get(t, "/admin/comments")
		page := body(t, res)
		if res.StatusCode != 200 {
			t.Fatalf("queue: %d\n%.500s", res.StatusCode, page)
		}
		for _, want := range []string{"Zarmina Ahmadi", "zarmina@example.org", "<em>bridge</em>", story.Headline,
			"first comment from this email", `Pending <span class="count">1</span>`, `Spam <span class="count">0</span>`,
			`value="approve:` + cid(c) + `"`, `href="/admin/comments"`} {
			if !strings.Contains(page, want) {
				t.Errorf("queue lacks %q", want)
			}
		}
		if approved := body(t, ed.get(t, "/admin/comments?status=approved")); strings.Contains(approved, "Zarmina") {
			t.Error("the approved tab shows a pending comment")
		}
		for _, q := range []string{"zarmina@", "AHMADI", "bridge"} {
			if page := body(t, ed.get(t, "/admin/comments?q="+url.QueryEscape(q))); !strings.Contains(page, "Zarmina") {
				t.Errorf("search %q misses the comment", q)
			}
		}
		if page := body(t, ed.get(t, "/admin/comments?q=nothing-like-it")); strings.Contains(page, "Zarmina") {
			t.Error("search for other text shows the comment")
		}
		if page := body(t, ed.get(t, "/admin/comments?story="+strconv.FormatInt(a.open(t)[1].ID, 10))); strings.Contains(page, "Zarmina") {
			t.Error("another story's queue shows the comment")
		}
		if res := ed.get(t, "/admin/comments?status=bogus"); res.StatusCode != 400 {
			t.Errorf("unknown status: %d, want 400", res.StatusCode)
		}

		loc := ed.press(t, "approve:"+cid(c))
		if !strings.HasPrefix(loc, "/admin/comments?") || !strings.Contains(loc, "status=pending") || !strings.Contains(loc, "done=") {
			t.Errorf("after approving, redirect to %q", loc)
		}
		if a.commentStatus(t, c.ID) != comment.Approved {
			t.Fatal("comment not approved")
		}
		if page := body(t, a.get(t, story.Path(kabul()))); !strings.Contains(page, "<em>bridge</em>") {
			t.Error("approved comment not on the public page")
		}
		if flash := body(t, ed.get(t, loc)); !strings.Contains(flash, "1 comment approved.") {
			t.Error("no message after approving")
		}
		if len(a.auditEntries(t, "comment.approve")) != 1 {
			t.Error("approval not audited")
		}
	})
}

// TestModerationBulk: ticked comments go to spam or trash together, and
// come back to pending.
func TestModerationBulk(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		a := newApp(t, st)
		story := a.open(t)[2]
		var cs []comment.Comment
		for i, name := range []string{"Spammer One", "Spammer Two", "Off Topic"} {
			cs = append(cs, a.heldComment(t, story, name, "bulk"+strconv.Itoa(i)+"@example.org", "Text number "+strconv.Itoa(i), "192.0.2.6"+strconv.Itoa(i)))
		}
		ed := a.signIn(t, people.Editor)
		ed.press(t, "spam", cs[0].ID, cs[1].ID)
		ed.press(t, "trash", cs[2].ID)
		for i, want := range []comment.Status{comment.Spam, comment.Spam, comment.Trash} {
			if got := a.commentStatus(t, cs[i].ID); got != want {
				t.Errorf("comment %d is %s, want %s", i, got, want)
			}
		}
		page := body(t, ed.get(t, "/admin/comments?status=spam"))
		if !strings.Contains(page, "Spammer One") || !strings.Contains(page, "Spammer Two") || strings.Contains(page, "Off Topic") ||
			!strings.Contains(page, `Spam <span class="count">2</span>`) || !strings.Contains(page, `Trash <span class="count">1</span>`) {
			t.Errorf("spam tab after bulk actions:\n%.2000s", page)
		}
		if n := len(a.auditEntries(t, "comment.spam")); n != 2 {
			t.Errorf("%d spam actions audited, want 2", n)
		}
		if len(a.auditEntries(t, "comment.trash")) != 1 {
			t.Error("trash not audited")
		}
		ed.press(t, "restore", cs[0].ID, cs[2].ID)
		if a.commentStatus(t, cs[0].ID) != comment.Pending || a.commentStatus(t, cs[2].ID) != comment.Pending {
			t.Error("restore did not bring comments back to pending")
		}
		if loc := ed.press(t, "approve"); !strings.Contains(loc, "Tick+at+least+one") {
			t.Errorf("bulk action with nothing ticked: %q", loc)
		}
		for _, bad := range []url.Values{{"do": {"delete:" + cid(cs[0])}}, {"do": {"approve:x"}}, {"do": {"approve"}, "id": {"-1"}}} {
			if res := ed.post(t, "/admin/comments/moderate", bad); res.StatusCode != 400 {
				t.Errorf("%v: %d, want 400", bad, res.StatusCode)
			}
		}
		if res := ed.post(t, "/admin/comments/moderate", url.Values{"do": {"approve:999999"}}); res.StatusCode != 404 {
			t.Errorf("unknown comment: %d, want 404", res.StatusCode)
		}
	})
}

// TestModerationEdit: the public form's rules apply; bad input comes back
// as typed with a 422.
func TestModerationEdit(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		a := newApp(t, st)
		c := a.heldComment(t, a.open(t)[3], "Nadia", "nadia@example.org", "Teh council met on Monday.", "192.0.2.70")
		ed := a.signIn(t, people.Editor)
		path := "/admin/comments/" + cid(c)
		if page := body(t, ed.get(t, path)); !strings.Contains(page, "Teh council met") || !strings.Contains(page, "nadia@example.org") {
			t.Error("comment page lacks the comment")
		}
		res := ed.post(t, path+"/edit", url.Values{"author": {""}, "url": {"javascript:alert(1)"}, "comment": {"Kept <b>typed</b> text"}})
		page := body(t, res)
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, "Please enter your name.") ||
			!strings.Contains(page, "must start with http://") || !strings.Contains(page, "Kept &lt;b&gt;typed&lt;/b&gt; text") {
			t.Errorf("bad edit: %d\n%.1500s", res.StatusCode, page)
		}
		if got, _ := a.st.CommentByID(context.Background(), c.ID); got.Body != c.Body {
			t.Error("a refused edit was saved")
		}
		res = ed.post(t, path+"/edit", url.Values{"author": {"Nadia K."}, "url": {"https://nadia.example"}, "comment": {"The council met on Monday."}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("good edit: %d\n%.500s", res.StatusCode, body(t, res))
		}
		got, _ := a.st.CommentByID(context.Background(), c.ID)
		if got.AuthorName != "Nadia K." || got.AuthorURL != "https://nadia.example" || got.Body != "The council met on Monday." ||
			got.AuthorEmail != "nadia@example.org" || got.Status != comment.Pending {
			t.Errorf("after edit: %+v", got)
		}
		if len(a.auditEntries(t, "comment.edit")) != 1 {
			t.Error("edit not audited")
		}
		if res := ed.get(t, "/admin/comments/999999"); res.StatusCode != 404 {
			t.Errorf("unknown comment: %d", res.StatusCode)
		}
		if res := ed.get(t, "/admin/comments/abc"); res.StatusCode != 404 {
			t.Errorf("malformed id: %d", res.StatusCode)
		}
	})
}

// TestModerationReply: a staff reply is published at once under the
// comment, marked as the newsroom's, without the staff member's email.
func TestModerationReply(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		a := newApp(t, st)
		story := a.open(t)[1]
		c := a.heldComment(t, story, "Omid", "omid@example.org", "When will the road reopen?", "192.0.2.80")
		ed := a.signIn(t, people.Editor)
		path := "/admin/comments/" + cid(c) + "/reply"
		if res := ed.post(t, path, url.Values{"comment": {"  "}, "as": {"me"}}); res.StatusCode != 422 || !strings.Contains(body(t, res), "Please write your comment.") {
			t.Errorf("empty reply: %d", res.StatusCode)
		}
		res := ed.post(t, path, url.Values{"comment": {"The ministry says **Friday**."}, "as": {"me"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("reply: %d\n%.500s", res.StatusCode, body(t, res))
		}
		list, err := st.ListComments(context.Background(), story.ID)
		if err != nil {
			t.Fatal(err)
		}
		var reply comment.Comment
		for _, x := range list {
			if x.FromStaff {
				reply = x
			}
		}
		if reply.ID == 0 || reply.Status != comment.Approved || reply.ParentID != c.ID || reply.Depth != 2 ||
			reply.UserID != ed.user.ID || reply.AuthorName != ed.user.Name || reply.AuthorEmail != ed.user.Email {
			t.Fatalf("staff reply stored as %+v", reply)
		}
		if a.commentStatus(t, c.ID) != comment.Approved {
			t.Error("replying did not approve the held comment")
		}
		page := body(t, a.get(t, story.Path(kabul())))
		if !strings.Contains(page, `class="comment depth-2 from-staff" id="comment-`+cid(reply)+`"`) || !strings.Contains(page, "From the newsroom") ||
			!strings.Contains(page, "<strong>Friday</strong>") {
			t.Error("reply not shown threaded and marked as the newsroom's")
		}
		if strings.Contains(page, ed.user.Email) {
			t.Error("the public page shows the staff member's email")
		}
		if len(a.auditEntries(t, "comment.reply")) != 1 || len(a.auditEntries(t, "comment.approve")) != 1 {
			t.Error("reply or the approval it made not audited")
		}

		// Signed with the site's name; a reply to spam is refused.
		ed.post(t, "/admin/comments/"+cid(c)+"/reply", url.Values{"comment": {"Thank you for reading."}, "as": {"site"}})
		if page := body(t, a.get(t, story.Path(kabul()))); !strings.Contains(page, "Thank you for reading.") || strings.Count(page, "From the newsroom") != 2 {
			t.Error("second reply missing")
		}
		spam := a.heldComment(t, story, "Bot", "bot@example.org", "Cheap pills", "192.0.2.81")
		ed.press(t, "spam:"+cid(spam))
		if res := ed.post(t, "/admin/comments/"+cid(spam)+"/reply", url.Values{"comment": {"No."}}); res.StatusCode != 422 {
			t.Errorf("reply to spam: %d, want 422", res.StatusCode)
		}
	})
}

// TestModerationAccess: contributors and authors reach no moderation
// route; editors moderate but only admins change the settings.
func TestModerationAccess(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		a := newApp(t, st)
		c := a.heldComment(t, a.open(t)[0], "Reader", "reader@example.org", "Some words.", "192.0.2.90")
		cid := cid(c)
		gets := []string{"/admin/comments", "/admin/comments?status=spam", "/admin/comments/" + cid, "/admin/comments/settings"}
		posts := map[string]url.Values{
			"/admin/comments/moderate":          {"do": {"approve:" + cid}},
			"/admin/comments/" + cid + "/edit":  {"author": {"X"}, "comment": {"Y"}},
			"/admin/comments/" + cid + "/reply": {"comment": {"Hi"}},
			"/admin/comments/settings":          {"moderation": {"none"}, "close_after_days": {"0"}, "retention_days": {"30"}, "max_links": {"2"}},
		}
		for _, role := range []people.Role{people.Contributor, people.AuthorRole} {
			s := a.signIn(t, role)
			for _, p := range gets {
				if res := s.get(t, p); res.StatusCode != http.StatusForbidden {
					t.Errorf("%s GET %s: %d, want 403", role, p, res.StatusCode)
				}
			}
			for p, form := range posts {
				if res := s.post(t, p, form); res.StatusCode != http.StatusForbidden {
					t.Errorf("%s POST %s: %d, want 403", role, p, res.StatusCode)
				}
			}
			if page := body(t, s.get(t, "/admin/")); strings.Contains(page, `href="/admin/comments"`) {
				t.Errorf("%s sees the Comments menu entry", role)
			}
		}
		if a.commentStatus(t, c.ID) != comment.Pending {
			t.Error("a refused request changed the comment")
		}
		ed := a.signIn(t, people.Editor)
		if res := ed.get(t, "/admin/comments/settings"); res.StatusCode != http.StatusForbidden {
			t.Errorf("editor on the settings: %d, want 403", res.StatusCode)
		}
		if page := body(t, ed.get(t, "/admin/comments")); strings.Contains(page, "/admin/comments/settings") {
			t.Error("editors are offered the settings")
		}
		if res := a.get(t, "/admin/comments"); res.StatusCode != http.StatusSeeOther {
			t.Errorf("signed out: %d, want a redirect to sign in", res.StatusCode)
		}
	})
}

// TestModerationSettings: "publish at once" publishes a first comment at
// once; "close after N days" closes older stories; bad numbers come back.
func TestModerationSettings(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		a := newApp(t, st)
		admin := a.signIn(t, people.Admin)
		page := body(t, admin.get(t, "/admin/comments/settings"))
		if !strings.Contains(page, `value="first" aria-describedby="moderation-first-hint" checked`) || !strings.Contains(page, `id="retention_days" name="retention_days" type="number" inputmode="numeric" min="1" max="365" value="30"`) {
			t.Errorf("settings page does not show the defaults:\n%.3000s", page)
		}
		bad := url.Values{"moderation": {"none"}, "close_after_days": {"-1"}, "retention_days": {"400"}, "max_links": {"lots"}}
		res := admin.post(t, "/admin/comments/settings", bad)
		page = body(t, res)
		if res.StatusCode != 422 || !strings.Contains(page, "0 keeps comments open") || !strings.Contains(page, "from 1 to 365") ||
			!strings.Contains(page, "Enter a whole number") || !strings.Contains(page, `value="lots"`) || !strings.Contains(page, `value="400"`) ||
			!strings.Contains(page, `value="none" aria-describedby="moderation-none-hint" checked`) {
			t.Errorf("bad settings: %d\n%.3000s", res.StatusCode, page)
		}
		if res := admin.post(t, "/admin/comments/settings", url.Values{"moderation": {"sometimes"}, "close_after_days": {"0"}, "retention_days": {"30"}, "max_links": {"2"}}); res.StatusCode != 422 {
			t.Errorf("unknown rule: %d", res.StatusCode)
		}
		if set, _ := st.CommentSettings(context.Background()); set != comment.DefaultSettings() {
			t.Errorf("refused settings were saved: %+v", set)
		}

		save := func(moderation, closeAfter string) {
			t.Helper()
			res := admin.post(t, "/admin/comments/settings", url.Values{"moderation": {moderation}, "close_after_days": {closeAfter}, "retention_days": {"14"}, "max_links": {"3"}})
			if res.StatusCode != http.StatusSeeOther {
				t.Fatalf("save settings: %d\n%.800s", res.StatusCode, body(t, res))
			}
		}
		save("none", "0")
		stories := a.open(t)
		c := a.heldComment(t, stories[0], "New Reader", "new.reader@example.org", "My very first comment.", "192.0.2.100")
		if c.Status != comment.Approved {
			t.Errorf("first comment under approve-all: %s", c.Status)
		}
		if page := body(t, a.get(t, stories[0].Path(kabul()))); !strings.Contains(page, "My very first comment.") {
			t.Error("first comment not public at once")
		}
		if len(a.auditEntries(t, "comments.settings")) != 1 {
			t.Error("settings change not audited")
		}

		save("none", "2")
		var fresh, old article.Article
		for _, s := range stories {
			switch age := now.Sub(s.PublishedAt); {
			case age < 24*time.Hour && fresh.ID == 0:
				fresh = s
			case age > 3*24*time.Hour && old.ID == 0:
				old = s
			}
		}
		if fresh.ID == 0 || old.ID == 0 {
			t.Fatal("demo lacks a story under a day old or one over three days old")
		}
		if page := body(t, a.get(t, old.Path(kabul()))); !strings.Contains(page, "Comments are closed.") || strings.Contains(page, "Leave a Reply") {
			t.Error("an old story still takes comments")
		}
		if res := a.postComment(t, a.commentForm(old, "Late", "late@example.org", "Too late?"), "192.0.2.101"); res.StatusCode != http.StatusForbidden {
			t.Errorf("comment on an old story: %d, want 403", res.StatusCode)
		}
		if page := body(t, a.get(t, fresh.Path(kabul()))); !strings.Contains(page, "Leave a Reply") {
			t.Error("a fresh story closed too")
		}
	})
}

// judgeSpy records what the judge is taught.
type judgeSpy struct {
	taught map[int64]bool
	fail   bool
}

func (l *judgeSpy) Check(context.Context, comment.Comment, netip.Addr) (comment.Verdict, error) {
	return comment.Verdict{}, nil
}

func (l *judgeSpy) Learn(_ context.Context, c comment.Comment, spam bool) error {
	if l.fail {
		return errors.New("judge unavailable")
	}
	l.taught[c.ID] = spam
	return nil
}

// TestModerationTeachesJudge: approving and marking spam teach the judge;
// trashing and restoring do not; a judge that fails does not undo the
// moderator's decision.
func TestModerationTeachesJudge(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		a := newApp(t, st)
		j := &judgeSpy{taught: map[int64]bool{}}
		svc := comment.NewService(st, j, a.built.Comments.Signer(), func() time.Time { return now })
		story := a.open(t)[0]
		ham := a.heldComment(t, story, "Ham", "ham@example.org", "A kind word.", "192.0.2.110")
		spam := a.heldComment(t, story, "Spam", "spam@example.org", "Buy pills.", "192.0.2.111")
		other := a.heldComment(t, story, "Other", "other@example.org", "Off topic.", "192.0.2.112")
		if _, err := svc.SetStatus(ctx, []int64{ham.ID}, comment.Approved); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.SetStatus(ctx, []int64{spam.ID}, comment.Spam); err != nil {
			t.Fatal(err)
		}
		for _, s := range []comment.Status{comment.Trash, comment.Pending} {
			if _, err := svc.SetStatus(ctx, []int64{other.ID}, s); err != nil {
				t.Fatal(err)
			}
		}
		if learned, ok := j.taught[ham.ID]; !ok || learned {
			t.Error("approval not learned as not spam")
		}
		if learned, ok := j.taught[spam.ID]; !ok || !learned {
			t.Error("spam not learned as spam")
		}
		if _, ok := j.taught[other.ID]; ok || len(j.taught) != 2 {
			t.Errorf("taught %v", j.taught)
		}
		if _, err := svc.SetStatus(ctx, []int64{ham.ID}, comment.Approved); err != nil || len(j.taught) != 2 {
			t.Error("approving an approved comment taught the judge again")
		}
		j.fail = true
		_, err := svc.SetStatus(ctx, []int64{other.ID}, comment.Spam)
		var learn *comment.LearnError
		if !errors.As(err, &learn) || a.commentStatus(t, other.ID) != comment.Spam {
			t.Errorf("failing judge: err %v, status %s", err, a.commentStatus(t, other.ID))
		}
	})
}
