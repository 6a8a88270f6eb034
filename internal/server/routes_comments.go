package server

import (
	"net/http"

	"github.com/datelinenews/dateline/internal/desk"
	"github.com/datelinenews/dateline/internal/people"
)

// commentRoutes lists the desk's comment pages: the moderation queue and
// one comment's page for editors, the comment settings for admins.
func commentRoutes(mux *http.ServeMux, dk *desk.Handler) {
	mod := func(fn func(http.ResponseWriter, *http.Request) error) http.Handler {
		return dk.Need(people.ModerateComments, fn)
	}
	mux.Handle("GET /admin/comments", mod(dk.CommentQueue))
	mux.Handle("POST /admin/comments/moderate", mod(dk.ModerateComments))
	mux.Handle("GET /admin/comments/{id}", mod(dk.EditComment))
	mux.Handle("POST /admin/comments/{id}/edit", mod(dk.SaveComment))
	mux.Handle("POST /admin/comments/{id}/reply", mod(dk.ReplyToComment))
	mux.Handle("GET /admin/comments/settings", dk.Need(people.ManageSettings, dk.CommentSettings))
	mux.Handle("POST /admin/comments/settings", dk.Need(people.ManageSettings, dk.SaveCommentSettings))
}
