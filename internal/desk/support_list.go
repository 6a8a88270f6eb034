package desk

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/datelinenews/dateline/internal/support"
	"github.com/datelinenews/dateline/internal/web"
)

// supportStore is what the "Ways to give" page reads and writes.
type supportStore interface {
	ListSupportMethods(ctx context.Context) ([]support.Method, error)
	SupportMethodByID(ctx context.Context, id int64) (support.Method, error)
	CreateSupportMethod(ctx context.Context, m support.Method, now time.Time) (int64, error)
	UpdateSupportMethod(ctx context.Context, m support.Method, now time.Time) error
	DeleteSupportMethod(ctx context.Context, id int64) error
	MoveSupportMethod(ctx context.Context, id int64, delta int, now time.Time) error
}

// SupportPage lists the ways to give shown on the public Support page, in
// order, with a form to add one kind or edit one method.
type SupportPage struct {
	Layout
	Methods []SupportRow
	Kinds   []support.Kind
	Form    support.Method // the method being added or edited, as typed
	Errors  map[string]string
}

// SupportRow is one way to give in the desk's list.
type SupportRow struct {
	support.Method
	First, Last bool
}

// Support shows the ways to give. ?add=bank (or link, crypto) opens the
// form for a new method of that kind; the link-kind form is the default.
func (h *Handler) Support(w http.ResponseWriter, r *http.Request) error {
	kind := support.Kind(r.URL.Query().Get("add"))
	if !kind.Valid() {
		kind = support.Link
	}
	return h.supportPage(w, r, http.StatusOK, support.Method{Kind: kind}, nil)
}

// EditSupport shows one way to give in the form.
func (h *Handler) EditSupport(w http.ResponseWriter, r *http.Request) error {
	m, err := h.supportMethod(r)
	if err != nil {
		return err
	}
	return h.supportPage(w, r, http.StatusOK, m, nil)
}

func (h *Handler) supportPage(w http.ResponseWriter, r *http.Request, status int, form support.Method, problems map[string]string) error {
	l, err := h.layout(r, "Ways to give", "support")
	if err != nil {
		return err
	}
	list, err := h.Store.ListSupportMethods(r.Context())
	if err != nil {
		return err
	}
	rows := make([]SupportRow, len(list))
	for i, m := range list {
		rows[i] = SupportRow{Method: m, First: i == 0, Last: i == len(list)-1}
	}
	return h.page(w, r, status, "support", SupportPage{Layout: l, Methods: rows, Kinds: support.Kinds,
		Form: form, Errors: problems})
}

// supportMethod loads the way to give named by {id}; a missing one is a 404.
func (h *Handler) supportMethod(r *http.Request) (support.Method, error) {
	id, err := pathID(r)
	if err != nil {
		return support.Method{}, err
	}
	m, err := h.Store.SupportMethodByID(r.Context(), id)
	if errors.Is(err, support.ErrNotFound) {
		return m, web.NotFound()
	}
	return m, err
}

// supportTarget names a way to give in the audit log.
func supportTarget(m support.Method) string {
	return "support " + string(m.Kind) + " “" + m.Title() + "”"
}

// SupportField is one text input of the form.
type SupportField struct {
	Name, Label, Hint, Value, Error, Type string
	Max                                   int
}

// Fields lists the inputs for the form's kind of method, filled as typed.
func (p SupportPage) Fields() []SupportField {
	m := p.Form
	f := func(name, label, hint, value string, limit int) SupportField {
		return SupportField{Name: name, Label: label, Hint: hint, Value: value, Error: p.Errors[name], Max: limit}
	}
	switch m.Kind {
	case support.Bank:
		return []SupportField{
			f("label", "Heading", "optional, such as “Bank transfer (euro)”", m.Label, support.MaxLabel),
			f("holder", "Account holder", "", m.Holder, support.MaxField),
			f("account", "IBAN or account number", "an IBAN's check digits are verified", m.Account, support.MaxAccount),
			f("bic", "BIC/SWIFT", "optional", m.BIC, 11),
			f("bank", "Bank name", "optional", m.Bank, support.MaxField),
			f("reference", "Reference", "optional: what to write in the transfer's reference", m.Reference, support.MaxField),
		}
	case support.Crypto:
		return []SupportField{
			f("currency", "Currency", "such as Bitcoin, Ethereum or Monero", m.Currency, support.MaxField),
			f("address", "Address", "copied from the wallet, without spaces", m.Address, support.MaxAddress),
			f("network", "Network", "optional, such as Lightning or ERC-20", m.Network, support.MaxField),
		}
	}
	url := f("url", "Address of the payment page", "starting with https://", m.URL, support.MaxURL)
	url.Type = "url"
	return []SupportField{f("label", "Label", "such as “Become a member” or “Give once”", m.Label, support.MaxLabel), url}
}
