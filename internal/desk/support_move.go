package desk

import (
	"errors"
	"net/http"

	"github.com/datelinenews/dateline/internal/support"
	"github.com/datelinenews/dateline/internal/web"
)

// MoveSupport moves a way to give one place up or down on the Support page.
func (h *Handler) MoveSupport(w http.ResponseWriter, r *http.Request) error {
	m, err := h.supportMethod(r)
	if err != nil {
		return err
	}
	direction, delta, err := moveDirection(w, r)
	if err != nil {
		return err
	}
	err = h.Store.MoveSupportMethod(r.Context(), m.ID, delta, h.Now())
	if errors.Is(err, support.ErrNotFound) {
		return web.NotFound()
	}
	if err != nil {
		return err
	}
	h.audit(r, "support.move", supportTarget(m), direction)
	return seeOther(w, r, "/admin/support", "“"+m.Title()+"” moved "+direction+".")
}

// DeleteSupport removes a way to give from the Support page.
func (h *Handler) DeleteSupport(w http.ResponseWriter, r *http.Request) error {
	m, err := h.supportMethod(r)
	if err != nil {
		return err
	}
	err = h.Store.DeleteSupportMethod(r.Context(), m.ID)
	if errors.Is(err, support.ErrNotFound) {
		return web.NotFound()
	}
	if err != nil {
		return err
	}
	h.audit(r, "support.delete", supportTarget(m), "")
	return seeOther(w, r, "/admin/support", "“"+m.Title()+"” removed from the Support page.")
}
