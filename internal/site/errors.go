package site

import (
	"net/http"

	"github.com/datelinenews/dateline/internal/change"
	"github.com/datelinenews/dateline/internal/web"
)

// ErrorPage explains to a reader why there is no page.
type ErrorPage struct {
	Layout
	Status  int
	Heading string
	Message string
}

var errorTexts = map[int][2]string{
	http.StatusBadRequest:            {"That address is not quite right", "Part of the address could not be understood. Check it, or start again from the front page."},
	http.StatusForbidden:             {"Not allowed", "This cannot be done here."},
	http.StatusRequestEntityTooLarge: {"Too much to send", "What you sent is larger than we accept."},
	http.StatusNotFound:              {"Page not found", "We could not find a page at this address. It may have moved, or the link may be mistyped."},
	http.StatusGone:                  {"This story has been removed", "The newsroom has taken this story down. It is no longer available."},
	http.StatusInternalServerError:   {"Something went wrong", "We could not show this page just now. Please try again in a moment."},
}

// errorPage writes the themed page for a status. If the site chrome cannot
// be loaded (say, the database is down) it falls back to a plain page.
func (h *Handler) errorPage(w http.ResponseWriter, r *http.Request, status int, message string) {
	if status == http.StatusNotFound && h.redirectOld(w, r, r.URL.Path) {
		return
	}
	text, ok := errorTexts[status]
	if !ok {
		text = [2]string{http.StatusText(status), "The request could not be completed."}
	}
	if message != "" {
		text[1] = message
	}
	if status == http.StatusNotFound || status == http.StatusGone {
		web.Keys(w, change.Missing) // a story or page published at this address fills it
	}
	caching := web.Short
	if status >= 500 {
		caching = web.NoStore
	}
	l, err := h.layout(r.Context(), r, text[0], "")
	if err == nil {
		l.Canonical, l.Current = "", ""
		body, err := h.Render.Render("error", ErrorPage{Layout: l, Status: status, Heading: text[0], Message: text[1]})
		if err == nil {
			web.WriteHTML(w, r, status, body, caching)
			return
		}
		h.Log.Error("render error page", "status", status, "err", err)
	}
	body := []byte("<!doctype html><html lang=en><meta charset=utf-8><title>" + text[0] + "</title><h1>" + text[0] + "</h1><p>" + text[1] + "</p></html>")
	web.WriteHTML(w, r, status, body, caching)
}

// NotFound answers every URL no route claims.
func (h *Handler) NotFound(w http.ResponseWriter, r *http.Request) error { return web.NotFound() }
