package server_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/datelinenews/dateline/internal/desk"
	"github.com/datelinenews/dateline/internal/people"
)

// staff is a signed-in desk user talking to the real router.
type staff struct {
	app    *app
	user   people.User
	cookie *http.Cookie
}

// password is every test user's password.
const password = "correct horse battery staple"

// addUser creates a staff account with the given role.
func (a *app) addUser(t testing.TB, email string, role people.Role) people.User {
	t.Helper()
	hash, err := people.HashPassword(password)
	if err != nil {
		t.Fatal(err)
	}
	u := people.User{Email: email, Name: strings.Split(email, "@")[0], Role: role, PasswordHash: hash}
	if u.ID, err = a.st.CreateUser(context.Background(), u, now); err != nil {
		t.Fatal(err)
	}
	return u
}

// signIn creates a user with the role and signs in through the sign-in form.
func (a *app) signIn(t testing.TB, role people.Role) *staff {
	t.Helper()
	u := a.addUser(t, string(role)+".desk@example.org", role)
	return a.signInAs(t, u)
}

func (a *app) signInAs(t testing.TB, u people.User) *staff {
	t.Helper()
	res := a.post(t, "/admin/sign-in", nil, url.Values{"email": {u.Email}, "password": {password}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign in as %s: %d\n%s", u.Email, res.StatusCode, body(t, res))
	}
	for _, c := range res.Cookies() {
		if c.Name == desk.SessionCookie {
			return &staff{app: a, user: u, cookie: c}
		}
	}
	t.Fatal("no session cookie")
	return nil
}

// post sends a same-origin form post, with cookie if not nil.
func (a *app) post(t testing.TB, target string, cookie *http.Cookie, form url.Values) *http.Response {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, target, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	if cookie != nil {
		req.AddCookie(cookie)
	}
	rec := httptest.NewRecorder()
	a.handler.ServeHTTP(rec, req)
	return rec.Result()
}

// get fetches a desk page as this user.
func (s *staff) get(t testing.TB, target string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	req.AddCookie(s.cookie)
	rec := httptest.NewRecorder()
	s.app.handler.ServeHTTP(rec, req)
	return rec.Result()
}

// post submits a desk form as this user.
func (s *staff) post(t testing.TB, target string, form url.Values) *http.Response {
	t.Helper()
	return s.app.post(t, target, s.cookie, form)
}

// httpPost sends a form post claiming to come from origin.
func httpPost(a *app, target string, cookie *http.Cookie, form url.Values, origin string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, target, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", origin)
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	req.AddCookie(cookie)
	rec := httptest.NewRecorder()
	a.handler.ServeHTTP(rec, req)
	return rec
}
