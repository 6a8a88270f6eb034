package desk

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/datelinenews/dateline/internal/people"
)

// LinkPage is the page behind a one-time sign-in link (an invitation or a
// password reset), or the explanation that the link no longer works.
type LinkPage struct {
	Layout
	Token  string
	Person people.User
	Invite bool
	Dead   bool
}

// Link shows whose link this is and a Continue button. It spends nothing:
// chat apps and mail scanners fetch links to preview them, and would use
// up a one-time link before its owner saw it. Only the button's POST does.
func (h *Handler) Link(w http.ResponseWriter, r *http.Request) error {
	token := r.PathValue("token")
	u, purpose, err := h.Auth.PeekLink(r.Context(), token)
	if errors.Is(err, people.ErrTokenInvalid) {
		return h.deadLink(w, r)
	}
	if err != nil {
		return err
	}
	l, err := h.layout(r, "Sign in with a one-time link", "")
	if err != nil {
		return err
	}
	// The token is in this page's address: do not pass it on to anyone.
	w.Header().Set("Referrer-Policy", "no-referrer")
	return h.page(w, r, http.StatusOK, "link", LinkPage{Layout: l, Token: token, Person: u, Invite: purpose == "invite"})
}

// UseLink spends the link, opens a session and asks for a new password.
func (h *Handler) UseLink(w http.ResponseWriter, r *http.Request) error {
	u, purpose, session, err := h.Auth.SpendLink(r.Context(), r.PathValue("token"))
	if errors.Is(err, people.ErrTokenInvalid) {
		return h.deadLink(w, r)
	}
	if err != nil {
		return err
	}
	h.setSession(w, r, session, int(people.SessionIdle.Seconds()))
	h.setGrant(w, r, session)
	h.audit(r.WithContext(withUser(r, u)), "session.link", u.Email, purpose)
	return seeOther(w, r, "/admin/account/password", "")
}

// deadLink answers a link that is unknown, used, expired or whose account
// was disabled: one page for all, as telling them apart helps nobody.
func (h *Handler) deadLink(w http.ResponseWriter, r *http.Request) error {
	l, err := h.layout(r, "This link no longer works", "")
	if err != nil {
		return err
	}
	w.Header().Set("Referrer-Policy", "no-referrer")
	return h.page(w, r, http.StatusGone, "link", LinkPage{Layout: l, Dead: true})
}

// A link grant lets the session a one-time link opened set a password
// without typing the current one, for a short while. It is a cookie bound
// to that session by an HMAC, so it needs no storage, cannot be moved to
// another session, and dies with the session.
const (
	grantCookie = "dateline_link"
	grantPath   = "/admin/account"
	grantTTL    = 30 * time.Minute
)

func (h *Handler) grantMAC(session string, expires int64) string {
	m := hmac.New(sha256.New, h.Secret)
	// The prefix keeps these MACs apart from the key's other use, client hashes.
	fmt.Fprintf(m, "link-grant\x00%s\x00%d", people.HashToken(session), expires)
	return hex.EncodeToString(m.Sum(nil))
}

func (h *Handler) setGrant(w http.ResponseWriter, r *http.Request, session string) {
	expires := h.Now().Add(grantTTL).Unix()
	value := strconv.FormatInt(expires, 10) + "." + h.grantMAC(session, expires)
	http.SetCookie(w, &http.Cookie{Name: grantCookie, Value: value, Path: grantPath, MaxAge: int(grantTTL.Seconds()),
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: h.Proxies.HTTPS(r)})
}

func (h *Handler) clearGrant(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: grantCookie, Value: "", Path: grantPath, MaxAge: -1,
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: h.Proxies.HTTPS(r)})
}

// hasGrant reports whether this request's session came from a one-time
// link within grantTTL.
func (h *Handler) hasGrant(r *http.Request) bool {
	g, err := r.Cookie(grantCookie)
	if err != nil {
		return false
	}
	s, err := r.Cookie(SessionCookie)
	if err != nil {
		return false
	}
	exp, mac, ok := strings.Cut(g.Value, ".")
	expires, err := strconv.ParseInt(exp, 10, 64)
	if !ok || err != nil || h.Now().Unix() >= expires {
		return false
	}
	return hmac.Equal([]byte(mac), []byte(h.grantMAC(s.Value, expires)))
}

// linkURL is the full address of a one-time link, for an admin to send.
func (h *Handler) linkURL(r *http.Request, token string) string {
	scheme := "http"
	if h.Proxies.HTTPS(r) {
		scheme = "https"
	}
	return scheme + "://" + r.Host + "/admin/link/" + token
}
