package desk

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/datelinenews/dateline/internal/comment"
	"github.com/datelinenews/dateline/internal/web"
)

// CommentPage is one comment in the desk: what it replies to, its
// moderation buttons, the edit form and the newsroom's reply form.
type CommentPage struct {
	Layout
	Row    CommentRow
	Parent *CommentRow // the comment this one replies to
	Edit   CommentEditForm
	Reply  CommentReplyForm
}

// CommentEditForm holds a moderator's edit as typed.
type CommentEditForm struct {
	Name   string
	URL    string
	Body   string
	Errors map[string]string
}

// CommentReplyForm holds the newsroom's reply as typed.
type CommentReplyForm struct {
	Body   string
	As     string // "me": the staff member's name; "site": the site's
	Errors map[string]string
}

// EditComment shows one comment with its edit and reply forms.
func (h *Handler) EditComment(w http.ResponseWriter, r *http.Request) error {
	c, err := h.commentByPath(r)
	if err != nil {
		return err
	}
	edit := CommentEditForm{Name: c.AuthorName, URL: c.AuthorURL, Body: c.Body}
	return h.commentPage(w, r, http.StatusOK, c, edit, CommentReplyForm{As: "me"})
}

// SaveComment saves a moderator's edit of the name, website and text, by
// the public form's rules; a problem shows the form again, as typed.
func (h *Handler) SaveComment(w http.ResponseWriter, r *http.Request) error {
	c, err := h.commentByPath(r)
	if err != nil {
		return err
	}
	r.Body = http.MaxBytesReader(w, r.Body, 128<<10)
	if err := r.ParseForm(); err != nil {
		return web.BadRequest("The form is too large or malformed. Comments are at most 10,000 characters.")
	}
	f := r.PostForm
	edit := CommentEditForm{Name: f.Get("author"), URL: f.Get("url"), Body: f.Get("comment")}
	_, err = h.Comments.Edit(r.Context(), c.ID, edit.Name, edit.URL, edit.Body)
	var v comment.ValidationError
	switch {
	case errors.As(err, &v):
		edit.Errors = v
		return h.commentPage(w, r, http.StatusUnprocessableEntity, c, edit, CommentReplyForm{As: "me"})
	case errors.Is(err, comment.ErrNotFound):
		return web.NotFound()
	case err != nil:
		return err
	}
	h.audit(r, "comment.edit", commentTarget(c.ID), "on story "+strconv.FormatInt(c.ArticleID, 10))
	return seeOther(w, r, commentPath(c.ID), "Comment saved.")
}

// commentByPath reads the comment named in the path; a malformed or
// unknown id is not found.
func (h *Handler) commentByPath(r *http.Request) (comment.Comment, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return comment.Comment{}, web.NotFound()
	}
	c, err := h.Comments.Comment(r.Context(), id)
	if errors.Is(err, comment.ErrNotFound) {
		return c, web.NotFound()
	}
	return c, err
}

func (h *Handler) commentPage(w http.ResponseWriter, r *http.Request, status int, c comment.Comment, edit CommentEditForm, reply CommentReplyForm) error {
	l, err := h.layout(r, "Comment by "+c.AuthorName, "comments")
	if err != nil {
		return err
	}
	stories := h.commentStories(r, l)
	p := CommentPage{Layout: l, Edit: edit, Reply: reply}
	if p.Row, err = h.commentRow(c, l, stories); err != nil {
		return err
	}
	if c.ParentID != 0 {
		parent, err := h.Comments.Comment(r.Context(), c.ParentID)
		if err != nil && !errors.Is(err, comment.ErrNotFound) {
			return err
		}
		if err == nil {
			row, err := h.commentRow(parent, l, stories)
			if err != nil {
				return err
			}
			p.Parent = &row
		}
	}
	return h.page(w, r, status, "comment_edit", p)
}
