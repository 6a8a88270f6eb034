package desk

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/datelinenews/dateline/internal/section"
)

// CreateSection adds a section at the end of the order.
func (h *Handler) CreateSection(w http.ResponseWriter, r *http.Request) error {
	if err := readForm(w, r, manageFormBytes); err != nil {
		return err
	}
	st := h.Store
	form := parseSectionForm(r)
	sec := form.section()
	if problems := sectionProblems(sec.Validate()); problems != nil {
		return h.sections(w, r, http.StatusUnprocessableEntity, SectionsPage{Form: form, Errors: problems})
	}
	list, err := st.ListSections(r.Context())
	if err != nil {
		return err
	}
	if n := len(list); n > 0 {
		sec.Position = list[n-1].Position + 1
	}
	sec.ID, err = st.CreateSection(r.Context(), sec, h.Now())
	if errors.Is(err, section.ErrConflict) {
		return h.sections(w, r, http.StatusUnprocessableEntity, SectionsPage{Form: form, Errors: slugTaken(sec)})
	}
	if err != nil {
		return err
	}
	h.audit(r, "section.create", sectionTarget(sec), sec.Name)
	return seeOther(w, r, "/admin/sections", "Section “"+sec.Name+"” added at the end; move it where it belongs.")
}

// sectionProblems turns the section package's validation error into the
// form's messages; nil when there are none.
func sectionProblems(err error) map[string]string {
	var v section.ValidationError
	if errors.As(err, &v) {
		return v
	}
	return nil
}

func slugTaken(sec section.Section) map[string]string {
	return map[string]string{"slug": "Another section already uses the slug “" + sec.Slug + "”. Choose another one."}
}

// sectionTarget names a section in the audit log.
func sectionTarget(sec section.Section) string {
	return "section " + strconv.FormatInt(sec.ID, 10) + " " + sec.Slug
}
