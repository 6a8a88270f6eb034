package server_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/datelinenews/dateline/internal/blob/disk"
	"github.com/datelinenews/dateline/internal/desk"
	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/server"
	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/store/storetest"
)

// visitor is a browser that keeps the cookies it is given, for flows that
// begin without a session (one-time links).
type visitor struct {
	handler http.Handler
	jar     map[string]*http.Cookie
}

func newVisitor(h http.Handler) *visitor { return &visitor{handler: h, jar: map[string]*http.Cookie{}} }

// do sends a request with the jar's cookies; a non-nil form makes it a
// same-origin form post.
func (v *visitor) do(t testing.TB, method, target string, form url.Values) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	if form != nil {
		req = httptest.NewRequest(method, target, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Sec-Fetch-Site", "same-origin")
	}
	for _, c := range v.jar {
		req.AddCookie(c)
	}
	rec := httptest.NewRecorder()
	v.handler.ServeHTTP(rec, req)
	res := rec.Result()
	for _, c := range res.Cookies() {
		if c.MaxAge < 0 {
			delete(v.jar, c.Name)
		} else {
			v.jar[c.Name] = c
		}
	}
	return res
}

// at is another node over the same database whose clock reads now+d.
func (a *app) at(t testing.TB, d time.Duration) http.Handler {
	t.Helper()
	media, err := disk.New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	built, err := server.Build(context.Background(), server.Deps{Store: a.st, Media: media, Log: testLogger(t),
		Now: func() time.Time { return now.Add(d) }})
	if err != nil {
		t.Fatal(err)
	}
	return built.Handler
}

var linkPath = regexp.MustCompile(`/admin/link/([A-Za-z0-9_-]{43})`)

// linkIn finds the one-time link shown on a page.
func linkIn(t testing.TB, page string) string {
	t.Helper()
	m := linkPath.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no sign-in link on the page:\n%.3000s", page)
	}
	return m[0]
}

func wantStatus(t testing.TB, what string, res *http.Response, status int, contains ...string) string {
	t.Helper()
	b := body(t, res)
	if res.StatusCode != status {
		t.Errorf("%s: status %d, want %d\n%.1500s", what, res.StatusCode, status, b)
	}
	for _, c := range contains {
		if !strings.Contains(b, c) {
			t.Errorf("%s: page lacks %q\n%.3000s", what, c, b)
		}
	}
	return b
}

func id(u people.User) string { return strconv.FormatInt(u.ID, 10) }

