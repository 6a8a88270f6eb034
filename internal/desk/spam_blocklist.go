package desk

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/datelinenews/dateline/internal/spam"
	"github.com/datelinenews/dateline/internal/web"
)

// BlocklistPage lists the blocklist and the form to add to it.
type BlocklistPage struct {
	Layout
	Entries []spam.Entry
	Form    spam.Entry
	Errors  map[string]string
	Kinds   []spam.Kind
}

// Blocklist shows the words, sites, emails and address ranges whose
// comments go straight to spam.
func (h *Handler) Blocklist(w http.ResponseWriter, r *http.Request) error {
	return h.blocklistPage(w, r, http.StatusOK, spam.Entry{Kind: spam.Word}, nil)
}

func (h *Handler) blocklistPage(w http.ResponseWriter, r *http.Request, status int, form spam.Entry, problems map[string]string) error {
	entries, err := h.Spam.Blocklist(r.Context())
	if err != nil {
		return err
	}
	l, err := h.layout(r, "Comment blocklist", "comments")
	if err != nil {
		return err
	}
	return h.page(w, r, status, "blocklist", BlocklistPage{Layout: l, Entries: entries, Form: form, Errors: problems,
		Kinds: []spam.Kind{spam.Word, spam.URL, spam.Email, spam.Network}})
}

// BlockAdd adds an entry to the blocklist.
func (h *Handler) BlockAdd(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return web.BadRequest("malformed form")
	}
	e := spam.Entry{Kind: spam.Kind(r.PostForm.Get("kind")), Value: r.PostForm.Get("value"), Note: r.PostForm.Get("note")}
	added, err := h.Spam.Block(r.Context(), e)
	var v spam.ValidationError
	switch {
	case errors.As(err, &v):
		return h.blocklistPage(w, r, http.StatusUnprocessableEntity, e, v)
	case errors.Is(err, spam.ErrConflict):
		return h.blocklistPage(w, r, http.StatusConflict, e, map[string]string{"value": "This is already on the blocklist."})
	case err != nil:
		return err
	}
	h.audit(r, "blocklist.add", string(added.Kind), added.Value)
	return seeOther(w, r, "/admin/comments/blocklist", "Added to the blocklist.")
}

// BlockDelete removes an entry from the blocklist.
func (h *Handler) BlockDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return web.NotFound()
	}
	if err := h.Spam.Unblock(r.Context(), id); errors.Is(err, spam.ErrNotFound) {
		return web.NotFound()
	} else if err != nil {
		return err
	}
	h.audit(r, "blocklist.remove", "entry "+strconv.FormatInt(id, 10), "")
	return seeOther(w, r, "/admin/comments/blocklist", "Removed from the blocklist.")
}
