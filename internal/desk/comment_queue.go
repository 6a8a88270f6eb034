package desk

import (
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/comment"
	"github.com/datelinenews/dateline/internal/sanitize"
	"github.com/datelinenews/dateline/internal/web"
)

// CommentQueuePage is the moderation queue: one status tab at a time,
// optionally narrowed to a story or a search.
type CommentQueuePage struct {
	Layout
	Filter  comment.QueueFilter
	Story   *CommentStory // the story the queue is narrowed to, if any
	Tabs    []CommentTab
	Rows    []CommentRow
	Total   int
	Page    int
	Pages   int
	PrevURL string
	NextURL string
	Back    string // this page's address, for actions to come back to
}

// CommentTab is one status of the queue, with how many comments it holds.
type CommentTab struct {
	Status  comment.Status
	Label   string
	Count   int
	URL     string
	Current bool
}

// CommentRow is one comment as moderators see it: everything the
// commenter sent, email included, and why it was held.
type CommentRow struct {
	comment.Comment
	HTML  template.HTML // the body as it would be published
	When  string
	Story CommentStory
	Score string // the spam score as a percentage, empty when never scored
}

// CommentStory is the story a comment is on.
type CommentStory struct {
	ID        int64
	Headline  string
	Language  string
	PublicURL string // empty while readers cannot see the story
}

const commentsPerPage = 50

// commentTabs are the queue's tabs in order, pending first: it is where work waits.
var commentTabs = []struct {
	status comment.Status
	label  string
}{{comment.Pending, "Pending"}, {comment.Approved, "Approved"}, {comment.Spam, "Spam"}, {comment.Trash, "Trash"}}

// CommentQueue lists comments for moderation, filtered by status, story and text.
func (h *Handler) CommentQueue(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f, page, err := commentFilter(q)
	if err != nil {
		return err
	}
	f.Limit, f.Offset = commentsPerPage, (page-1)*commentsPerPage
	list, total, err := h.Comments.Queue(r.Context(), f)
	if err != nil {
		return err
	}
	counts, err := h.Comments.StatusCounts(r.Context(), f)
	if err != nil {
		return err
	}
	l, err := h.layout(r, "Comments", "comments")
	if err != nil {
		return err
	}
	p := CommentQueuePage{Layout: l, Filter: f, Total: total, Page: page, Back: commentQueueURL(q),
		Pages: max(1, (total+commentsPerPage-1)/commentsPerPage), Tabs: commentTabsFor(q, f.Status, counts)}
	p.PrevURL, p.NextURL = commentPageLinks(q, page, p.Pages)
	stories := h.commentStories(r, l)
	if f.ArticleID != 0 {
		s, err := stories(f.ArticleID)
		if err != nil {
			return err
		}
		p.Story = &s
	}
	for _, c := range list {
		row, err := h.commentRow(c, l, stories)
		if err != nil {
			return err
		}
		p.Rows = append(p.Rows, row)
	}
	return h.page(w, r, http.StatusOK, "comments", p)
}

// commentFilter reads the queue's filters from the query string; the
// pending tab is the default.
func commentFilter(q url.Values) (comment.QueueFilter, int, error) {
	f := comment.QueueFilter{Status: comment.Pending, Query: strings.TrimSpace(q.Get("q"))}
	if s := comment.Status(q.Get("status")); s != "" {
		if !s.Valid() {
			return f, 0, web.BadRequest("unknown comment status")
		}
		f.Status = s
	}
	if len(f.Query) > 200 {
		return f, 0, web.BadRequest("search text too long")
	}
	if v := q.Get("story"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			return f, 0, web.BadRequest("story must be a story's number")
		}
		f.ArticleID = id
	}
	page := 1
	if v := q.Get("page"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 100000 {
			return f, 0, web.BadRequest("page must be a whole number from 1")
		}
		page = n
	}
	return f, page, nil
}

// commentTabsFor links each status tab, keeping the story and search.
func commentTabsFor(q url.Values, current comment.Status, counts map[comment.Status]int) []CommentTab {
	tabs := make([]CommentTab, 0, len(commentTabs))
	for _, t := range commentTabs {
		v := commentQuery(q)
		v.Set("status", string(t.status))
		tabs = append(tabs, CommentTab{Status: t.status, Label: t.label, Count: counts[t.status],
			URL: "/admin/comments?" + v.Encode(), Current: t.status == current})
	}
	return tabs
}

// commentPageLinks keeps the filters in the previous and next page links.
func commentPageLinks(q url.Values, page, pages int) (prev, next string) {
	link := func(n int) string {
		v := commentQuery(q)
		if s := q.Get("status"); s != "" {
			v.Set("status", s)
		}
		v.Set("page", strconv.Itoa(n))
		return "/admin/comments?" + v.Encode()
	}
	if page > 1 {
		prev = link(page - 1)
	}
	if page < pages {
		next = link(page + 1)
	}
	return prev, next
}

// commentQueueURL is the queue's address as filtered, without the last
// action's message.
func commentQueueURL(q url.Values) string {
	v := commentQuery(q)
	for _, k := range []string{"status", "page"} {
		if s := q.Get(k); s != "" {
			v.Set(k, s)
		}
	}
	if len(v) == 0 {
		return "/admin/comments"
	}
	return "/admin/comments?" + v.Encode()
}

// commentQuery is the part of the queue's query that outlives a tab or
// page change: the story and the search.
func commentQuery(q url.Values) url.Values {
	v := url.Values{}
	for _, k := range []string{"story", "q"} {
		if s := q.Get(k); s != "" {
			v.Set(k, s)
		}
	}
	return v
}

// commentStories returns a lookup of stories by id that asks the database
// once per story, since a page of comments often shares a few stories.
func (h *Handler) commentStories(r *http.Request, l Layout) func(id int64) (CommentStory, error) {
	seen := map[int64]CommentStory{}
	return func(id int64) (CommentStory, error) {
		if s, ok := seen[id]; ok {
			return s, nil
		}
		a, err := h.Articles.Open(r.Context(), l.User, id)
		if errors.Is(err, article.ErrNotFound) {
			return CommentStory{ID: id, Headline: "(a deleted story)"}, nil
		}
		if err != nil {
			return CommentStory{}, err
		}
		s := CommentStory{ID: a.ID, Headline: a.Headline, Language: a.Language}
		if a.Visible(h.Now()) {
			s.PublicURL = a.Path(l.Site.Location())
		}
		seen[id] = s
		return s, nil
	}
}

func (h *Handler) commentRow(c comment.Comment, l Layout, stories func(int64) (CommentStory, error)) (CommentRow, error) {
	s, err := stories(c.ArticleID)
	if err != nil {
		return CommentRow{}, err
	}
	row := CommentRow{Comment: c, HTML: sanitize.Comment(c.Body), Story: s,
		When: c.CreatedAt.In(l.Site.Location()).Format("2 Jan 2006 15:04")}
	if c.SpamScore > 0 {
		row.Score = strconv.FormatFloat(c.SpamScore*100, 'f', 0, 64) + "%"
	}
	return row, nil
}
