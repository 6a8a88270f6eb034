package site

import (
	"github.com/datelinenews/dateline/internal/change"
	"html/template"
	"net/http"
	"strings"

	"github.com/datelinenews/dateline/internal/sanitize"
	"github.com/datelinenews/dateline/internal/web"
)

// StaticPage is About, Contact, Support and the like.
type StaticPage struct {
	Layout
	Heading string
	Body    template.HTML
	Ways    []WayToGive // the Support page's ways to give, below its text
}

// Page serves a static page at /{slug}/.
func (h *Handler) Page(w http.ResponseWriter, r *http.Request) error {
	s, err := pathSlug(r)
	if err != nil {
		return err
	}
	if err := checkQuery(r); err != nil {
		return err
	}
	pg, err := h.Content.PageBySlug(r.Context(), s)
	if err != nil {
		return err
	}
	l, err := h.layout(r.Context(), r, pg.Title, firstLine(sanitize.Plain(pg.Body)))
	if err != nil {
		return err
	}
	web.Keys(w, change.PageKey(pg.ID))
	l.StructuredData = pageData(l, "WebPage", pg.Title, nil)
	html, err := h.body(r.Context(), pg.Body, l.Site.Language)
	if err != nil {
		return err
	}
	p := StaticPage{Layout: l, Heading: pg.Title, Body: html}
	if s == SupportSlug {
		web.Keys(w, change.Giving)
		if p.Ways, err = h.waysToGive(r.Context()); err != nil {
			return err
		}
	}
	return h.page(w, r, "page", p)
}

// firstLine returns the first non-empty line of plain text, for descriptions.
func firstLine(s string) string {
	for line := range strings.SplitSeq(s, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			return line
		}
	}
	return ""
}
