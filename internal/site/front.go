package site

import (
	"net/http"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/section"
	"github.com/datelinenews/dateline/internal/web"
)

// FrontPage is the home page: the lead story, the latest, then each section.
type FrontPage struct {
	Layout
	Lead      *Teaser
	Latest    []Teaser
	BySection []SectionBlock
}

// SectionBlock is one section's row on the front page.
type SectionBlock struct {
	Section section.Section
	Stories []Teaser
}

// How many stories each part of the front page shows.
const (
	frontLatest     = 6
	frontPerSection = 4
)

// Front serves the home page.
func (h *Handler) Front(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	if err := checkQuery(r); err != nil {
		return err
	}
	if h.redirectQuery(w, r) {
		return nil
	}
	l, err := h.layout(ctx, r, "", "")
	if err != nil {
		return err
	}
	l.Feeds = feedLinks("/", l.Site.Name)
	l.StructuredData = frontData(l)
	p := FrontPage{Layout: l}
	// The lead is the newest story an editor pinned, else simply the newest.
	lead, err := h.Articles.Latest(ctx, article.Filter{LeadOnly: true}, 1)
	if err != nil {
		return err
	}
	if len(lead) == 0 {
		if lead, err = h.Articles.Latest(ctx, article.Filter{}, 1); err != nil {
			return err
		}
	}
	// A story appears once on the front page: section rows skip what the
	// lead and the latest row already show.
	var shown []int64
	if len(lead) > 0 {
		t := teaser(lead[0], l.Site)
		p.Lead, shown = &t, []int64{lead[0].ID}
	}
	latest, err := h.Articles.Latest(ctx, article.Filter{ExcludeIDs: shown}, frontLatest)
	if err != nil {
		return err
	}
	p.Latest = teasers(latest, l.Site)
	for _, a := range latest {
		shown = append(shown, a.ID)
	}
	for _, sec := range l.Sections {
		list, err := h.Articles.Latest(ctx, article.Filter{SectionID: sec.ID, ExcludeIDs: shown}, frontPerSection)
		if err != nil {
			return err
		}
		if len(list) > 0 {
			p.BySection = append(p.BySection, SectionBlock{Section: sec, Stories: teasers(list, l.Site)})
		}
	}
	web.Keys(w, frontKeys(p)...)
	return h.page(w, r, "front", p)
}

// page renders a public page and writes it with public caching headers.
func (h *Handler) page(w http.ResponseWriter, r *http.Request, name string, data any) error {
	body, err := h.Render.Render(name, data)
	if err != nil {
		return err
	}
	web.WriteHTML(w, r, http.StatusOK, body, web.Public)
	return nil
}

// checkQuery refuses oversized query strings. Other unknown parameters are
// ignored: readers arrive with tracking tags (utm_source…) and must still get the page.
func checkQuery(r *http.Request) error {
	if len(r.URL.RawQuery) > 2048 {
		return web.BadRequest("query string too long")
	}
	return nil
}
