package api

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/section"
)

// ArticleList is one page of stories.
type ArticleList struct {
	Data  []Article `json:"data"`
	Meta  Meta      `json:"meta"`
	Links Links     `json:"links"`
}

// Meta says where a page is in the whole list.
type Meta struct {
	Page       int `json:"page"`
	PerPage    int `json:"per_page"`
	Total      int `json:"total"`
	TotalPages int `json:"total_pages"`
}

// Links are the addresses of this page and its neighbours; next and prev
// are absent at the ends.
type Links struct {
	Self string `json:"self"`
	Next string `json:"next,omitempty"`
	Prev string `json:"prev,omitempty"`
}

// ListArticles lists published stories, newest first, filtered by section,
// tag, author (slugs) and a since/until date range.
func (h *Handler) ListArticles(w http.ResponseWriter, r *http.Request) error {
	q, err := query(r.URL, "section", "tag", "author", "since", "until", "page", "per_page")
	if err != nil {
		return err
	}
	f, err := h.filter(r.Context(), q)
	if err != nil {
		return err
	}
	page, perPage, err := paging(q)
	if err != nil {
		return err
	}
	f.Limit, f.Offset = perPage, (page-1)*perPage
	list, total, err := h.Articles.List(r.Context(), f)
	if err != nil {
		return err
	}
	v, err := h.view(r)
	if err != nil {
		return err
	}
	out := ArticleList{Data: []Article{}, Meta: meta(page, perPage, total)}
	for _, a := range list {
		out.Data = append(out.Data, v.article(a, false))
	}
	out.Links = links(w, v.origin, r.URL.Path, q, page, out.Meta.TotalPages)
	return writeJSON(w, r, out)
}

// filter turns the query's slugs and dates into an article filter; a slug
// that names nothing is a 400 naming the parameter, not an empty list.
func (h *Handler) filter(ctx context.Context, q url.Values) (article.Filter, error) {
	var f article.Filter
	if s := q.Get("section"); s != "" {
		sec, err := h.Store.SectionBySlug(ctx, s)
		if errors.Is(err, section.ErrNotFound) {
			return f, badParam("section", fmt.Sprintf("No section has the slug %q; see /api/v1/sections.", clip(s)))
		}
		if err != nil {
			return f, err
		}
		f.SectionID = sec.ID
	}
	if s := q.Get("tag"); s != "" {
		t, err := h.Store.TagBySlug(ctx, s)
		if errors.Is(err, article.ErrNotFound) {
			return f, badParam("tag", fmt.Sprintf("No tag has the slug %q; see /api/v1/tags.", clip(s)))
		}
		if err != nil {
			return f, err
		}
		f.TagID = t.ID
	}
	if s := q.Get("author"); s != "" {
		au, err := h.Store.AuthorBySlug(ctx, s)
		if errors.Is(err, people.ErrNotFound) {
			return f, badParam("author", fmt.Sprintf("No author has the slug %q; see /api/v1/authors.", clip(s)))
		}
		if err != nil {
			return f, err
		}
		f.AuthorID = au.ID
	}
	var err error
	if f.Since, err = dateParam(q, "since", false); err != nil {
		return f, err
	}
	if f.Before, err = dateParam(q, "until", true); err != nil {
		return f, err
	}
	if !f.Since.IsZero() && !f.Before.IsZero() && !f.Since.Before(f.Before) {
		return f, badParam("until", "until must come after since.")
	}
	return f, nil
}

// ShowArticle gives one published story whole.
func (h *Handler) ShowArticle(w http.ResponseWriter, r *http.Request) error {
	if _, err := query(r.URL); err != nil {
		return err
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return notFound("Story ids are whole numbers; see /api/v1/articles.")
	}
	// Drafts, scheduled, unpublished and trashed stories are all simply not found.
	a, err := h.Articles.ByID(r.Context(), id)
	if err != nil {
		return err
	}
	v, err := h.view(r)
	if err != nil {
		return err
	}
	return writeJSON(w, r, struct {
		Data Article `json:"data"`
	}{v.article(a, true)})
}

func (h *Handler) view(r *http.Request) (view, error) {
	site, err := h.Store.Site(r.Context())
	if err != nil {
		return view{}, err
	}
	return view{origin: h.origin(r), loc: site.Location()}, nil
}

func meta(page, perPage, total int) Meta {
	return Meta{Page: page, PerPage: perPage, Total: total, TotalPages: int(math.Ceil(float64(total) / float64(perPage)))}
}

// links builds the page's own, next and previous addresses and sends the
// same as a Link header (RFC 8288), which many HTTP clients follow.
func links(w http.ResponseWriter, origin, path string, q url.Values, page, pages int) Links {
	at := func(p int) string {
		q := cloneValues(q)
		q.Set("page", strconv.Itoa(p))
		return origin + path + "?" + q.Encode()
	}
	l := Links{Self: at(page)}
	if page < pages {
		l.Next = at(page + 1)
		w.Header().Add("Link", "<"+l.Next+`>; rel="next"`)
	}
	if page > 1 {
		l.Prev = at(min(page-1, max(pages, 1)))
		w.Header().Add("Link", "<"+l.Prev+`>; rel="prev"`)
	}
	return l
}

func cloneValues(q url.Values) url.Values {
	out := url.Values{}
	for k, v := range q {
		out[k] = append([]string(nil), v...)
	}
	return out
}
