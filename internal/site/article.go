package site

import (
	"html/template"
	"net/http"
	"strconv"
	"time"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/change"
	"github.com/datelinenews/dateline/internal/comment"
	"github.com/datelinenews/dateline/internal/render"
	"github.com/datelinenews/dateline/internal/web"
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
	Corrections []CorrectionView
	Comments    CommentSection
	// PreviewNotice marks a private preview of an unpublished story.
	PreviewNotice bool
}

// CorrectionView is a public correction or update note.
type CorrectionView struct {
	Kind           string // "correction" or "update"
	Body           string
	When, WhenText string
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
	web.Keys(w, change.ArticleKey(a.ID))
	if want := a.Path(loc); r.URL.Path != want {
		http.Redirect(w, r, want, http.StatusMovedPermanently)
		return nil
	}
	// A reader back from posting a held comment sees it, on a private,
	// uncached copy of the page; everyone else gets the cached one.
	var held *comment.Comment
	if token := r.URL.Query().Get("held"); token != "" {
		if held, err = h.Comments.Held(r.Context(), a.ID, token); err != nil {
			return err
		}
	}
	p, err := h.articlePage(r, a, loc, held)
	if err != nil {
		return err
	}
	if held != nil {
		body, err := h.Render.Render("article", p)
		if err != nil {
			return err
		}
		web.WriteHTML(w, r, http.StatusOK, body, web.NoStore)
		return nil
	}
	web.Keys(w, articleKeys(a, p.More)...)
	if replyTo, err := strconv.ParseInt(r.URL.Query().Get("replytocom"), 10, 64); err == nil {
		p.Comments.Form.ParentID = replyTo // the form's reply link without JavaScript
	}
	return h.page(w, r, "article", p)
}

// Preview serves /preview/{id}/{token}/: a story before publication, for
// whoever has the private link. Never cached, never indexed.
func (h *Handler) Preview(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return web.NotFound()
	}
	a, err := h.Articles.Preview(r.Context(), id, r.PathValue("token"))
	if err != nil {
		return err
	}
	site, err := h.Content.Site(r.Context())
	if err != nil {
		return err
	}
	if a.PublishedAt.IsZero() {
		a.PublishedAt = h.Now()
	}
	p, err := h.articlePage(r, a, site.Location(), nil)
	if err != nil {
		return err
	}
	p.Canonical, p.PreviewNotice = "", true
	body, err := h.Render.Render("article", p)
	if err != nil {
		return err
	}
	w.Header().Set("X-Robots-Tag", "noindex, nofollow")
	web.WriteHTML(w, r, http.StatusOK, body, web.NoStore)
	return nil
}

func (h *Handler) articlePage(r *http.Request, a article.Article, loc *time.Location, held *comment.Comment) (ArticlePage, error) {
	l, err := h.layout(r.Context(), r, a.Headline, a.Standfirst)
	if err != nil {
		return ArticlePage{}, err
	}
	l.Lang, l.Dir = a.Language, render.Dir(a.Language)
	l.InSection = a.Section.Path()
	l.ShareType = "article"
	if pic := picture(a.FeaturedImage); pic != nil {
		l.ShareImage = l.Origin + pic.Src
	}
	html, err := h.body(r.Context(), a.Body, l.Site.Language)
	if err != nil {
		return ArticlePage{}, err
	}
	p := ArticlePage{Layout: l, Story: teaser(a, l.Site), Body: html, Tags: a.Tags}
	if a.UpdatedAt.Sub(a.PublishedAt) > updateGrace {
		u := a.UpdatedAt.In(loc)
		p.Updated, p.UpdatedText = u.Format(time.RFC3339), humanDate(u)+", "+u.Format("15:04 MST")
	}
	for _, c := range a.Corrections {
		t := c.CreatedAt.In(loc)
		p.Corrections = append(p.Corrections, CorrectionView{Kind: string(c.Kind), Body: c.Body,
			When: t.Format(time.RFC3339), WhenText: humanDate(t) + ", " + t.Format("15:04 MST")})
	}
	more, err := h.Articles.Latest(r.Context(), article.Filter{SectionID: a.Section.ID, ExcludeIDs: []int64{a.ID}}, 3)
	if err != nil {
		return ArticlePage{}, err
	}
	p.More = teasers(more, l.Site)
	if p.Comments, err = h.commentSection(r.Context(), a, loc, held); err != nil {
		return ArticlePage{}, err
	}
	p.StructuredData = structuredData(p, l, a)
	return p, nil
}
