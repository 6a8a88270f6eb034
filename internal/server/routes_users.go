package server

import (
	"net/http"

	"github.com/datelinenews/dateline/internal/desk"
)

// userRoutes lists the desk's pages for staff accounts, the signed-in
// user's own account, sign-in links and the audit log.
func userRoutes(mux *http.ServeMux, dk *desk.Handler) {
}
