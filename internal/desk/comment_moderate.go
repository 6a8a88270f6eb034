package desk

import (
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/datelinenews/dateline/internal/comment"
	"github.com/datelinenews/dateline/internal/web"
)

// commentActions are the moderation buttons: what each sets, and how the
// result is told to the moderator.
var commentActions = map[string]struct {
	status comment.Status
	done   string
}{
	"approve": {comment.Approved, "approved"},
	"spam":    {comment.Spam, "marked as spam"},
	"trash":   {comment.Trash, "moved to trash"},
	"restore": {comment.Pending, "restored to pending"},
}

// ModerateComments approves, marks as spam, trashes or restores comments.
// The queue is one form, so it works without JavaScript: a row's own
// button sends "approve:12", a bulk button sends "approve" and the ticked
// boxes say which comments.
func (h *Handler) ModerateComments(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	if err := r.ParseForm(); err != nil {
		return web.BadRequest("form too large or malformed")
	}
	name, ids, err := moderationRequest(r)
	if err != nil {
		return err
	}
	action, ok := commentActions[name]
	if !ok {
		return web.BadRequest("unknown moderation action")
	}
	back := commentBack(r.PostForm.Get("back"))
	if len(ids) == 0 {
		return commentSeeOther(w, r, back, "Tick at least one comment first.")
	}
	moved, err := h.Comments.SetStatus(r.Context(), ids, action.status)
	if errors.Is(err, comment.ErrNotFound) {
		return web.NotFound()
	}
	if err := h.learnFailed(r, err); err != nil {
		return err
	}
	for _, c := range moved {
		h.audit(r, "comment."+name, commentTarget(c.ID), string(c.Status)+" → "+string(action.status)+" on story "+strconv.FormatInt(c.ArticleID, 10))
	}
	if len(moved) == 0 {
		return commentSeeOther(w, r, back, "Nothing changed: those comments were already "+action.done+".")
	}
	return commentSeeOther(w, r, back, commentCount(len(moved))+" "+action.done+".")
}

// moderationRequest reads the action and the comments it applies to.
func moderationRequest(r *http.Request) (string, []int64, error) {
	name, one, single := strings.Cut(r.PostForm.Get("do"), ":")
	if single {
		id, err := strconv.ParseInt(one, 10, 64)
		if err != nil || id <= 0 {
			return "", nil, web.BadRequest("bad comment id")
		}
		return name, []int64{id}, nil
	}
	var ids []int64
	for _, v := range r.PostForm["id"] {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			return "", nil, web.BadRequest("bad comment id")
		}
		ids = append(ids, id)
	}
	if len(ids) > 500 {
		return "", nil, web.BadRequest("too many comments at once")
	}
	return name, ids, nil
}

// learnFailed logs a spam judge that could not learn from a decision and
// lets the request go on: the decision itself was saved.
func (h *Handler) learnFailed(r *http.Request, err error) error {
	var learn *comment.LearnError
	if errors.As(err, &learn) {
		h.Log.WarnContext(r.Context(), "spam judge", slog.Any("err", err))
		return nil
	}
	return err
}

// commentBack keeps the return address within the moderation pages.
func commentBack(back string) string {
	if back = localNext(back); !strings.HasPrefix(back, "/admin/comments") {
		return "/admin/comments"
	}
	return back
}

// commentSeeOther is seeOther for return addresses that may already
// carry a query (the queue's filters).
func commentSeeOther(w http.ResponseWriter, r *http.Request, back, message string) error {
	u, err := url.Parse(back)
	if err != nil {
		u = &url.URL{Path: "/admin/comments"}
	}
	q := u.Query()
	q.Set("done", message)
	u.RawQuery = q.Encode()
	http.Redirect(w, r, u.RequestURI(), http.StatusSeeOther)
	return nil
}

func commentTarget(id int64) string { return "comment " + strconv.FormatInt(id, 10) }

func commentPath(id int64) string { return "/admin/comments/" + strconv.FormatInt(id, 10) }

// commentCount says "1 comment" or "3 comments".
func commentCount(n int) string {
	if n == 1 {
		return "1 comment"
	}
	return strconv.Itoa(n) + " comments"
}
