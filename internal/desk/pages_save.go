package desk

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/datelinenews/dateline/internal/page"
)

// SavePage creates a static page (on /admin/pages/new) or saves one.
func (h *Handler) SavePage(w http.ResponseWriter, r *http.Request) error {
	var stored page.Page
	if r.PathValue("id") != "" {
		var err error
		if stored, err = h.staticPage(r); err != nil {
			return err
		}
	}
	if err := readForm(w, r, maxFormBytes); err != nil {
		return err
	}
	st := h.Store
	var err error
	f := r.PostForm
	form := PageForm{Title: f.Get("title"), Slug: f.Get("slug"), Body: f.Get("body")}
	p := page.Page{ID: stored.ID, Title: form.Title, Slug: form.Slug, Body: form.Body}.Tidy()
	var v page.ValidationError
	if err := p.Validate(); errors.As(err, &v) {
		return h.pageEditor(w, r, http.StatusUnprocessableEntity, stored, form, v)
	}
	action := "page.update"
	if stored.ID == 0 {
		action = "page.create"
		p.ID, err = st.CreatePage(r.Context(), p, h.Now())
	} else {
		err = st.UpdatePage(r.Context(), p, h.Now())
	}
	if errors.Is(err, page.ErrConflict) {
		problems := map[string]string{"slug": "Another page already uses the slug “" + p.Slug + "”. Choose another one."}
		return h.pageEditor(w, r, http.StatusUnprocessableEntity, stored, form, problems)
	}
	if err != nil {
		return notFound(err)
	}
	h.audit(r, action, pageTarget(p), changes("title", stored.Title, p.Title, "slug", stored.Slug, p.Slug, "body", stored.Body, p.Body))
	return seeOther(w, r, "/admin/pages/"+strconv.FormatInt(p.ID, 10), "Page saved: it is at "+p.Path()+".")
}

// pageTarget names a static page in the audit log.
func pageTarget(p page.Page) string { return "page " + strconv.FormatInt(p.ID, 10) + " " + p.Slug }
