package desk

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/slug"
)

// MergeTag moves every story of this tag to another one, named by its name
// or slug, and deletes this tag: "drought" and "Droughts" become one.
func (h *Handler) MergeTag(w http.ResponseWriter, r *http.Request) error {
	from, err := h.tag(r)
	if err != nil {
		return err
	}
	if err := readForm(w, r, manageFormBytes); err != nil {
		return err
	}
	st := h.Store
	e := TagEdit{Tag: from, Name: from.Name, Slug: from.Slug, Into: r.PostForm.Get("into")}
	into, problem, err := h.mergeTarget(r, st, from, e.Into)
	if err != nil {
		return err
	}
	if problem != "" {
		e.Errors = map[string]string{"into": problem}
		return h.tagEdit(w, r, http.StatusUnprocessableEntity, e)
	}
	n, err := st.MergeTags(r.Context(), from.ID, into.ID, h.Now())
	if err != nil {
		return err
	}
	h.audit(r, "tag.merge", tagTarget(from), fmt.Sprintf("into %s (%d stories)", tagTarget(into), n))
	msg := fmt.Sprintf("“%s” merged into “%s”: %s now tagged “%s”; %s is gone.", from.Name, into.Name, storiesOf(n), into.Name, from.Path())
	return seeOther(w, r, "/admin/tags/"+strconv.FormatInt(into.ID, 10), msg)
}

// mergeTarget finds the tag typed in the merge form, by slug or by the slug
// its name makes. A problem is the message for the form; err is for 500s.
func (h *Handler) mergeTarget(r *http.Request, st tagStore, from article.Tag, typed string) (article.Tag, string, error) {
	typed = strings.TrimSpace(typed)
	if typed == "" {
		return article.Tag{}, "Type the name or slug of the tag to merge into.", nil
	}
	key := typed
	if !slug.Valid(key) {
		key = slug.Make(typed)
	}
	if key == "" || len(typed) > 200 {
		return article.Tag{}, "There is no tag called “" + clipText(typed) + "”. Type the name or slug of an existing tag.", nil
	}
	into, err := st.TagBySlug(r.Context(), key)
	switch {
	case errors.Is(err, article.ErrNotFound):
		return into, "There is no tag called “" + clipText(typed) + "”. Type the name or slug of an existing tag.", nil
	case err != nil:
		return into, "", err
	case into.ID == from.ID:
		return into, "That is this tag. Choose the other tag its stories should get.", nil
	}
	return into, "", nil
}

func storiesOf(n int) string {
	if n == 1 {
		return "1 story is"
	}
	return strconv.Itoa(n) + " stories are"
}

// clipText shortens what is quoted back in a message.
func clipText(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}
