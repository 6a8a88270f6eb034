package desk

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/datelinenews/dateline/internal/comment"
	"github.com/datelinenews/dateline/internal/web"
)

// ReplyToComment publishes the newsroom's reply under a comment. It is
// signed with the staff member's name, or with the site's when they
// choose: a reporter in danger need not put their name under a reply.
// Their email is stored, as every commenter's is, and never shown.
func (h *Handler) ReplyToComment(w http.ResponseWriter, r *http.Request) error {
	parent, err := h.commentByPath(r)
	if err != nil {
		return err
	}
	r.Body = http.MaxBytesReader(w, r.Body, 128<<10)
	if err := r.ParseForm(); err != nil {
		return web.BadRequest("The form is too large or malformed. Replies are at most 10,000 characters.")
	}
	form := CommentReplyForm{Body: r.PostForm.Get("comment"), As: r.PostForm.Get("as")}
	site, err := h.Store.Site(r.Context())
	if err != nil {
		return err
	}
	u := CurrentUser(r)
	name := u.Name
	if form.As == "site" || name == "" {
		name = site.Name
	}
	reply, approved, err := h.Comments.Reply(r.Context(), comment.StaffReply{ParentID: parent.ID, UserID: u.ID,
		Name: name, Email: u.Email, Body: form.Body})
	if approved != nil {
		h.audit(r, "comment.approve", commentTarget(approved.ID), "pending → approved, replying, on story "+strconv.FormatInt(approved.ArticleID, 10))
	}
	var v comment.ValidationError
	switch {
	case errors.As(err, &v):
		form.Errors = replyProblems(v)
		edit := CommentEditForm{Name: parent.AuthorName, URL: parent.AuthorURL, Body: parent.Body}
		return h.commentPage(w, r, http.StatusUnprocessableEntity, parent, edit, form)
	case errors.Is(err, comment.ErrNotFound):
		return web.NotFound()
	case err != nil:
		return err
	}
	h.audit(r, "comment.reply", commentTarget(reply.ID), "reply to comment "+strconv.FormatInt(parent.ID, 10)+" on story "+strconv.FormatInt(parent.ArticleID, 10))
	return seeOther(w, r, commentPath(parent.ID), "Your reply is published.")
}

// replyProblems puts what is wrong with the reply's text beside the text
// box, and anything else (the parent's status, an account's name or email
// the public form would refuse) above the form.
func replyProblems(v comment.ValidationError) map[string]string {
	out := map[string]string{}
	for field, msg := range v {
		switch field {
		case "comment":
			out["comment"] = msg
		case "name":
			out["reply"] = "Your name cannot sign a reader comment (" + msg + ") Sign the reply with the site's name instead."
		case "email":
			out["reply"] = "Your account's email cannot go on a comment: " + msg
		default:
			out["reply"] = msg
		}
	}
	return out
}