// TestInviteFlow: an admin invites; the invitee opens the link, continues,
// sets a password without an old one, and signs in with it.
func TestInviteFlow(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		a := newApp(t, st)
		admin := a.signIn(t, people.Admin)
		wantStatus(t, "users page", admin.get(t, "/admin/users"), 200, "Invite someone", admin.user.Email)

		bad := admin.post(t, "/admin/users", url.Values{"email": {"not-an-address"}, "name": {" "}, "role": {"boss"}})
		wantStatus(t, "bad invite", bad, 422, `value="not-an-address"`, "Enter an email address like", "Enter a name.", "Choose a role.")

		res := admin.post(t, "/admin/users", url.Values{"email": {"Farida@Example.org"}, "name": {"Farida Nabizada"}, "role": {"author"}})
		page := wantStatus(t, "invite", res, 200, "Farida Nabizada", "farida@example.org")
		link := linkIn(t, page)
		if !strings.Contains(page, "http://example.com"+link) {
			t.Errorf("the link is not shown as a full address:\n%.2000s", page)
		}
		dup := admin.post(t, "/admin/users", url.Values{"email": {"farida@example.org"}, "name": {"Farida"}, "role": {"author"}})
		wantStatus(t, "duplicate invite", dup, 422, "already exists", `value="farida@example.org"`)
		wantStatus(t, "users list", admin.get(t, "/admin/users"), 200, "Farida Nabizada", "invited")

		// A link preview fetches the page: that spends nothing.
		guest := newVisitor(a.handler)
		for range 2 {
			wantStatus(t, "link page", guest.do(t, "GET", link, nil), 200, "Continue", "Farida Nabizada", `action="`+link+`"`)
		}
		res = guest.do(t, "POST", link, url.Values{})
		if res.StatusCode != 303 || res.Header.Get("Location") != "/admin/account/password" || guest.jar[desk.SessionCookie] == nil {
			t.Fatalf("continue: %d to %q, cookies %v", res.StatusCode, res.Header.Get("Location"), guest.jar)
		}
		form := wantStatus(t, "password form", guest.do(t, "GET", "/admin/account/password", nil), 200, "Choose your password")
		if strings.Contains(form, `name="current"`) {
			t.Error("an invited user is asked for a current password")
		}
		short := guest.do(t, "POST", "/admin/account/password", url.Values{"password": {"short"}, "confirm": {"short"}})
		wantStatus(t, "short password", short, 422, "at least 12 characters")
		differ := guest.do(t, "POST", "/admin/account/password", url.Values{"password": {"a long new password"}, "confirm": {"a long new passw0rd"}})
		wantStatus(t, "passwords differ", differ, 422, "not the same")
		res = guest.do(t, "POST", "/admin/account/password", url.Values{"password": {"a long new password"}, "confirm": {"a long new password"}})
		if res.StatusCode != 303 {
			t.Fatalf("set password: %d\n%s", res.StatusCode, body(t, res))
		}
		wantStatus(t, "signed in after", guest.do(t, "GET", "/admin/account", nil), 200, "farida@example.org")

		// The link is spent, and the new password signs in.
		wantStatus(t, "spent link", newVisitor(a.handler).do(t, "GET", link, nil), 410, "no longer works")
		wantStatus(t, "spent link post", newVisitor(a.handler).do(t, "POST", link, url.Values{}), 410)
		signIn := a.post(t, "/admin/sign-in", nil, url.Values{"email": {"farida@example.org"}, "password": {"a long new password"}})
		if signIn.StatusCode != 303 {
			t.Errorf("sign in with the new password: %d", signIn.StatusCode)
		}
		log := wantStatus(t, "audit", admin.get(t, "/admin/audit"), 200, "user.invite", "session.link", "account.password")
		if strings.Index(log, "<code>account.password") > strings.Index(log, "<code>user.invite") {
			t.Error("audit log is not newest first")
		}
	})
}

