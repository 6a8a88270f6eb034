package server

import (
	"net/http"

	"github.com/datelinenews/dateline/internal/desk"
	"github.com/datelinenews/dateline/internal/people"
)

// userRoutes lists the desk's pages for staff accounts, the signed-in
// user's own account, sign-in links and the audit log.
func userRoutes(mux *http.ServeMux, dk *desk.Handler) {
	// One-time links need no session: they are how one begins. The GET
	// only shows a button; the POST spends the link.
	mux.Handle("GET /admin/link/{token}", dk.Open(dk.Link))
	mux.Handle("POST /admin/link/{token}", dk.Open(dk.UseLink))

	// Everyone's own account.
	mux.Handle("GET /admin/account", dk.Handle(dk.Account))
	mux.Handle("POST /admin/account", dk.Handle(dk.SaveAccount))
	mux.Handle("GET /admin/account/password", dk.Handle(dk.PasswordForm))
	mux.Handle("POST /admin/account/password", dk.Handle(dk.ChangePassword))
	mux.Handle("POST /admin/account/sign-out-everywhere", dk.Handle(dk.SignOutEverywhere))
	mux.Handle("POST /admin/account/profile", dk.Need(people.ManageOwnProfile, dk.SaveProfile))

	// Admins: staff accounts and the audit log.
	mux.Handle("GET /admin/users", dk.Need(people.ManageUsers, dk.Users))
	mux.Handle("POST /admin/users", dk.Need(people.ManageUsers, dk.Invite))
	mux.Handle("GET /admin/users/{id}", dk.Need(people.ManageUsers, dk.EditUser))
	mux.Handle("POST /admin/users/{id}/role", dk.Need(people.ManageUsers, dk.SetUserRole))
	mux.Handle("POST /admin/users/{id}/disable", dk.Need(people.ManageUsers, dk.DisableUser))
	mux.Handle("POST /admin/users/{id}/enable", dk.Need(people.ManageUsers, dk.EnableUser))
	mux.Handle("POST /admin/users/{id}/end-sessions", dk.Need(people.ManageUsers, dk.EndUserSessions))
	mux.Handle("POST /admin/users/{id}/link", dk.Need(people.ManageUsers, dk.UserLink))
	mux.Handle("GET /admin/audit", dk.Need(people.ViewAudit, dk.AuditLog))
}
