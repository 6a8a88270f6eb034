package desk

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/datelinenews/dateline/internal/support"
	"github.com/datelinenews/dateline/internal/web"
)

// AddSupport adds a way to give at the end of the list.
func (h *Handler) AddSupport(w http.ResponseWriter, r *http.Request) error {
	if err := readForm(w, r, manageFormBytes); err != nil {
		return err
	}
	m := parseSupport(r, support.Kind(r.PostForm.Get("kind")))
	if !m.Kind.Valid() {
		return web.BadRequest("Choose a payment page, bank transfer or cryptocurrency.")
	}
	if problems := m.Validate(); len(problems) > 0 {
		return h.supportPage(w, r, http.StatusUnprocessableEntity, m, problems)
	}
	id, err := h.Store.CreateSupportMethod(r.Context(), m, h.Now())
	if err != nil {
		return err
	}
	h.audit(r, "support.create", supportTarget(m), "id "+strconv.FormatInt(id, 10))
	return seeOther(w, r, "/admin/support", "“"+m.Title()+"” added to the Support page.")
}

// SaveSupport saves the details of a way to give; its kind stays.
func (h *Handler) SaveSupport(w http.ResponseWriter, r *http.Request) error {
	stored, err := h.supportMethod(r)
	if err != nil {
		return err
	}
	if err := readForm(w, r, manageFormBytes); err != nil {
		return err
	}
	m := parseSupport(r, stored.Kind)
	m.ID = stored.ID
	if problems := m.Validate(); len(problems) > 0 {
		return h.supportPage(w, r, http.StatusUnprocessableEntity, m, problems)
	}
	err = h.Store.UpdateSupportMethod(r.Context(), m, h.Now())
	if errors.Is(err, support.ErrNotFound) {
		return web.NotFound()
	}
	if err != nil {
		return err
	}
	h.audit(r, "support.update", supportTarget(m), supportChanges(stored, m))
	return seeOther(w, r, "/admin/support", "“"+m.Title()+"” saved.")
}

// parseSupport reads the form into a method of the given kind.
func parseSupport(r *http.Request, kind support.Kind) support.Method {
	f := r.PostForm
	return support.Method{Kind: kind, Label: f.Get("label"), URL: f.Get("url"), Note: f.Get("note"),
		Holder: f.Get("holder"), Account: f.Get("account"), BIC: f.Get("bic"), Bank: f.Get("bank"),
		Reference: f.Get("reference"), Currency: f.Get("currency"), Address: f.Get("address"),
		Network: f.Get("network")}.Tidy()
}

// supportChanges describes for the audit log what an admin changed.
func supportChanges(a, b support.Method) string {
	return changes("label", a.Label, b.Label, "url", a.URL, b.URL, "note", a.Note, b.Note,
		"holder", a.Holder, b.Holder, "account", a.Account, b.Account, "bic", a.BIC, b.BIC,
		"bank", a.Bank, b.Bank, "reference", a.Reference, b.Reference, "currency", a.Currency, b.Currency,
		"address", a.Address, b.Address, "network", a.Network, b.Network)
}
