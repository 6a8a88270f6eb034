package desk

import (
	"html/template"
	"net/http"

	"github.com/datelinenews/dateline/internal/page"
	"github.com/datelinenews/dateline/internal/sanitize"
)

// PageEditPage is the static page editor, with the same live preview as
// the story editor.
type PageEditPage struct {
	Layout
	Stored  page.Page // ID 0 for a new page
	Form    PageForm
	Errors  map[string]string
	Preview template.HTML
}

// PageForm is a page as typed, kept when it needs fixing.
type PageForm struct{ Title, Slug, Body string }

// NewPage shows an empty page editor.
func (h *Handler) NewPage(w http.ResponseWriter, r *http.Request) error {
	return h.pageEditor(w, r, http.StatusOK, page.Page{}, PageForm{}, nil)
}

// EditPage shows a static page in the editor.
func (h *Handler) EditPage(w http.ResponseWriter, r *http.Request) error {
	p, err := h.staticPage(r)
	if err != nil {
		return err
	}
	return h.pageEditor(w, r, http.StatusOK, p, PageForm{Title: p.Title, Slug: p.Slug, Body: p.Body}, nil)
}

// staticPage loads the page named by {id}.
func (h *Handler) staticPage(r *http.Request) (page.Page, error) {
	id, err := pathID(r)
	if err != nil {
		return page.Page{}, err
	}
	st := h.Store
	p, err := st.PageByID(r.Context(), id)
	return p, notFound(err)
}

func (h *Handler) pageEditor(w http.ResponseWriter, r *http.Request, status int, stored page.Page, form PageForm, problems map[string]string) error {
	title := "New page"
	if stored.ID != 0 {
		title = "Edit page: " + stored.Title
	}
	l, err := h.layout(r, title, "pages")
	if err != nil {
		return err
	}
	p := PageEditPage{Layout: l, Stored: stored, Form: form, Errors: problems, Preview: sanitize.Article(form.Body)}
	return h.page(w, r, status, "page_edit", p)
}
