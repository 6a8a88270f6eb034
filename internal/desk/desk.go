// Package desk holds the newsroom's handlers under /admin/: signing in, the
// story list and editor, review, revisions, corrections and the management
// pages. Every action is checked against the signed-in user's role here and
// again in the domain services.
package desk

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"time"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/blob"
	"github.com/datelinenews/dateline/internal/comment"
	"github.com/datelinenews/dateline/internal/media"
	"github.com/datelinenews/dateline/internal/page"
	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/render"
	"github.com/datelinenews/dateline/internal/section"
	"github.com/datelinenews/dateline/internal/settings"
	"github.com/datelinenews/dateline/internal/spam"
	"github.com/datelinenews/dateline/internal/web"
)

// Store is what the desk reads and writes besides stories.
type Store interface {
	Site(ctx context.Context) (settings.Site, error)
	ListSections(ctx context.Context) ([]section.Section, error)
	ListAuthors(ctx context.Context) ([]people.Author, error)
	AuthorForUser(ctx context.Context, u people.User, now time.Time) (people.Author, error)
	AddAudit(ctx context.Context, e people.AuditEntry) error
	// The management pages' own needs, declared beside their handlers.
	sectionStore
	tagStore
	pageStore
	settingsStore
	mediaStore
	supportStore
	apiKeyStore
	profileStore
}

// Handler serves the desk.
type Handler struct {
	Auth     *people.Auth
	Articles *article.Service
	Comments *comment.Service
	Spam     *spam.Judge
	Store    Store
	Render   *render.Renderer
	Log      *slog.Logger
	Now      func() time.Time
	Proxies  web.Proxies
	Secret   []byte      // keys the hash of client addresses
	Media    blob.Bucket // image files of the media library
	// Processing bounds how many uploads are decoded at once; nil: media.DefaultGate.
	Processing *media.Gate
	// Posters makes posters for the YouTube and Vimeo videos of saved stories; nil: none.
	Posters interface{ Queue([]media.ExternalVideo) }
	errors  *web.Errors
}

// SessionCookie is the name of the desk's session cookie.
const SessionCookie = web.SessionCookie

// New returns the desk's handler set.
func New(h Handler) *Handler {
	h.errors = &web.Errors{Log: h.Log, Page: h.errorPage, Classify: classify}
	if h.Processing == nil {
		h.Processing = media.DefaultGate()
	}
	return &h
}

func classify(err error) int {
	var v article.ValidationError
	switch {
	case errors.Is(err, article.ErrForbidden):
		return http.StatusForbidden
	case errors.Is(err, article.ErrNotFound), errors.Is(err, people.ErrNotFound),
		errors.Is(err, section.ErrNotFound), errors.Is(err, page.ErrNotFound), errors.Is(err, comment.ErrNotFound):
		return http.StatusNotFound
	case errors.As(err, &v):
		return http.StatusUnprocessableEntity
	}
	return 0
}

type userKey struct{}

// CurrentUser is the signed-in staff member of a desk request.
func CurrentUser(r *http.Request) people.User {
	u, _ := r.Context().Value(userKey{}).(people.User)
	return u
}

// Handle adapts a desk handler that needs a signed-in user. Without one, a
// GET goes to the sign-in page and comes back after; a POST (say, saving a
// story after the session ran out) shows the sign-in form carrying the
// typed text, so nothing is lost.
func (h *Handler) Handle(fn web.HandlerFunc) http.Handler {
	inner := h.errors.Handle(fn)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("X-Robots-Tag", "noindex")
		u, err := h.sessionUser(r)
		if err != nil {
			if !errors.Is(err, people.ErrNoSession) {
				h.Log.ErrorContext(r.Context(), "session lookup", slog.Any("err", err))
				h.errorPage(w, r, http.StatusInternalServerError, "")
				return
			}
			h.signInAgain(w, r)
			return
		}
		inner.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey{}, u)))
	})
}

// Need wraps fn so only roles allowed action reach it.
func (h *Handler) Need(action people.Action, fn web.HandlerFunc) http.Handler {
	return h.Handle(func(w http.ResponseWriter, r *http.Request) error {
		if !CurrentUser(r).Role.Can(action) {
			return article.ErrForbidden
		}
		return fn(w, r)
	})
}