// TestResetLink: a reset link works once, and not after an hour.
func TestResetLink(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		a := newApp(t, st)
		ctx := context.Background()
		editor := a.addUser(t, "editor@example.org", people.Editor)
		reset := func() string {
			_, token, err := a.built.Auth.ResetLink(ctx, editor.Email)
			if err != nil {
				t.Fatal(err)
			}
			return "/admin/link/" + token
		}

		late := reset()
		wantStatus(t, "link after 61 minutes", newVisitor(a.at(t, 61*time.Minute)).do(t, "GET", late, nil), 410, "no longer works")
		wantStatus(t, "continue after 61 minutes", newVisitor(a.at(t, 61*time.Minute)).do(t, "POST", late, url.Values{}), 410)

		link := reset()
		v := newVisitor(a.at(t, 59*time.Minute))
		wantStatus(t, "link after 59 minutes", v.do(t, "GET", link, nil), 200, "Reset your password", "Continue")
		if res := v.do(t, "POST", link, url.Values{}); res.StatusCode != 303 {
			t.Fatalf("continue: %d", res.StatusCode)
		}
		wantStatus(t, "second use", newVisitor(a.handler).do(t, "POST", link, url.Values{}), 410)
		for _, bad := range []string{"/admin/link/nonsense", "/admin/link/" + strings.Repeat("x", 500)} {
			wantStatus(t, bad, newVisitor(a.handler).do(t, "GET", bad, nil), 410)
		}

		// Right after the link, no old password is asked for; 30 minutes
		// later the grant has lapsed and it is.
		form := wantStatus(t, "password form", v.do(t, "GET", "/admin/account/password", nil), 200, "one-time link")
		if strings.Contains(form, `name="current"`) {
			t.Error("asked for the old password right after the reset link")
		}
		v.handler = a.at(t, 90*time.Minute)
		wantStatus(t, "password form later", v.do(t, "GET", "/admin/account/password", nil), 200, `name="current"`)
		res := v.do(t, "POST", "/admin/account/password", url.Values{"password": {"a long new password"}, "confirm": {"a long new password"}})
		wantStatus(t, "no current password after the grant", res, 422, "Enter your current password.")

		// The grant belongs to the session that used the link: it does not
		// work with another session's cookie.
		other := a.signInAs(t, editor)
		mixed := newVisitor(a.handler)
		mixed.jar[desk.SessionCookie] = other.cookie
		link = reset()
		g := newVisitor(a.handler)
		g.do(t, "POST", link, url.Values{})
		mixed.jar["dateline_link"] = g.jar["dateline_link"]
		if mixed.jar["dateline_link"] == nil {
			t.Fatal("no grant cookie after using a link")
		}
		res = mixed.do(t, "POST", "/admin/account/password", url.Values{"password": {"a long new password"}, "confirm": {"a long new password"}})
		wantStatus(t, "borrowed grant", res, 422, "Enter your current password.")
	})
}

// TestChangePassword: the current password is needed, and a change ends
// every other session.
func TestChangePassword(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		a := newApp(t, st)
		me := a.signIn(t, people.AuthorRole)
		elsewhere := a.signInAs(t, me.user)
		wantStatus(t, "account", me.get(t, "/admin/account"), 200, "2 open sessions")

		wrong := me.post(t, "/admin/account/password", url.Values{"current": {"not it at all"}, "password": {"a long new password"}, "confirm": {"a long new password"}})
		wantStatus(t, "wrong current", wrong, 422, "not your current password")
		res := me.post(t, "/admin/account/password", url.Values{"current": {password}, "password": {"a long new password"}, "confirm": {"a long new password"}})
		if res.StatusCode != 303 {
			t.Fatalf("change password: %d\n%s", res.StatusCode, body(t, res))
		}
		var fresh *http.Cookie
		for _, c := range res.Cookies() {
			if c.Name == desk.SessionCookie {
				fresh = c
			}
		}
		if fresh == nil || fresh.Value == me.cookie.Value {
			t.Fatal("no fresh session after the change")
		}
		me.cookie = fresh
		wantStatus(t, "this browser", me.get(t, "/admin/account"), 200, "1 open session")
		if res := elsewhere.get(t, "/admin/"); res.StatusCode != 303 || !strings.HasPrefix(res.Header.Get("Location"), "/admin/sign-in") {
			t.Errorf("other session after the change: %d %s", res.StatusCode, res.Header.Get("Location"))
		}
		if ok, _ := people.CheckPassword(a.user(t, me.user.ID).PasswordHash, "a long new password"); !ok {
			t.Error("new password not stored")
		}
	})
}

// TestAccount: name changes are checked, and signing out everywhere does.
func TestAccount(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		a := newApp(t, st)
		me := a.signIn(t, people.Contributor)
		long := strings.Repeat("n", 101)
		wantStatus(t, "long name", me.post(t, "/admin/account", url.Values{"name": {long}}), 422, "at most 100", `value="`+long+`"`)
		if res := me.post(t, "/admin/account", url.Values{"name": {"  Mina Rahimi "}}); res.StatusCode != 303 {
			t.Fatalf("rename: %d", res.StatusCode)
		}
		if got := a.user(t, me.user.ID).Name; got != "Mina Rahimi" {
			t.Errorf("name %q", got)
		}
		other := a.signInAs(t, me.user)
		res := me.post(t, "/admin/account/sign-out-everywhere", url.Values{})
		if res.StatusCode != 303 || !strings.HasPrefix(res.Header.Get("Location"), "/admin/sign-in") {
			t.Errorf("sign out everywhere: %d %s", res.StatusCode, res.Header.Get("Location"))
		}
		for _, s := range []*staff{me, other} {
			if res := s.get(t, "/admin/account"); res.StatusCode != 303 {
				t.Errorf("session alive after signing out everywhere: %d", res.StatusCode)
			}
		}
	})
}

