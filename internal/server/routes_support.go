package server

import (
	"net/http"

	"github.com/datelinenews/dateline/internal/desk"
	"github.com/datelinenews/dateline/internal/people"
)

// supportRoutes lists the desk's "Ways to give" page, for admins: what the
// public Support page lists below its text.
func supportRoutes(mux *http.ServeMux, dk *desk.Handler) {
	mux.Handle("GET /admin/support", dk.Need(people.ManageSettings, dk.Support))
	mux.Handle("POST /admin/support", dk.Need(people.ManageSettings, dk.AddSupport))
	mux.Handle("GET /admin/support/{id}", dk.Need(people.ManageSettings, dk.EditSupport))
	mux.Handle("POST /admin/support/{id}", dk.Need(people.ManageSettings, dk.SaveSupport))
	mux.Handle("POST /admin/support/{id}/move", dk.Need(people.ManageSettings, dk.MoveSupport))
	mux.Handle("POST /admin/support/{id}/delete", dk.Need(people.ManageSettings, dk.DeleteSupport))
}