// Open adapts a desk handler that needs no session (sign-in itself).
func (h *Handler) Open(fn web.HandlerFunc) http.Handler {
	inner := h.errors.Handle(fn)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("X-Robots-Tag", "noindex")
		inner.ServeHTTP(w, r)
	})
}

func (h *Handler) sessionUser(r *http.Request) (people.User, error) {
	c, err := r.Cookie(SessionCookie)
	if err != nil {
		return people.User{}, people.ErrNoSession
	}
	return h.Auth.User(r.Context(), c.Value)
}

// clientKey identifies a client for throttling without storing its
// address: an HMAC under the installation's secret.
func (h *Handler) clientKey(r *http.Request) string {
	return web.ClientHash(h.Secret, h.Proxies.ClientIP(r))
}

// audit records a staff action; a failure to record is logged, not shown.
func (h *Handler) audit(r *http.Request, action, target, detail string) {
	u := CurrentUser(r)
	e := people.AuditEntry{UserID: u.ID, UserEmail: u.Email, Action: action, Target: target, Detail: detail,
		Client: h.clientKey(r), At: h.Now().UTC()}
	if err := h.Store.AddAudit(r.Context(), e); err != nil {
		h.Log.ErrorContext(r.Context(), "audit log", slog.Any("err", err))
	}
}

// setSession writes the session cookie: HttpOnly, SameSite=Lax, and Secure
// whenever the reader's connection is HTTPS.
func (h *Handler) setSession(w http.ResponseWriter, r *http.Request, token string, maxAge int) {
	http.SetCookie(w, &http.Cookie{Name: SessionCookie, Value: token, Path: "/", MaxAge: maxAge,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: h.Proxies.HTTPS(r)})
}

// page renders a desk page.
func (h *Handler) page(w http.ResponseWriter, r *http.Request, status int, name string, data any) error {
	body, err := h.Render.Render("desk/"+name, data)
	if err != nil {
		return err
	}
	web.WriteHTML(w, r, status, body, web.NoStore)
	return nil
}

// Layout is what every desk page shows around its content.
type Layout struct {
	Title  string
	User   people.User
	Site   settings.Site
	Flash  string
	Active string // navigation entry
	// Can answers whether the user may take an action named as in
	// people.Actions; an unknown name is an error, so a typo in a template
	// fails loudly instead of hiding a button.
	Can func(action string) (bool, error)
}

func (h *Handler) layout(r *http.Request, title, active string) (Layout, error) {
	site, err := h.Store.Site(r.Context())
	if err != nil {
		return Layout{}, err
	}
	u := CurrentUser(r)
	can := func(action string) (bool, error) {
		if !slices.Contains(people.Actions, people.Action(action)) {
			return false, fmt.Errorf("unknown desk action %q", action)
		}
		return u.Role.Can(people.Action(action)), nil
	}
	return Layout{Title: title, User: u, Site: site, Active: active, Flash: r.URL.Query().Get("done"), Can: can}, nil
}

// seeOther redirects after a successful POST, with a short message to show.
func seeOther(w http.ResponseWriter, r *http.Request, path, message string) error {
	if message != "" {
		path += "?done=" + url.QueryEscape(message)
	}
	http.Redirect(w, r, path, http.StatusSeeOther)
	return nil
}

// ErrorPage is the desk's page for a failed request.
type ErrorPage struct {
	Layout
	Status  int
	Message string
}

func (h *Handler) errorPage(w http.ResponseWriter, r *http.Request, status int, message string) {
	msg := map[int]string{
		http.StatusForbidden:           "Your role does not allow this. Ask an editor or an admin.",
		http.StatusNotFound:            "There is nothing at this address in the desk.",
		http.StatusBadRequest:          "The request could not be understood.",
		http.StatusUnprocessableEntity: "Some of what was sent needs fixing.",
	}[status]
	if message != "" {
		msg = message
	}
	if msg == "" {
		msg = "Something went wrong on our side. Your last change may not have been saved; please try again."
	}
	l, err := h.layout(r, http.StatusText(status), "")
	if err == nil {
		body, err := h.Render.Render("desk/error", ErrorPage{Layout: l, Status: status, Message: msg})
		if err == nil {
			web.WriteHTML(w, r, status, body, web.NoStore)
			return
		}
	}
	http.Error(w, msg, status)
}

func withUser(r *http.Request, u people.User) context.Context {
	return context.WithValue(r.Context(), userKey{}, u)
}
