package desk

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/web"
)

// AuthorsPage lists every author profile — staff, former staff, authors
// brought in by an import — with, on /admin/authors/{id}, the form to
// change one's byline and bio.
type AuthorsPage struct {
	Layout
	Authors []people.Author
	Editing people.Author // ID 0 when only listing
	Form    ProfileForm
	Errors  map[string]string
}

// Authors lists the author profiles.
func (h *Handler) Authors(w http.ResponseWriter, r *http.Request) error {
	return h.authors(w, r, http.StatusOK, AuthorsPage{})
}

// EditAuthor shows the list with one author's form filled in.
func (h *Handler) EditAuthor(w http.ResponseWriter, r *http.Request) error {
	a, err := h.author(r)
	if err != nil {
		return err
	}
	return h.authors(w, r, http.StatusOK, AuthorsPage{Editing: a, Form: ProfileForm{Name: a.Name, Bio: a.Bio, Path: a.Path()}})
}

// SaveAuthor changes an author's byline and bio. The address of the
// author page stays: bylines already published link to it.
func (h *Handler) SaveAuthor(w http.ResponseWriter, r *http.Request) error {
	a, err := h.author(r)
	if err != nil {
		return err
	}
	form, problems, err := h.saveProfile(w, r, a, "author.update")
	if problems != nil {
		return h.authors(w, r, http.StatusUnprocessableEntity, AuthorsPage{Editing: a, Form: form, Errors: problems})
	}
	if err != nil {
		return err
	}
	return seeOther(w, r, "/admin/authors/"+strconv.FormatInt(a.ID, 10), "Author “"+form.Name+"” saved.")
}

// author loads the author named by {id}.
func (h *Handler) author(r *http.Request) (people.Author, error) {
	id, err := pathID(r)
	if err != nil {
		return people.Author{}, err
	}
	a, err := h.Store.AuthorByID(r.Context(), id)
	if errors.Is(err, people.ErrNotFound) {
		return a, web.NotFound()
	}
	return a, err
}

func (h *Handler) authors(w http.ResponseWriter, r *http.Request, status int, p AuthorsPage) error {
	title := "Authors"
	if p.Editing.ID != 0 {
		title = "Edit author: " + p.Editing.Name
	}
	var err error
	if p.Layout, err = h.layout(r, title, "authors"); err != nil {
		return err
	}
	if p.Authors, err = h.Store.ListAuthors(r.Context()); err != nil {
		return err
	}
	return h.page(w, r, status, "authors", p)
}
