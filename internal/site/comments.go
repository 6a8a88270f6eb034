package site

import (
	"context"
	"errors"
	"html/template"
	"net/http"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/comment"
	"github.com/datelinenews/dateline/internal/sanitize"
	"github.com/datelinenews/dateline/internal/web"
)

// CommentSection is everything the article page shows of its comments.
type CommentSection struct {
	Open     bool
	Count    int
	Comments []CommentView
	Form     CommentForm
	Notice   string // "Your comment is awaiting moderation", for its author only
}

// CommentView is one comment as readers see it. It has no email field, so
// no template can ever print one.
type CommentView struct {
	ID        int64
	ParentID  int64
	Depth     int
	Name      string
	URL       string
	Body      template.HTML
	When      string
	WhenText  string
	FromStaff bool
	Held      bool // awaiting moderation; shown only to its author
}

// CommentForm is the "Leave a Reply" form, with what the reader typed
// when it comes back with errors.
type CommentForm struct {
	ArticleID int64
	ParentID  int64
	Name      string
	Email     string
	URL       string
	Body      string
	Stamp     string
	Errors    map[string]string
	Message   string // a problem with the whole form
}

// commentSection loads a story's approved comments, plus held, the one the
// reader just posted if their redirect token says so.
func (h *Handler) commentSection(ctx context.Context, a article.Article, loc *time.Location, held *comment.Comment) (CommentSection, error) {
	settings, err := h.Comments.Settings(ctx)
	if err != nil {
		return CommentSection{}, err
	}
	sec := CommentSection{Open: comment.Open(a, settings, h.Now()), Count: a.CommentCount,
		Form: CommentForm{ArticleID: a.ID, Stamp: h.Comments.Signer().FormStamp(h.Now())}}
	list, err := h.Comments.Approved(ctx, a.ID)
	if err != nil {
		return sec, err
	}
	if held != nil {
		list = append(list, *held)
		sec.Notice = "Your comment is awaiting moderation. It will appear here once an editor approves it."
	}
	for _, c := range comment.Thread(list) {
		t := c.CreatedAt.In(loc)
		sec.Comments = append(sec.Comments, CommentView{ID: c.ID, ParentID: c.ParentID, Depth: c.Depth, Name: c.AuthorName,
			URL: c.AuthorURL, Body: sanitize.Comment(c.Body), When: t.Format(time.RFC3339),
			WhenText: humanDate(t) + " at " + t.Format("15:04"), FromStaff: c.FromStaff, Held: c.Status != comment.Approved})
	}
	return sec, nil
}

// maxCommentPost bounds a comment post: 10,000 characters of any script
// and the other fields fit well within it.
const maxCommentPost = 128 << 10

// PostComment takes a comment from the "Leave a Reply" form. On success
// the reader goes back to the story: straight to their comment if it is
// published, or to a signed link that shows it to them alone while it waits.
func (h *Handler) PostComment(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, maxCommentPost)
	if err := r.ParseForm(); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return &web.StatusError{Status: http.StatusRequestEntityTooLarge, Msg: "Your comment is too long to send. Please keep it under 10,000 characters."}
		}
		return web.BadRequest("The comment form could not be read. Please go back and try again.")
	}
	f := r.PostForm
	for _, field := range []string{"author", "email", "url", "comment"} {
		if !utf8.ValidString(f.Get(field)) {
			return web.BadRequest("Your comment contains characters that are not valid text. Please retype it and post again.")
		}
	}
	id, err := strconv.ParseInt(f.Get("article_id"), 10, 64)
	if err != nil {
		return &web.StatusError{Status: http.StatusNotFound, Msg: "The story you are commenting on could not be found."}
	}
	parent, _ := strconv.ParseInt(f.Get("parent_id"), 10, 64)
	client := h.Proxies.ClientIP(r)
	in := comment.Input{ArticleID: id, ParentID: parent, Name: f.Get("author"), Email: f.Get("email"), URL: f.Get("url"),
		Body: f.Get("comment"), Honeypot: f.Get("contact_me"), Stamp: f.Get("stamp"),
		Client: client, ClientHash: web.ClientHash(h.Secret, client)}
	c, target, err := h.Comments.SubmitTo(r.Context(), in)
	if err != nil {
		return h.commentProblem(w, r, in, err)
	}
	if c.Status != comment.Approved {
		target += "?held=" + h.Comments.Signer().HeldToken(c.ID)
	}
	http.Redirect(w, r, target+"#comment-"+strconv.FormatInt(c.ID, 10), http.StatusSeeOther)
	return nil
}

// commentProblem shows the story again with the reader's comment kept and
// the problem explained next to the field, or above the form.
func (h *Handler) commentProblem(w http.ResponseWriter, r *http.Request, in comment.Input, err error) error {
	var v comment.ValidationError
	var rate *comment.RateLimitError
	status, form := http.StatusUnprocessableEntity, CommentForm{ArticleID: in.ArticleID, ParentID: in.ParentID,
		Name: in.Name, Email: in.Email, URL: in.URL, Body: in.Body}
	switch {
	case errors.Is(err, comment.ErrNoStory):
		return &web.StatusError{Status: http.StatusNotFound, Msg: "The story you are commenting on could not be found."}
	case errors.Is(err, comment.ErrClosed):
		return &web.StatusError{Status: http.StatusForbidden, Msg: "Comments are closed on this story."}
	case errors.As(err, &v):
		form.Errors = v
		if msg := v["parent"]; msg != "" {
			form.Message, form.ParentID = msg, 0
		}
	case errors.As(err, &rate):
		status, form.Message = http.StatusTooManyRequests, rate.Error()
		w.Header().Set("Retry-After", strconv.Itoa(int(rate.Wait.Seconds())))
	case errors.Is(err, comment.ErrDuplicate):
		status, form.Message = http.StatusConflict, err.Error()
	case errors.Is(err, comment.ErrFormExpired):
		status, form.Message = http.StatusUnprocessableEntity, err.Error()
	default:
		return err
	}
	a, aerr := h.Articles.ByID(r.Context(), in.ArticleID)
	if aerr != nil {
		return aerr
	}
	site, serr := h.Content.Site(r.Context())
	if serr != nil {
		return serr
	}
	p, perr := h.articlePage(r, a, site.Location(), nil)
	if perr != nil {
		return perr
	}
	form.Stamp = p.Comments.Form.Stamp
	p.Comments.Form = form
	body, rerr := h.Render.Render("article", p)
	if rerr != nil {
		return rerr
	}
	web.WriteHTML(w, r, status, body, web.NoStore)
	return nil
}
