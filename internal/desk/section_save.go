package desk

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/datelinenews/dateline/internal/section"
)

// SaveSection renames a section and changes its slug and description. Its
// old address redirects to the new one (the store keeps it).
func (h *Handler) SaveSection(w http.ResponseWriter, r *http.Request) error {
	stored, err := h.section(r)
	if err != nil {
		return err
	}
	if err := readForm(w, r, manageFormBytes); err != nil {
		return err
	}
	st := h.Store
	form := parseSectionForm(r)
	sec := form.section()
	sec.ID = stored.ID
	again := SectionsPage{Editing: stored, Form: form}
	if again.Errors = sectionProblems(sec.Validate()); again.Errors != nil {
		return h.sections(w, r, http.StatusUnprocessableEntity, again)
	}
	err = st.UpdateSection(r.Context(), sec, h.Now())
	if errors.Is(err, section.ErrConflict) {
		again.Errors = slugTaken(sec)
		return h.sections(w, r, http.StatusUnprocessableEntity, again)
	}
	if err != nil {
		return notFound(err)
	}
	h.audit(r, "section.update", sectionTarget(sec), changes(
		"name", stored.Name, sec.Name, "slug", stored.Slug, sec.Slug, "description", stored.Description, sec.Description))
	return seeOther(w, r, "/admin/sections/"+strconv.FormatInt(sec.ID, 10), "Section “"+sec.Name+"” saved.")
}
