package desk

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/section"
	"github.com/datelinenews/dateline/internal/web"
)

// StoryListPage is the desk's home: every story the user may see, filtered.
type StoryListPage struct {
	Layout
	Stories  []StoryRow
	Filter   article.DeskFilter
	Sections []section.Section
	Authors  []people.Author
	Page     int
	Pages    int
	Total    int
	Statuses []article.Status
	PrevURL  string
	NextURL  string
}

// StoryRow is one line of the story list.
type StoryRow struct {
	article.Article
	Updated  string
	CanEdit  bool
	Bylines  string
	PageLink string
}

const storiesPerPage = 25

// Stories lists stories with filters by status, section, author and headline.
func (h *Handler) Stories(w http.ResponseWriter, r *http.Request) error {
	u := CurrentUser(r)
	q := r.URL.Query()
	f, page, err := storyFilter(q)
	if err != nil {
		return err
	}
	if !u.Role.Can(people.ViewAllStories) && !(f.ReviewState == article.Submitted && u.Role.Can(people.ReviewStories)) {
		f.OwnerUserID = u.ID
	}
	f.Limit, f.Offset = storiesPerPage, (page-1)*storiesPerPage
	list, total, err := h.Articles.DeskList(r.Context(), f)
	if err != nil {
		return err
	}
	title, active := "Stories", "stories"
	switch {
	case f.ReviewState == article.Submitted:
		title, active = "Ready for review", "review"
	case f.Trashed:
		title = "Trash"
	}
	l, err := h.layout(r, title, active)
	if err != nil {
		return err
	}
	sections, err := h.Store.ListSections(r.Context())
	if err != nil {
		return err
	}
	authors, err := h.Store.ListAuthors(r.Context())
	if err != nil {
		return err
	}
	p := StoryListPage{Layout: l, Filter: f, Sections: sections, Authors: authors, Page: page, Total: total,
		Pages:    max(1, (total+storiesPerPage-1)/storiesPerPage),
		Statuses: []article.Status{article.Draft, article.Scheduled, article.Published, article.Unpublished}}
	p.PrevURL, p.NextURL = pageLinks(q, page, p.Pages)
	loc := l.Site.Location()
	for _, a := range list {
		row := StoryRow{Article: a, Updated: a.UpdatedAt.In(loc).Format("2 Jan 2006 15:04"), CanEdit: article.CanEdit(u, a)}
		var names []string
		for _, au := range a.Authors {
			names = append(names, au.Name)
		}
		row.Bylines = strings.Join(names, ", ")
		if a.Visible(h.Now()) {
			row.PageLink = a.Path(loc)
		}
		p.Stories = append(p.Stories, row)
	}
	return h.page(w, r, http.StatusOK, "stories", p)
}

// pageLinks keeps the filters in the previous and next page links.
func pageLinks(q url.Values, page, pages int) (prev, next string) {
	link := func(n int) string {
		v := url.Values{}
		for k, vals := range q {
			v[k] = vals
		}
		v.Set("page", strconv.Itoa(n))
		return "/admin/?" + v.Encode()
	}
	if page > 1 {
		prev = link(page - 1)
	}
	if page < pages {
		next = link(page + 1)
	}
	return prev, next
}

// storyFilter reads the list's filters from the query string.
func storyFilter(q url.Values) (article.DeskFilter, int, error) {
	var f article.DeskFilter
	if s := article.Status(q.Get("status")); s != "" {
		if !s.Valid() {
			return f, 0, web.BadRequest("unknown status")
		}
		f.Status = s
	}
	if q.Get("review") == string(article.Submitted) {
		f.ReviewState = article.Submitted
	}
	f.Trashed = q.Get("trash") == "1"
	f.Query = strings.TrimSpace(q.Get("q"))
	if len(f.Query) > 200 {
		return f, 0, web.BadRequest("search text too long")
	}
	for name, dst := range map[string]*int64{"section": &f.SectionID, "author": &f.AuthorID} {
		if v := q.Get(name); v != "" {
			id, err := strconv.ParseInt(v, 10, 64)
			if err != nil || id < 0 {
				return f, 0, web.BadRequest(name + " must be a number")
			}
			*dst = id
		}
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

// Bulk applies one action to the ticked stories: publish, unpublish, trash or restore.
func (h *Handler) Bulk(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	if err := r.ParseForm(); err != nil {
		return web.BadRequest("form too large or malformed")
	}
	var ids []int64
	for _, v := range r.PostForm["id"] {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return web.BadRequest("bad story id")
		}
		ids = append(ids, id)
	}
	back := "/admin/"
	if ref := r.PostForm.Get("back"); strings.HasPrefix(ref, "/admin/") {
		back = localNext(ref)
	}
	u := CurrentUser(r)
	action := r.PostForm.Get("action")
	if len(ids) == 0 && action != "empty-trash" {
		return seeOther(w, r, back, "Tick at least one story first.")
	}
	var err error
	switch action {
	case "publish", "unpublish":
		status := map[string]article.Status{"publish": article.Published, "unpublish": article.Unpublished}[action]
		for _, id := range ids {
			if _, err = h.Articles.SetStatus(r.Context(), u, id, status, time.Time{}); err != nil {
				break
			}
		}
	case "trash", "restore":
		err = h.Articles.Trash(r.Context(), u, ids, action == "restore")
	case "empty-trash":
		if !u.Role.Can(people.EmptyTrash) {
			return article.ErrForbidden
		}
		var n int
		n, err = h.Articles.EmptyTrash(r.Context())
		if err == nil {
			h.audit(r, "story.empty-trash", "", strconv.Itoa(n)+" deleted")
			return seeOther(w, r, "/admin/?trash=1", strconv.Itoa(n)+" stories deleted for good.")
		}
	default:
		return web.BadRequest("unknown action")
	}
	if err != nil {
		return err
	}
	for _, id := range ids {
		h.audit(r, "story."+action, "story "+strconv.FormatInt(id, 10), "")
	}
	return seeOther(w, r, "/admin/", strconv.Itoa(len(ids))+" stories: "+action+" done.")
}
