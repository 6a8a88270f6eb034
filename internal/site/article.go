package site

import (
	"html/template"
	"net/http"
	"time"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/render"
	"github.com/datelinenews/dateline/internal/sanitize"
)

// ArticlePage is a story's own page.
type ArticlePage struct {
	Layout
	Story       Teaser
	Body        template.HTML
	Tags        []article.Tag
	Updated     string // ISO time of the last update, empty when never updated after publication
	UpdatedText string
	More        []Teaser // more from the same section
}

// updateGrace is how long after publication an edit still counts as part of
// publishing rather than an update worth showing readers.
const updateGrace = 10 * time.Minute

// Article serves /{year}/{month}/{day}/{slug}/. A story asked for by an old
// slug or a wrong date answers 301 with its current URL.
func (h *Handler) Article(w http.ResponseWriter, r *http.Request) error {
	s, err := pathSlug(r)
	if err != nil {
		return err
	}
	if err := checkQuery(r); err != nil {
		return err
	}
	a, err := h.Articles.Published(r.Context(), s)
	if err != nil {
		return err
	}
	site, err := h.Content.Site(r.Context())
	if err != nil {
		return err
	}
	loc := site.Location()
	if want := a.Path(loc); r.URL.Path != want {
		http.Redirect(w, r, want, http.StatusMovedPermanently)
		return nil
	}
	l, err := h.layout(r.Context(), r, a.Headline, a.Standfirst)
	if err != nil {
		return err
	}
	l.Lang, l.Dir = a.Language, render.Dir(a.Language)
	l.Current = a.Section.Path()
	p := ArticlePage{Layout: l, Story: teaser(a, loc), Body: sanitize.Article(a.Body), Tags: a.Tags}
	if a.UpdatedAt.Sub(a.PublishedAt) > updateGrace {
		u := a.UpdatedAt.In(loc)
		p.Updated, p.UpdatedText = u.Format(time.RFC3339), humanDate(u)+", "+u.Format("15:04 MST")
	}
	more, err := h.Articles.Latest(r.Context(), article.Filter{SectionID: a.Section.ID, ExcludeIDs: []int64{a.ID}}, 3)
	if err != nil {
		return err
	}
	p.More = teasers(more, loc)
	return h.page(w, r, "article", p)
}
