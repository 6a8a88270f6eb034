package desk

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/datelinenews/dateline/internal/section"
)

// DeleteSection deletes a section no story is filed under. One still in use
// is refused with how many stories use it, since deleting it would leave
// them without a section.
func (h *Handler) DeleteSection(w http.ResponseWriter, r *http.Request) error {
	sec, err := h.section(r)
	if err != nil {
		return err
	}
	st := h.Store
	err = st.DeleteSection(r.Context(), sec.ID)
	var inUse *section.InUseError
	if errors.As(err, &inUse) {
		return h.sections(w, r, http.StatusConflict, SectionsPage{Refused: refusal(sec, inUse.Stories)})
	}
	if err != nil {
		return notFound(err)
	}
	h.audit(r, "section.delete", sectionTarget(sec), sec.Name)
	return seeOther(w, r, "/admin/sections", "Section “"+sec.Name+"” deleted.")
}

// refusal says why a section cannot be deleted and what to do instead.
func refusal(sec section.Section, stories int) string {
	n := "1 story uses"
	if stories != 1 {
		n = fmt.Sprintf("%d stories use", stories)
	}
	return fmt.Sprintf("%s “%s” (drafts and stories in the trash count too). "+
		"Move them to another section first, then delete it.", n, sec.Name)
}