func (a *app) user(t testing.TB, id int64) people.User {
	t.Helper()
	u, err := a.st.UserByID(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// TestDisableAndSessions: disabling ends the user's session at once; so
// does "end all sessions"; enabling lets them back.
func TestDisableAndSessions(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		a := newApp(t, st)
		admin, editor := a.signIn(t, people.Admin), a.signIn(t, people.Editor)
		wantStatus(t, "editor's desk", editor.get(t, "/admin/"), 200)
		wantStatus(t, "user page", admin.get(t, "/admin/users/"+id(editor.user)), 200, "1 session", "Disable the account")

		if res := admin.post(t, "/admin/users/"+id(editor.user)+"/disable", url.Values{}); res.StatusCode != 303 {
			t.Fatalf("disable: %d", res.StatusCode)
		}
		res := editor.get(t, "/admin/")
		if res.StatusCode != 303 || !strings.HasPrefix(res.Header.Get("Location"), "/admin/sign-in") {
			t.Errorf("disabled user's next request: %d %s", res.StatusCode, res.Header.Get("Location"))
		}
		if n, err := a.st.CountSessions(context.Background(), editor.user.ID, now); err != nil || n != 0 {
			t.Errorf("disabled user has %d sessions (%v)", n, err)
		}
		if res := a.post(t, "/admin/sign-in", nil, url.Values{"email": {editor.user.Email}, "password": {password}}); res.StatusCode != 401 {
			t.Errorf("disabled user signed in: %d", res.StatusCode)
		}
		wantStatus(t, "no link for the disabled", admin.post(t, "/admin/users/"+id(editor.user)+"/link", url.Values{}), 422, "Enable it first")
		wantStatus(t, "users list", admin.get(t, "/admin/users"), 200, "disabled")

		if res := admin.post(t, "/admin/users/"+id(editor.user)+"/enable", url.Values{}); res.StatusCode != 303 {
			t.Fatalf("enable: %d", res.StatusCode)
		}
		editor = a.signInAs(t, editor.user)
		if res := admin.post(t, "/admin/users/"+id(editor.user)+"/end-sessions", url.Values{}); res.StatusCode != 303 {
			t.Fatalf("end sessions: %d", res.StatusCode)
		}
		if res := editor.get(t, "/admin/"); res.StatusCode != 303 {
			t.Errorf("session alive after end-sessions: %d", res.StatusCode)
		}
		// A fresh reset link from the desk signs them in again.
		page := wantStatus(t, "new link", admin.post(t, "/admin/users/"+id(editor.user)+"/link", url.Values{}), 200, "choose a new password", "works once")
		if res := newVisitor(a.handler).do(t, "POST", linkIn(t, page), url.Values{}); res.StatusCode != 303 {
			t.Errorf("desk-made reset link: %d", res.StatusCode)
		}
		wantStatus(t, "audit", admin.get(t, "/admin/audit?action=user."), 200, "user.disable", "user.enable", "user.end-sessions", "user.link")
	})
}

