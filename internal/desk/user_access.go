package desk

import (
	"errors"
	"net/http"

	"github.com/datelinenews/dateline/internal/people"
)

// DisableUser stops an account from signing in and ends its sessions. The
// last enabled admin stays enabled.
func (h *Handler) DisableUser(w http.ResponseWriter, r *http.Request) error {
	return h.setDisabled(w, r, true)
}

// EnableUser lets a disabled account sign in again.
func (h *Handler) EnableUser(w http.ResponseWriter, r *http.Request) error {
	return h.setDisabled(w, r, false)
}

func (h *Handler) setDisabled(w http.ResponseWriter, r *http.Request, disabled bool) error {
	u, err := h.person(r)
	if err != nil {
		return err
	}
	err = h.Auth.SetDisabled(r.Context(), u.ID, disabled)
	if errors.Is(err, people.ErrLastAdmin) {
		return h.userEdit(w, r, http.StatusUnprocessableEntity, u, string(u.Role), map[string]string{"access": lastAdminMessage(r, u)})
	}
	if err != nil {
		return err
	}
	if !disabled {
		h.audit(r, "user.enable", userTarget(u), "")
		return seeOther(w, r, userPath(u), u.Name+" can sign in again.")
	}
	h.audit(r, "user.disable", userTarget(u), "")
	if u.ID == CurrentUser(r).ID {
		// Their own session has just ended with the others.
		h.setSession(w, r, "", -1)
		return seeOther(w, r, "/admin/sign-in", "Your account is disabled.")
	}
	return seeOther(w, r, userPath(u), u.Name+" is disabled and signed out everywhere.")
}

// EndUserSessions signs an account out of every browser, say after a lost
// laptop, without disabling it.
func (h *Handler) EndUserSessions(w http.ResponseWriter, r *http.Request) error {
	u, err := h.person(r)
	if err != nil {
		return err
	}
	if err := h.Auth.EndSessions(r.Context(), u.ID); err != nil {
		return err
	}
	h.audit(r, "user.end-sessions", userTarget(u), "")
	if u.ID == CurrentUser(r).ID {
		h.setSession(w, r, "", -1)
		return seeOther(w, r, "/admin/sign-in", "You are signed out everywhere.")
	}
	return seeOther(w, r, userPath(u), u.Name+" is signed out everywhere.")
}

// UserLink makes a new one-time sign-in link for an account: an invitation
// again while they have no password, else a password reset.
func (h *Handler) UserLink(w http.ResponseWriter, r *http.Request) error {
	u, err := h.person(r)
	if err != nil {
		return err
	}
	link, err := h.Auth.NewLink(r.Context(), u)
	if errors.Is(err, people.ErrDisabled) {
		return h.userEdit(w, r, http.StatusUnprocessableEntity, u, string(u.Role),
			map[string]string{"link": "A disabled account cannot sign in. Enable it first, then make a link."})
	}
	if err != nil {
		return err
	}
	h.audit(r, "user.link", userTarget(u), link.Purpose)
	return h.linkResult(w, r, u, link)
}
