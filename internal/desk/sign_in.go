package desk

import (
	"errors"
	"net/http"
	"net/url"
	"sort"
	"strings"

	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/web"
)

// SignInPage is the sign-in form, and, after a session ran out during a
// save, the typed work waiting to be sent again.
type SignInPage struct {
	Layout
	Email   string
	Next    string
	Error   string
	Resume  *Resume
	Resumed bool // signed in again: show the kept work with a button to save it
}

// Resume is a form that could not be saved because the session had ended.
type Resume struct {
	Action string
	Fields []Field
}

// Field is one name=value pair of a kept form.
type Field struct{ Name, Value string }

// maxFormBytes bounds desk forms: a 2 MB story plus its other fields.
const maxFormBytes = 3 << 20

// SignInForm shows the sign-in page.
func (h *Handler) SignInForm(w http.ResponseWriter, r *http.Request) error {
	if _, err := h.sessionUser(r); err == nil {
		return seeOther(w, r, localNext(r.URL.Query().Get("next")), "")
	}
	l, err := h.layout(r, "Sign in", "")
	if err != nil {
		return err
	}
	return h.page(w, r, http.StatusOK, "sign_in", SignInPage{Layout: l, Next: localNext(r.URL.Query().Get("next"))})
}

// SignIn checks the password and opens a session.
func (h *Handler) SignIn(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	if err := r.ParseForm(); err != nil {
		return web.BadRequest("form too large or malformed")
	}
	l, err := h.layout(r, "Sign in", "")
	if err != nil {
		return err
	}
	p := SignInPage{Layout: l, Email: r.PostForm.Get("email"), Next: localNext(r.PostForm.Get("next")), Resume: resumeFrom(r.PostForm)}
	u, token, err := h.Auth.SignIn(r.Context(), p.Email, r.PostForm.Get("password"), h.clientKey(r))
	var throttled *people.ThrottledError
	switch {
	case errors.As(err, &throttled):
		p.Error = throttled.Error()
		return h.page(w, r, http.StatusTooManyRequests, "sign_in", p)
	case errors.Is(err, people.ErrBadCredentials):
		p.Error = "That email and password do not match an account. Check both and try again."
		return h.page(w, r, http.StatusUnauthorized, "sign_in", p)
	case err != nil:
		return err
	}
	h.setSession(w, r, token, int(people.SessionIdle.Seconds()))
	h.audit(r.WithContext(withUser(r, u)), "session.sign-in", u.Email, "")
	if p.Resume != nil {
		p.Layout.User, p.Resumed = u, true
		return h.page(w, r, http.StatusOK, "sign_in", p)
	}
	return seeOther(w, r, p.Next, "")
}

// SignOut ends the session.
func (h *Handler) SignOut(w http.ResponseWriter, r *http.Request) error {
	if c, err := r.Cookie(SessionCookie); err == nil {
		if err := h.Auth.SignOut(r.Context(), c.Value); err != nil {
			return err
		}
	}
	h.audit(r, "session.sign-out", CurrentUser(r).Email, "")
	h.setSession(w, r, "", -1)
	return seeOther(w, r, "/admin/sign-in", "You are signed out.")
}

// signInAgain answers a desk request without a session. A GET is sent to
// the sign-in page; a POST keeps what was typed inside the sign-in form.
func (h *Handler) signInAgain(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Redirect(w, r, "/admin/sign-in?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	if err := r.ParseForm(); err != nil {
		h.errorPage(w, r, http.StatusBadRequest, "The form could not be read.")
		return
	}
	l, err := h.layout(r, "Sign in again", "")
	if err != nil {
		h.errorPage(w, r, http.StatusInternalServerError, "")
		return
	}
	form := url.Values{}
	for k, v := range r.PostForm {
		form[k] = v
	}
	form.Set("resume_action", r.URL.Path)
	p := SignInPage{Layout: l, Next: "/admin/", Resume: resumeFrom(form),
		Error: "Your session has ended. Sign in again: what you typed is kept here and is saved once you are back."}
	if err := h.page(w, r, http.StatusUnauthorized, "sign_in", p); err != nil {
		h.errorPage(w, r, http.StatusInternalServerError, "")
	}
}

// resumeFrom collects the kept form fields (prefixed "resume_" on the
// sign-in form) so they survive the round trip.
func resumeFrom(form url.Values) *Resume {
	action := localNext(form.Get("resume_action"))
	if form.Get("resume_action") == "" || action == "/admin/" && form.Get("resume_action") != "/admin/" {
		return nil
	}
	res := &Resume{Action: action}
	keys := make([]string, 0, len(form))
	for k := range form {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		name := strings.TrimPrefix(k, "resume.")
		if k == "resume_action" || k == "email" || k == "password" || k == "next" {
			continue
		}
		for _, v := range form[k] {
			res.Fields = append(res.Fields, Field{Name: name, Value: v})
		}
	}
	return res
}

// localNext keeps redirects inside the desk, so a crafted link cannot send
// a freshly signed-in editor to another site.
func localNext(next string) string {
	if !strings.HasPrefix(next, "/admin/") || strings.HasPrefix(next, "//") || strings.Contains(next, "\\") {
		return "/admin/"
	}
	return next
}
