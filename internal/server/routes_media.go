package server

import (
	"net/http"

	"github.com/datelinenews/dateline/internal/desk"
	"github.com/datelinenews/dateline/internal/people"
)

// mediaRoutes are the desk's media library: upload, edit, delete.
func mediaRoutes(mux *http.ServeMux, dk *desk.Handler) {
	mux.Handle("GET /admin/media", dk.Need(people.ManageMedia, dk.MediaLibrary))
	mux.Handle("POST /admin/media", dk.Need(people.ManageMedia, dk.UploadMedia))
	mux.Handle("GET /admin/media/{id}", dk.Need(people.ManageMedia, dk.EditMedia))
	mux.Handle("POST /admin/media/{id}", dk.Need(people.ManageMedia, dk.SaveMedia))
	mux.Handle("POST /admin/media/{id}/delete", dk.Need(people.ManageMedia, dk.DeleteMedia))
}
