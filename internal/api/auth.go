package api

import (
	"errors"
	"log/slog"
	"net/http"
	"strings"

	"github.com/datelinenews/dateline/internal/apikey"
)

// maxSecret bounds what is hashed: real secrets are 46 characters.
const maxSecret = 200

// Authenticate lets through only requests carrying a working key, as
// "Authorization: Bearer KEY" or "X-API-Key: KEY"; the others get a 401
// saying what is wrong, and a WWW-Authenticate header.
func (h *Handler) Authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		secret, ok := presented(r)
		if !ok {
			unauthorized(w, "", "missing_key", "Send an API key as “Authorization: Bearer KEY”; admins make keys in the desk under API keys.")
			return
		}
		k, err := h.key(r, secret)
		switch {
		case errors.Is(err, apikey.ErrRevoked):
			unauthorized(w, "invalid_token", "revoked_key", "This API key was revoked; ask the newsroom for a new one.")
			return
		case errors.Is(err, apikey.ErrNotFound):
			unauthorized(w, "invalid_token", "invalid_key", "This API key is not known.")
			return
		case err != nil:
			h.Log.ErrorContext(r.Context(), "api key lookup", slog.Any("err", err))
			writeError(w, &Error{Status: http.StatusInternalServerError, Code: "internal", Message: "Something went wrong on our side; try again later."})
			return
		}
		if ok, wait := h.limits().take(k.ID, h.Now()); !ok {
			tooMany(w, wait)
			return
		}
		// A failure to note the use is no reason to refuse the request.
		if err := h.Store.TouchAPIKey(r.Context(), k.ID, h.Now()); err != nil {
			h.Log.WarnContext(r.Context(), "api key last use", slog.Any("err", err))
		}
		next.ServeHTTP(w, r)
	})
}

// presented reads the key from the request's headers.
func presented(r *http.Request) (string, bool) {
	if auth := r.Header.Get("Authorization"); auth != "" {
		scheme, secret, _ := strings.Cut(strings.TrimSpace(auth), " ")
		if strings.EqualFold(scheme, "Bearer") && strings.TrimSpace(secret) != "" {
			return strings.TrimSpace(secret), true
		}
		return "", false
	}
	secret := strings.TrimSpace(r.Header.Get("X-API-Key"))
	return secret, secret != ""
}

// key finds the working key with this secret. The lookup is by the
// secret's hash, then the hashes are compared again in constant time.
func (h *Handler) key(r *http.Request, secret string) (apikey.Key, error) {
	if len(secret) > maxSecret {
		return apikey.Key{}, apikey.ErrNotFound
	}
	k, err := h.Store.APIKeyByHash(r.Context(), apikey.Hash(secret))
	if err != nil {
		return k, err
	}
	if !apikey.Matches(secret, k.Hash) {
		return k, apikey.ErrNotFound
	}
	if !k.Active() {
		return k, apikey.ErrRevoked
	}
	return k, nil
}

func unauthorized(w http.ResponseWriter, tokenError, code, message string) {
	challenge := `Bearer realm="Dateline API"`
	if tokenError != "" {
		challenge += `, error="` + tokenError + `"`
	}
	w.Header().Set("WWW-Authenticate", challenge)
	writeError(w, &Error{Status: http.StatusUnauthorized, Code: code, Message: message})
}
