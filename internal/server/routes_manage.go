package server

import (
	"net/http"

	"github.com/datelinenews/dateline/internal/desk"
	"github.com/datelinenews/dateline/internal/people"
)

// manageRoutes lists the desk's management pages: sections, tags, static
// pages and site settings. Editors manage the first three, admins also the
// settings; each route checks the role on the server.
func manageRoutes(mux *http.ServeMux, dk *desk.Handler) {
	// Sections: the list holds the add form; /{id} the same list with that
	// section's form. Moving is two plain buttons per row.
	mux.Handle("GET /admin/authors", dk.Need(people.ManageAuthors, dk.Authors))
	mux.Handle("GET /admin/authors/{id}", dk.Need(people.ManageAuthors, dk.EditAuthor))
	mux.Handle("POST /admin/authors/{id}", dk.Need(people.ManageAuthors, dk.SaveAuthor))
	mux.Handle("GET /admin/sections", dk.Need(people.ManageSections, dk.Sections))
	mux.Handle("POST /admin/sections", dk.Need(people.ManageSections, dk.CreateSection))
	mux.Handle("GET /admin/sections/{id}", dk.Need(people.ManageSections, dk.EditSection))
	mux.Handle("POST /admin/sections/{id}", dk.Need(people.ManageSections, dk.SaveSection))
	mux.Handle("POST /admin/sections/{id}/move", dk.Need(people.ManageSections, dk.MoveSection))
	mux.Handle("POST /admin/sections/{id}/delete", dk.Need(people.ManageSections, dk.DeleteSection))

	// Tags: searchable list; one tag's rename and merge forms.
	mux.Handle("GET /admin/tags", dk.Need(people.ManageTags, dk.Tags))
	mux.Handle("GET /admin/tags/{id}", dk.Need(people.ManageTags, dk.EditTag))
	mux.Handle("POST /admin/tags/{id}", dk.Need(people.ManageTags, dk.RenameTag))
	mux.Handle("POST /admin/tags/{id}/merge", dk.Need(people.ManageTags, dk.MergeTag))

	// Static pages: About, Contact, Support…
	mux.Handle("GET /admin/pages", dk.Need(people.ManagePages, dk.Pages))
	mux.Handle("GET /admin/pages/new", dk.Need(people.ManagePages, dk.NewPage))
	mux.Handle("POST /admin/pages/new", dk.Need(people.ManagePages, dk.SavePage))
	mux.Handle("GET /admin/pages/{id}", dk.Need(people.ManagePages, dk.EditPage))
	mux.Handle("POST /admin/pages/{id}", dk.Need(people.ManagePages, dk.SavePage))
	mux.Handle("POST /admin/pages/{id}/delete", dk.Need(people.ManagePages, dk.DeletePage))

	// Admins: site-wide settings.
	mux.Handle("GET /admin/settings", dk.Need(people.ManageSettings, dk.Settings))
	mux.Handle("POST /admin/settings", dk.Need(people.ManageSettings, dk.SaveSettings))
}
