package desk

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/web"
)

// tagStore is what the tag pages read and write.
type tagStore interface {
	ListTags(ctx context.Context, query string, limit, offset int) ([]article.Tag, error)
	CountTags(ctx context.Context, query string) (int, error)
	TagStoryCounts(ctx context.Context, ids []int64) (map[int64]int, error)
	TagByID(ctx context.Context, id int64) (article.Tag, error)
	TagBySlug(ctx context.Context, slug string) (article.Tag, error)
	UpdateTag(ctx context.Context, t article.Tag, now time.Time) error
	MergeTags(ctx context.Context, fromID, intoID int64, now time.Time) (int, error)
}

// TagsPage lists tags with their story counts, searchable and page by
// page; on /admin/tags/{id} it shows one tag's rename and merge forms.
type TagsPage struct {
	Layout
	Query            string
	Tags             []TagRow
	Total            int
	Page, Pages      int
	PrevURL, NextURL string
	Edit             *TagEdit
}

// TagRow is one tag in the list.
type TagRow struct {
	article.Tag
	Stories int
}

// TagEdit is one tag's forms, kept as typed when they need fixing.
type TagEdit struct {
	Tag     article.Tag // as stored
	Stories int
	Name    string
	Slug    string
	Into    string // the tag to merge into, by name or slug
	Errors  map[string]string
}

const tagsPerPage = 50

// Tags lists tags, with ?q= to search names and slugs.
func (h *Handler) Tags(w http.ResponseWriter, r *http.Request) error {
	st := h.Store
	var err error
	q := r.URL.Query()
	p := TagsPage{Query: strings.TrimSpace(q.Get("q")), Page: 1}
	if len(p.Query) > 200 || !storable(p.Query) {
		return web.BadRequest("Search for at most 200 characters of plain text.")
	}
	if v := q.Get("page"); v != "" {
		if p.Page, err = strconv.Atoi(v); err != nil || p.Page < 1 || p.Page > 100000 {
			return web.BadRequest("page must be a whole number from 1")
		}
	}
	if p.Total, err = st.CountTags(r.Context(), p.Query); err != nil {
		return err
	}
	p.Pages = max(1, (p.Total+tagsPerPage-1)/tagsPerPage)
	list, err := st.ListTags(r.Context(), p.Query, tagsPerPage, (p.Page-1)*tagsPerPage)
	if err != nil {
		return err
	}
	if p.Tags, err = tagRows(r.Context(), st, list); err != nil {
		return err
	}
	p.PrevURL, p.NextURL = tagPageLinks(p.Query, p.Page, p.Pages)
	if p.Layout, err = h.layout(r, "Tags", "tags"); err != nil {
		return err
	}
	return h.page(w, r, http.StatusOK, "tags", p)
}

func tagRows(ctx context.Context, st tagStore, list []article.Tag) ([]TagRow, error) {
	ids := make([]int64, len(list))
	for i, t := range list {
		ids[i] = t.ID
	}
	counts, err := st.TagStoryCounts(ctx, ids)
	if err != nil {
		return nil, err
	}
	rows := make([]TagRow, len(list))
	for i, t := range list {
		rows[i] = TagRow{Tag: t, Stories: counts[t.ID]}
	}
	return rows, nil
}

// tagPageLinks keeps the search in the previous and next page links.
func tagPageLinks(query string, page, pages int) (prev, next string) {
	link := func(n int) string {
		v := url.Values{}
		if query != "" {
			v.Set("q", query)
		}
		if n > 1 {
			v.Set("page", strconv.Itoa(n))
		}
		if len(v) == 0 {
			return "/admin/tags"
		}
		return "/admin/tags?" + v.Encode()
	}
	if page > 1 {
		prev = link(page - 1)
	}
	if page < pages {
		next = link(page + 1)
	}
	return prev, next
}

// EditTag shows one tag's rename and merge forms.
func (h *Handler) EditTag(w http.ResponseWriter, r *http.Request) error {
	t, err := h.tag(r)
	if err != nil {
		return err
	}
	return h.tagEdit(w, r, http.StatusOK, TagEdit{Tag: t, Name: t.Name, Slug: t.Slug})
}

// tag loads the tag named by {id}.
func (h *Handler) tag(r *http.Request) (article.Tag, error) {
	id, err := pathID(r)
	if err != nil {
		return article.Tag{}, err
	}
	st := h.Store
	return st.TagByID(r.Context(), id)
}

// tagEdit renders one tag's forms.
func (h *Handler) tagEdit(w http.ResponseWriter, r *http.Request, status int, e TagEdit) error {
	st := h.Store
	counts, err := st.TagStoryCounts(r.Context(), []int64{e.Tag.ID})
	if err != nil {
		return err
	}
	e.Stories = counts[e.Tag.ID]
	l, err := h.layout(r, "Tag: "+e.Tag.Name, "tags")
	if err != nil {
		return err
	}
	return h.page(w, r, status, "tags", TagsPage{Layout: l, Edit: &e})
}