// TestLastAdmin: the last enabled admin can be neither demoted nor disabled.
func TestLastAdmin(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		a := newApp(t, st)
		me := a.signIn(t, people.Admin)
		demoAdmin, err := a.st.UserByEmail(context.Background(), "admin@example.org")
		if err != nil {
			t.Fatal(err)
		}
		if res := me.post(t, "/admin/users/"+id(demoAdmin)+"/disable", url.Values{}); res.StatusCode != 303 {
			t.Fatalf("disable the other admin: %d", res.StatusCode)
		}
		self := "/admin/users/" + id(me.user)
		wantStatus(t, "demote self", me.post(t, self+"/role", url.Values{"role": {"editor"}}), 422, "You are the only enabled admin")
		wantStatus(t, "disable self", me.post(t, self+"/disable", url.Values{}), 422, "You are the only enabled admin")
		if u := a.user(t, me.user.ID); u.Role != people.Admin || u.Disabled {
			t.Fatalf("last admin changed: %s disabled=%v", u.Role, u.Disabled)
		}
		wantStatus(t, "still signed in", me.get(t, "/admin/users"), 200)

		wantStatus(t, "unknown role", me.post(t, self+"/role", url.Values{"role": {"boss"}}), 422, "Choose one of the roles")
		for _, bad := range []string{"/admin/users/999999", "/admin/users/abc", "/admin/users/-1"} {
			wantStatus(t, bad, me.get(t, bad), 404)
			wantStatus(t, bad+" post", me.post(t, bad+"/disable", url.Values{}), 404)
		}

		// With another admin enabled, stepping down is allowed.
		if res := me.post(t, "/admin/users/"+id(demoAdmin)+"/enable", url.Values{}); res.StatusCode != 303 {
			t.Fatalf("enable: %d", res.StatusCode)
		}
		res := me.post(t, self+"/role", url.Values{"role": {"editor"}})
		if res.StatusCode != 303 || res.Header.Get("Location") != "/admin/account?done="+url.QueryEscape(me.user.Name+" is now an Editor.") {
			t.Errorf("step down: %d %s", res.StatusCode, res.Header.Get("Location"))
		}
		if res := me.get(t, "/admin/users"); res.StatusCode != 403 {
			t.Errorf("former admin sees users: %d", res.StatusCode)
		}
	})
}

// TestAuditLog: entries newest first, filtered by user, action and date,
// and paginated; bad filters are kept and explained.
func TestAuditLog(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		a := newApp(t, st)
		ctx := context.Background()
		admin, editor := a.signIn(t, people.Admin), a.signIn(t, people.Editor)
		admin.post(t, "/admin/users/"+id(editor.user)+"/role", url.Values{"role": {"author"}})
		admin.post(t, "/admin/users/"+id(editor.user)+"/end-sessions", url.Values{})

		all := wantStatus(t, "audit", admin.get(t, "/admin/audit"), 200, "user.role", "user.end-sessions", "session.sign-in", "editor → author")
		if strings.Index(all, "<code>user.end-sessions") > strings.Index(all, "<code>user.role") {
			t.Error("not newest first")
		}
		byAction := wantStatus(t, "by action", admin.get(t, "/admin/audit?action=user.role"), 200, "user.role")
		if strings.Contains(byAction, "<code>user.end-sessions") || strings.Contains(byAction, "<code>session.sign-in") {
			t.Error("action filter lets other actions through")
		}
		byUser := wantStatus(t, "by user", admin.get(t, "/admin/audit?user="+id(editor.user)), 200, "session.sign-in")
		if strings.Contains(byUser, "<code>user.role") {
			t.Error("user filter shows another user's actions")
		}
		today := now.In(kabul()).Format("2006-01-02")
		tomorrow := now.In(kabul()).AddDate(0, 0, 1).Format("2006-01-02")
		wantStatus(t, "today", admin.get(t, "/admin/audit?from="+today+"&to="+today), 200, "user.role")
		wantStatus(t, "tomorrow", admin.get(t, "/admin/audit?from="+tomorrow), 200, "No entries match")

		wantStatus(t, "bad date", admin.get(t, "/admin/audit?from=yesterday&action=user."), 422, `value="yesterday"`, `value="user."`, "a date like")
		wantStatus(t, "reversed", admin.get(t, "/admin/audit?from="+tomorrow+"&to="+today), 422, "before the start date")
		wantStatus(t, "bad user", admin.get(t, "/admin/audit?user=abc"), 422, "Choose a user")
		wantStatus(t, "bad page", admin.get(t, "/admin/audit?page=abc"), 400)

		for i := range 60 {
			e := people.AuditEntry{UserID: editor.user.ID, UserEmail: editor.user.Email, Action: "story.saved",
				Target: fmt.Sprintf("story %d", i), At: now}
			if err := a.st.AddAudit(ctx, e); err != nil {
				t.Fatal(err)
			}
		}
		first := wantStatus(t, "page 1", admin.get(t, "/admin/audit?action=story."), 200, "Older", "story 59")
		if strings.Contains(first, "Newer") || strings.Contains(first, ">story 9<") {
			t.Error("page 1 has a newer link or too many entries")
		}
		wantStatus(t, "page 2", admin.get(t, "/admin/audit?action=story.&page=2"), 200, "Newer", ">story 9<", "action=story.")
	})
}

