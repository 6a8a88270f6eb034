package server

import (
	"net/http"

	"github.com/datelinenews/dateline/internal/desk"
)

// manageRoutes lists the desk's management pages: sections, tags, static
// pages and site settings.
func manageRoutes(mux *http.ServeMux, dk *desk.Handler) {
}
