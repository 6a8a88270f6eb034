package desk

import "net/http"

// DeletePage deletes a static page once the editor has ticked the box that
// confirms it: the confirmation is part of the form, so it needs no script.
func (h *Handler) DeletePage(w http.ResponseWriter, r *http.Request) error {
	p, err := h.staticPage(r)
	if err != nil {
		return err
	}
	if err := readForm(w, r, manageFormBytes); err != nil {
		return err
	}
	form := PageForm{Title: p.Title, Slug: p.Slug, Body: p.Body}
	if r.PostForm.Get("confirm") != "yes" {
		problems := map[string]string{"confirm": "Tick the box to confirm that " + p.Path() + " should be deleted."}
		return h.pageEditor(w, r, http.StatusUnprocessableEntity, p, form, problems)
	}
	st := h.Store
	if err := st.DeletePage(r.Context(), p.ID); err != nil {
		return notFound(err)
	}
	h.audit(r, "page.delete", pageTarget(p), p.Title)
	return seeOther(w, r, "/admin/pages", "Page “"+p.Title+"” deleted; "+p.Path()+" now answers “not found”.")
}
