package api

import (
	"net/http"
)

// ListSections lists every section, in the site's navigation order.
func (h *Handler) ListSections(w http.ResponseWriter, r *http.Request) error {
	if _, err := query(r.URL); err != nil {
		return err
	}
	list, err := h.Store.ListSections(r.Context())
	if err != nil {
		return err
	}
	v, err := h.view(r)
	if err != nil {
		return err
	}
	out := []Section{}
	for _, s := range list {
		out = append(out, v.section(s))
	}
	return writeJSON(w, r, struct {
		Data []Section `json:"data"`
	}{out})
}

// ListTags lists the tags of published stories, by name, a page at a time.
func (h *Handler) ListTags(w http.ResponseWriter, r *http.Request) error {
	q, err := query(r.URL, "page", "per_page")
	if err != nil {
		return err
	}
	page, perPage, err := paging(q)
	if err != nil {
		return err
	}
	now := h.Now()
	total, err := h.Store.CountPublishedTags(r.Context(), now)
	if err != nil {
		return err
	}
	list, err := h.Store.ListPublishedTags(r.Context(), now, perPage, (page-1)*perPage)
	if err != nil {
		return err
	}
	v, err := h.view(r)
	if err != nil {
		return err
	}
	out := []Tag{}
	for _, t := range list {
		tag := v.tag(t.Tag)
		tag.Stories = t.Stories
		out = append(out, tag)
	}
	m := meta(page, perPage, total)
	return writeJSON(w, r, struct {
		Data  []Tag `json:"data"`
		Meta  Meta  `json:"meta"`
		Links Links `json:"links"`
	}{out, m, links(w, v.origin, r.URL.Path, q, page, m.TotalPages)})
}

// ListAuthors lists the authors of published stories, by name.
func (h *Handler) ListAuthors(w http.ResponseWriter, r *http.Request) error {
	if _, err := query(r.URL); err != nil {
		return err
	}
	list, err := h.Store.ListPublishedAuthors(r.Context(), h.Now())
	if err != nil {
		return err
	}
	v, err := h.view(r)
	if err != nil {
		return err
	}
	out := []Author{}
	for _, a := range list {
		au := v.author(a.Author)
		au.Bio, au.Stories = a.Bio, a.Stories
		out = append(out, au)
	}
	return writeJSON(w, r, struct {
		Data []Author `json:"data"`
	}{out})
}