// TestUserPagesNeedAdmin: no other role reaches users or the audit log, and
// nobody signed out reaches anything.
func TestUserPagesNeedAdmin(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		a := newApp(t, st)
		target := a.addUser(t, "target@example.org", people.Contributor)
		t0 := "/admin/users/" + id(target)
		gets := []string{"/admin/users", t0, "/admin/audit", "/admin/audit?user=abc", "/admin/users/abc"}
		posts := []string{"/admin/users", t0 + "/role", t0 + "/disable", t0 + "/enable", t0 + "/end-sessions", t0 + "/link"}
		for _, role := range []people.Role{people.Editor, people.AuthorRole, people.Contributor} {
			s := a.signIn(t, role)
			for _, p := range gets {
				wantStatus(t, string(role)+" GET "+p, s.get(t, p), 403)
			}
			for _, p := range posts {
				wantStatus(t, string(role)+" POST "+p, s.post(t, p, url.Values{"role": {"admin"}, "email": {"x@example.org"}, "name": {"X"}}), 403)
			}
			wantStatus(t, string(role)+" account", s.get(t, "/admin/account"), 200, "Your account")
		}
		if u := a.user(t, target.ID); u.Role != people.Contributor || u.Disabled {
			t.Errorf("target changed by non-admins: %+v", u)
		}
		for _, p := range append(gets, "/admin/account", "/admin/account/password") {
			if res := a.get(t, p); res.StatusCode != 303 || !strings.HasPrefix(res.Header.Get("Location"), "/admin/sign-in") {
				t.Errorf("signed out GET %s: %d", p, res.StatusCode)
			}
		}
		for _, p := range posts {
			if res := a.post(t, p, nil, url.Values{}); res.StatusCode != 401 {
				t.Errorf("signed out POST %s: %d", p, res.StatusCode)
			}
		}
	})
}

// TestSignInThrottle: after repeated wrong passwords the sign-in page
// answers 429 and says how long to wait, even for the right password.
func TestSignInThrottle(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		a := newApp(t, st)
		u := a.addUser(t, "target@example.org", people.Editor)
		for i := range 3 {
			res := a.post(t, "/admin/sign-in", nil, url.Values{"email": {u.Email}, "password": {"guess " + strconv.Itoa(i)}})
			wantStatus(t, "wrong password", res, 401, "do not match")
		}
		for _, pw := range []string{"guess again", password} {
			res := a.post(t, "/admin/sign-in", nil, url.Values{"email": {u.Email}, "password": {pw}})
			wantStatus(t, "throttled", res, 429, "Too many failed attempts. Wait", `value="target@example.org"`)
		}
		// Once the wait is over, the right password works.
		later := a.at(t, time.Minute)
		res := newVisitor(later).do(t, "POST", "/admin/sign-in", url.Values{"email": {u.Email}, "password": {password}})
		if res.StatusCode != 303 {
			t.Errorf("after the wait: %d", res.StatusCode)
		}
	})
}

