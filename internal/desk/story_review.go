package desk

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/web"
)

// SendBack returns a submitted story to its writer with a note.
func (h *Handler) SendBack(w http.ResponseWriter, r *http.Request) error {
	a, err := h.story(r)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return web.BadRequest("malformed form")
	}
	_, err = h.Articles.SendBack(r.Context(), CurrentUser(r), a.ID, r.PostForm.Get("note"))
	var v article.ValidationError
	if errors.As(err, &v) {
		site, serr := h.Store.Site(r.Context())
		if serr != nil {
			return serr
		}
		return h.editor(w, r, http.StatusUnprocessableEntity, a, formOf(a, site.Location()), v, nil)
	}
	if err != nil {
		return err
	}
	h.audit(r, "story.send-back", "story "+strconv.FormatInt(a.ID, 10), r.PostForm.Get("note"))
	return seeOther(w, r, "/admin/?review=submitted", "Sent back to the writer with your note.")
}

// Correct adds a public correction or update note to a published story.
func (h *Handler) Correct(w http.ResponseWriter, r *http.Request) error {
	a, err := h.story(r)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return web.BadRequest("malformed form")
	}
	kind := article.CorrectionKind(r.PostForm.Get("kind"))
	_, err = h.Articles.Correct(r.Context(), CurrentUser(r), a.ID, kind, r.PostForm.Get("correction"))
	var v article.ValidationError
	if errors.As(err, &v) {
		site, serr := h.Store.Site(r.Context())
		if serr != nil {
			return serr
		}
		return h.editor(w, r, http.StatusUnprocessableEntity, a, formOf(a, site.Location()), v, nil)
	}
	if err != nil {
		return err
	}
	h.audit(r, "story."+string(kind), "story "+strconv.FormatInt(a.ID, 10), r.PostForm.Get("correction"))
	return seeOther(w, r, "/admin/stories/"+strconv.FormatInt(a.ID, 10), "The "+string(kind)+" is on the public story.")
}
