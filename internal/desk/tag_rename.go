package desk

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/section"
	"github.com/datelinenews/dateline/internal/slug"
)

// maxTagName bounds a tag's name, in characters.
const maxTagName = 100

// RenameTag changes a tag's name and slug, and so its public URL.
func (h *Handler) RenameTag(w http.ResponseWriter, r *http.Request) error {
	stored, err := h.tag(r)
	if err != nil {
		return err
	}
	if err := readForm(w, r, manageFormBytes); err != nil {
		return err
	}
	st := h.Store
	e := TagEdit{Tag: stored, Name: r.PostForm.Get("name"), Slug: r.PostForm.Get("slug")}
	t := article.Tag{ID: stored.ID, Name: strings.TrimSpace(e.Name), Slug: strings.TrimSpace(e.Slug)}
	if t.Slug == "" {
		t.Slug = slug.Make(t.Name)
	}
	if e.Errors = tagProblems(t); e.Errors != nil {
		return h.tagEdit(w, r, http.StatusUnprocessableEntity, e)
	}
	err = st.UpdateTag(r.Context(), t, h.Now())
	if errors.Is(err, article.ErrConflict) {
		e.Errors = map[string]string{"slug": "Another tag already uses the slug “" + t.Slug + "”. To put their stories together, merge this tag into it instead."}
		return h.tagEdit(w, r, http.StatusUnprocessableEntity, e)
	}
	if err != nil {
		return err
	}
	h.audit(r, "tag.rename", tagTarget(t), changes("name", stored.Name, t.Name, "slug", stored.Slug, t.Slug))
	return seeOther(w, r, "/admin/tags/"+strconv.FormatInt(t.ID, 10), "Tag saved: its page is now "+t.Path()+".")
}

// tagProblems checks a tidied tag. Tags have no domain package of their
// own; their slugs follow the same rules as sections'.
func tagProblems(t article.Tag) map[string]string {
	problems := map[string]string{}
	switch n := utf8.RuneCountInString(t.Name); {
	case n == 0:
		problems["name"] = "Give the tag a name."
	case n > maxTagName:
		problems["name"] = fmt.Sprintf("Keep the name under %d characters.", maxTagName)
	}
	if msg := section.SlugProblem(t.Slug); msg != "" && problems["name"] == "" {
		problems["slug"] = msg
	}
	if len(problems) == 0 {
		return nil
	}
	return problems
}

// tagTarget names a tag in the audit log.
func tagTarget(t article.Tag) string { return "tag " + strconv.FormatInt(t.ID, 10) + " " + t.Slug }