// TestLastAdminRace: two admins demoting each other at the same moment
// cannot leave the newsroom without one.
func TestLastAdminRace(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		a := newApp(t, st)
		ctx := context.Background()
		demoAdmin, err := st.UserByEmail(ctx, "admin@example.org")
		if err != nil {
			t.Fatal(err)
		}
		other := a.addUser(t, "second.admin@example.org", people.Admin)
		for round := range 10 {
			for _, u := range []people.User{demoAdmin, other} {
				if err := st.SetUserRole(ctx, u.ID, people.Admin, now); err != nil {
					t.Fatal(err)
				}
			}
			errs := make(chan error, 2)
			for _, pair := range [][2]people.User{{demoAdmin, other}, {other, demoAdmin}} {
				go func() { errs <- a.built.Auth.SetRole(ctx, pair[1].ID, "editor") }()
			}
			ok := 0
			for range 2 {
				switch err := <-errs; {
				case err == nil:
					ok++
				case !errors.Is(err, people.ErrLastAdmin):
					t.Fatalf("round %d: %v", round, err)
				}
			}
			if ok != 1 {
				t.Fatalf("round %d: %d demotions succeeded, want exactly 1", round, ok)
			}
		}
	})
}

// TestAuthorProfile: a reporter writes their own byline and bio from their
// account page; the author page shows them at once, even from the page
// cache, and a bad profile is refused with what was typed kept.
func TestAuthorProfile(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		a := newCachedApp(t, st)
		me := a.signIn(t, people.Contributor)
		page := wantStatus(t, "account", me.get(t, "/admin/account"), 200, `name="byline"`, `name="bio"`)
		m := regexp.MustCompile(`href="(/author/[^"]+/)"`).FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("the account page links to no author page")
		}
		authorPage := m[1]
		a.fill(t, authorPage)

		bio := "Covers water and farming in the north. Writes from Mazar-i-Sharif."
		long := strings.Repeat("b", 2001)
		wantStatus(t, "empty byline", me.post(t, "/admin/account/profile", url.Values{"byline": {" "}, "bio": {bio}}), 422,
			"Enter the name your stories are signed with", bio)
		wantStatus(t, "long bio", me.post(t, "/admin/account/profile", url.Values{"byline": {"Mina Rahimi"}, "bio": {long}}), 422,
			"under 2,000 characters", long)
		if res := me.post(t, "/admin/account/profile", url.Values{"byline": {" Mina Rahimi "}, "bio": {bio}}); res.StatusCode != 303 {
			t.Fatalf("save profile: %d\n%s", res.StatusCode, body(t, res))
		}
		res := a.get(t, authorPage)
		b := body(t, res)
		if res.Header.Get("X-Cache") != "miss" || !strings.Contains(b, "Mina Rahimi") || !strings.Contains(b, bio) {
			t.Errorf("author page after the change: X-Cache %q, shows name %v, bio %v", res.Header.Get("X-Cache"),
				strings.Contains(b, "Mina Rahimi"), strings.Contains(b, bio))
		}
		wantStatus(t, "account after", me.get(t, "/admin/account"), 200, bio, `value="Mina Rahimi"`)
		wantAudit(t, a.app, "profile.", "profile.update")
	})
}

// TestAuthorProfileRefusesUnstorableText: a byline no database can store
// is turned away with a 400, never a 500.
func TestAuthorProfileRefusesUnstorableText(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		a := newApp(t, st)
		me := a.signIn(t, people.Contributor)
		wantStatus(t, "NUL in the byline", me.post(t, "/admin/account/profile", url.Values{"byline": {"Mina\x00"}, "bio": {"x"}}), 400)
	})
}
