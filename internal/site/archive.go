package site

import (
	"fmt"
	"html/template"
	"net/http"
	"strconv"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/slug"
	"github.com/datelinenews/dateline/internal/web"
)

// ArchivePage lists stories of a section, a tag or an author, page by page.
type ArchivePage struct {
	Layout
	Kind    string // "Section", "Tag", "Author"
	Heading string
	Intro   string
	Stories []Teaser
	Pager   Pager
}

// Pager links to the neighbouring pages of an archive.
type Pager struct {
	Page, Pages      int
	PrevURL, NextURL string
}

// archivePageSize is how many stories an archive page lists.
const archivePageSize = 10

// Section serves a section front.
func (h *Handler) Section(w http.ResponseWriter, r *http.Request) error {
	return h.archiveOf(w, r, h.sectionSource)
}

// Tag serves a tag archive.
func (h *Handler) Tag(w http.ResponseWriter, r *http.Request) error {
	return h.archiveOf(w, r, h.tagSource)
}

// Author serves an author's archive, with the author's bio.
func (h *Handler) Author(w http.ResponseWriter, r *http.Request) error {
	return h.archiveOf(w, r, h.authorSource)
}

func (h *Handler) archiveOf(w http.ResponseWriter, r *http.Request, src func(*http.Request) (feedSource, error)) error {
	s, err := src(r)
	if err != nil {
		return err
	}
	web.Keys(w, s.Key)
	return h.archive(w, r, s.Kind, s.Name, s.Intro, s.Filter)
}

func (h *Handler) archive(w http.ResponseWriter, r *http.Request, kind, name, intro string, f article.Filter) error {
	n, err := pageNumber(r)
	if err != nil {
		return err
	}
	f.Limit, f.Offset = archivePageSize, (n-1)*archivePageSize
	list, total, err := h.Articles.List(r.Context(), f)
	if err != nil {
		return err
	}
	pages := max(1, (total+archivePageSize-1)/archivePageSize)
	if n > pages {
		return web.NotFound()
	}
	title := name
	if n > 1 {
		title = fmt.Sprintf("%s – page %d", name, n)
	}
	description := intro
	if description == "" {
		description = "Stories tagged " + name
	}
	l, err := h.layout(r.Context(), r, title, description)
	if err != nil {
		return err
	}
	if n > 1 {
		l.Canonical += "?page=" + strconv.Itoa(n)
	}
	l.Feeds = feedLinks(r.URL.Path, name+" – "+l.Site.Name)
	l.StructuredData = archiveData(l, kind, name)
	p := ArchivePage{Layout: l, Kind: kind, Heading: name, Intro: intro,
		Stories: teasers(list, l.Site), Pager: Pager{Page: n, Pages: pages}}
	if n > 1 {
		p.Pager.PrevURL = r.URL.Path
		if n > 2 {
			p.Pager.PrevURL += "?page=" + strconv.Itoa(n-1)
		}
	}
	if n < pages {
		p.Pager.NextURL = r.URL.Path + "?page=" + strconv.Itoa(n+1)
	}
	web.Keys(w, teaserKeys(p.Stories...)...)
	return h.page(w, r, "archive", p)
}

// archiveData describes an archive: an author's is their profile page,
// a section's or tag's a collection.
func archiveData(l Layout, kind, name string) template.JS {
	if kind == "Author" {
		return pageData(l, "ProfilePage", name, map[string]any{"@type": "Person", "name": name, "url": l.Origin + l.Current})
	}
	return pageData(l, "CollectionPage", name, nil)
}

// pageNumber reads ?page=N: absent is 1, anything but a positive number is 400.
func pageNumber(r *http.Request) (int, error) {
	if err := checkQuery(r); err != nil {
		return 0, err
	}
	v := r.URL.Query().Get("page")
	if v == "" {
		return 1, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 100_000 {
		return 0, web.BadRequest("page must be a whole number from 1")
	}
	return n, nil
}

// pathSlug reads {slug} and turns away anything that cannot be a slug
// before it reaches the database.
func pathSlug(r *http.Request) (string, error) {
	s := r.PathValue("slug")
	if !slug.Valid(s) {
		return "", web.NotFound()
	}
	return s, nil
}
