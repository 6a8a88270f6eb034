package desk

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/datelinenews/dateline/internal/apikey"
	"github.com/datelinenews/dateline/internal/web"
)

// apiKeyStore is what the API keys page reads and writes.
type apiKeyStore interface {
	CreateAPIKey(ctx context.Context, k apikey.Key) (int64, error)
	ListAPIKeys(ctx context.Context) ([]apikey.Key, error)
	APIKeyByID(ctx context.Context, id int64) (apikey.Key, error)
	RevokeAPIKey(ctx context.Context, id int64, now time.Time) error
}

// APIKeysPage lists the Content API's keys, for admins. Secret is the new
// key's secret, set only on the answer to creating it: it is never shown again.
type APIKeysPage struct {
	Layout
	Keys    []apikey.Key
	Name    string // as typed
	Error   string
	Secret  string
	Created string // the new key's name
}

// APIKeys shows the keys.
func (h *Handler) APIKeys(w http.ResponseWriter, r *http.Request) error {
	return h.apiKeysPage(w, r, http.StatusOK, APIKeysPage{})
}

// CreateAPIKey makes a key and shows its secret, once. The answer is the
// page itself rather than a redirect, so the secret never sits in a URL
// or in the database.
func (h *Handler) CreateAPIKey(w http.ResponseWriter, r *http.Request) error {
	if err := readForm(w, r, manageFormBytes); err != nil {
		return err
	}
	name := strings.TrimSpace(r.PostForm.Get("name"))
	if msg := apikey.NameProblem(name); msg != "" {
		return h.apiKeysPage(w, r, http.StatusUnprocessableEntity, APIKeysPage{Name: name, Error: msg})
	}
	secret, hash := apikey.New()
	k := apikey.Key{Name: name, Prefix: secret[:apikey.PrefixLen], Hash: hash, CreatedBy: CurrentUser(r).ID, CreatedAt: h.Now().UTC()}
	id, err := h.Store.CreateAPIKey(r.Context(), k)
	if err != nil {
		return err
	}
	h.audit(r, "api_key.create", apiKeyTarget(k), "id "+strconv.FormatInt(id, 10)+", "+k.Prefix+"…")
	return h.apiKeysPage(w, r, http.StatusCreated, APIKeysPage{Secret: secret, Created: name})
}

// RevokeAPIKey stops a key from working at once.
func (h *Handler) RevokeAPIKey(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	k, err := h.Store.APIKeyByID(r.Context(), id)
	if errors.Is(err, apikey.ErrNotFound) {
		return web.NotFound()
	}
	if err != nil {
		return err
	}
	if err := h.Store.RevokeAPIKey(r.Context(), id, h.Now()); err != nil {
		return err
	}
	h.audit(r, "api_key.revoke", apiKeyTarget(k), k.Prefix+"…")
	return seeOther(w, r, "/admin/api-keys", "Key “"+k.Name+"” revoked: it no longer opens the API.")
}

func (h *Handler) apiKeysPage(w http.ResponseWriter, r *http.Request, status int, p APIKeysPage) error {
	l, err := h.layout(r, "API keys", "api-keys")
	if err != nil {
		return err
	}
	if p.Keys, err = h.Store.ListAPIKeys(r.Context()); err != nil {
		return err
	}
	p.Layout = l
	return h.page(w, r, status, "api_keys", p)
}

// apiKeyTarget names a key in the audit log.
func apiKeyTarget(k apikey.Key) string { return "api key “" + k.Name + "”" }
