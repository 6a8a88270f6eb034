package desk

import (
	"net/http"

	"github.com/datelinenews/dateline/internal/web"
)

// MoveSection moves a section one place up or down in the navigation and
// on the front page. Plain buttons, so it works without JavaScript.
func (h *Handler) MoveSection(w http.ResponseWriter, r *http.Request) error {
	sec, err := h.section(r)
	if err != nil {
		return err
	}
	direction, delta, err := moveDirection(w, r)
	if err != nil {
		return err
	}
	st := h.Store
	if err := st.MoveSection(r.Context(), sec.ID, delta, h.Now()); err != nil {
		return notFound(err)
	}
	h.audit(r, "section.move", sectionTarget(sec), direction)
	return seeOther(w, r, "/admin/sections", "Section “"+sec.Name+"” moved "+direction+".")
}

// moveDirection reads a move button's form: "up" is one place earlier,
// "down" one place later.
func moveDirection(w http.ResponseWriter, r *http.Request) (direction string, delta int, err error) {
	if err := readForm(w, r, manageFormBytes); err != nil {
		return "", 0, err
	}
	direction = r.PostForm.Get("direction")
	delta = map[string]int{"up": -1, "down": 1}[direction]
	if delta == 0 {
		return "", 0, web.BadRequest("direction must be up or down")
	}
	return direction, delta, nil
}
