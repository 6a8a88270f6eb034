package site

import (
	"context"
	"errors"
	"fmt"
	"github.com/datelinenews/dateline/internal/change"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/problem"
	"github.com/datelinenews/dateline/internal/section"
	"github.com/datelinenews/dateline/internal/settings"
	"github.com/datelinenews/dateline/internal/slug"
	"github.com/datelinenews/dateline/internal/web"
)

// SearchPage is the search form and one page of its results. The page
// carries nothing per visitor, so it is cached like any public page (the
// query string is part of the address); it asks not to be indexed.
type SearchPage struct {
	Layout
	Form     SearchForm
	Searched bool // the query had words, so results (or none) are shown
	Total    int
	More     bool // more than Total match: the newest Total were ranked
	Results  []SearchResult
	Pager    Pager
}

// SearchForm is the search form as the reader filled it in.
type SearchForm struct {
	Query, From, To string
	SectionOptions  []SelectOption
	AuthorOptions   []SelectOption
	Errors          problem.Fields // by field: q, section, author, from, to, page
}

// SelectOption is one choice in a select.
type SelectOption struct {
	Value, Label string
	Selected     bool
}

// SearchResult is a matching story with its matches marked.
type SearchResult struct {
	Teaser
	MarkedHeadline article.Snippet
	Snippet        article.Snippet
}

// searchPageSize is how many results a search page lists.
const searchPageSize = 10

// maxSearchQueryString bounds the whole query string: a form filled in by
// hand is far shorter.
const maxSearchQueryString = 4096

// searchParams is what a search URL asks for, as typed.
type searchParams struct {
	q, section, author, from, to, page string
}

func readSearchParams(r *http.Request) searchParams {
	v := r.URL.Query()
	get := func(name string) string { return strings.TrimSpace(v.Get(name)) }
	return searchParams{q: get("q"), section: get("section"), author: get("author"),
		from: get("from"), to: get("to"), page: get("page")}
}

// clipped cuts each parameter to a length a form filled in by hand has.
func (in searchParams) clipped() searchParams {
	return searchParams{q: clipRunes(in.q, 2*article.MaxSearchText), section: clipRunes(in.section, 100),
		author: clipRunes(in.author, 100), from: clipRunes(in.from, 20), to: clipRunes(in.to, 20), page: clipRunes(in.page, 10)}
}

// Search serves /search: the form, and results when the query has words.
// Input it cannot use is answered 400 with the form, what was typed kept
// and a message per field.
func (h *Handler) Search(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	in := readSearchParams(r)
	l, err := h.layout(ctx, r, searchTitle(in.q), "")
	if err != nil {
		return err
	}
	// One canonical address per search: its parameters in a fixed order.
	// (The page asks not to be indexed; the link still names it once.)
	l.Canonical = h.absURL(r, searchURL(in.clipped(), 1))
	l.StructuredData = pageData(l, "SearchResultsPage", "Search", nil)
	// What was typed goes back into the forms, but not kilobytes of it.
	l.Query = clipRunes(in.q, 2*article.MaxSearchText)
	p := SearchPage{Layout: l, Form: SearchForm{Query: l.Query, From: clipRunes(in.from, 20), To: clipRunes(in.to, 20)}}
	q, page, errs, err := h.searchQuery(ctx, r, in, l.Site)
	if err != nil {
		return err
	}
	p.Form.Errors = errs
	if p.Form.SectionOptions, p.Form.AuthorOptions, err = h.searchOptions(ctx, l, in); err != nil {
		return err
	}
	if len(errs) > 0 {
		return h.searchPage(w, r, http.StatusBadRequest, p)
	}
	if len(q.Terms()) > 0 {
		if err := h.fillResults(ctx, &p, q, in, page); err != nil {
			return err
		}
	}
	return h.searchPage(w, r, http.StatusOK, p)
}

func searchTitle(q string) string {
	if q == "" || utf8.RuneCountInString(q) > article.MaxSearchText {
		return "Search"
	}
	return "Search: " + q
}

// searchQuery turns the parameters into a query, with a message for each
// one it cannot use. Unknown sections and authors are the reader's mistake
// (400), not a missing page.
func (h *Handler) searchQuery(ctx context.Context, r *http.Request, in searchParams, site settings.Site) (article.SearchQuery, int, problem.Fields, error) {
	errs := problem.Fields{}
	if len(r.URL.RawQuery) > maxSearchQueryString {
		errs["q"] = fmt.Sprintf("Your search is too long. Use at most %d characters.", article.MaxSearchText)
		return article.SearchQuery{}, 1, errs, nil
	}
	q := article.SearchQuery{Text: in.q, Limit: searchPageSize}
	if n := utf8.RuneCountInString(in.q); n > article.MaxSearchText {
		errs["q"] = fmt.Sprintf("Your search is %d characters long. Shorten it to %d or fewer.", n, article.MaxSearchText)
	}
	var err error
	if q.SectionID, err = h.searchSection(ctx, in.section); errors.Is(err, section.ErrNotFound) {
		errs["section"] = "There is no such section. Choose one from the list."
	} else if err != nil {
		return q, 0, nil, err
	}
	if q.AuthorID, err = h.searchAuthor(ctx, in.author); errors.Is(err, people.ErrNotFound) {
		errs["author"] = "There is no such author. Choose one from the list."
	} else if err != nil {
		return q, 0, nil, err
	}
	q.From, q.To = searchDates(in, site.Location(), errs)
	page, ok := searchPageNumber(in.page)
	if !ok {
		errs["page"] = "The page number must be a whole number from 1."
	}
	q.Offset = (page - 1) * searchPageSize
	return q, page, errs, nil
}

func (h *Handler) searchSection(ctx context.Context, s string) (int64, error) {
	if s == "" {
		return 0, nil
	}
	if !slug.Valid(s) {
		return 0, section.ErrNotFound
	}
	sec, err := h.Content.SectionBySlug(ctx, s)
	return sec.ID, err
}

func (h *Handler) searchAuthor(ctx context.Context, s string) (int64, error) {
	if s == "" {
		return 0, nil
	}
	if !slug.Valid(s) {
		return 0, people.ErrNotFound
	}
	au, err := h.Content.AuthorBySlug(ctx, s)
	return au.ID, err
}

// searchDates reads from and to as days in the site's time zone. To
// includes its whole day, so the query ends at the next midnight.
func searchDates(in searchParams, loc *time.Location, errs problem.Fields) (from, to time.Time) {
	day := func(field, v, which string) time.Time {
		if v == "" {
			return time.Time{}
		}
		t, err := time.ParseInLocation(time.DateOnly, v, loc)
		if err != nil {
			errs[field] = fmt.Sprintf("Write the %s date as year-month-day, for example 2026-11-01.", which)
		}
		return t
	}
	from, to = day("from", in.from, "start"), day("to", in.to, "end")
	if !to.IsZero() {
		to = to.AddDate(0, 0, 1)
	}
	if !from.IsZero() && !to.IsZero() && !from.Before(to) {
		errs["to"] = "The end date is before the start date."
	}
	return from, to
}

// clipRunes cuts s to at most n characters.
func clipRunes(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n])
	}
	return s
}

// searchPageNumber reads ?page=N: absent is 1.
func searchPageNumber(v string) (int, bool) {
	if v == "" {
		return 1, true
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 10_000 {
		return 1, false
	}
	return n, true
}

// authorLister is the optional part of Content that fills the author
// filter; without it the filter still works from a URL.
type authorLister interface {
	ListAuthors(ctx context.Context) ([]people.Author, error)
}

// searchOptions lists the sections and authors to filter by, with the
// reader's choice selected.
func (h *Handler) searchOptions(ctx context.Context, l Layout, in searchParams) (sections, authors []SelectOption, err error) {
	for _, s := range l.Sections {
		sections = append(sections, SelectOption{Value: s.Slug, Label: s.Name, Selected: s.Slug == in.section})
	}
	lister, ok := h.Content.(authorLister)
	if !ok {
		return sections, nil, nil
	}
	list, err := lister.ListAuthors(ctx)
	if err != nil {
		return nil, nil, err
	}
	for _, a := range list {
		authors = append(authors, SelectOption{Value: a.Slug, Label: a.Name, Selected: a.Slug == in.author})
	}
	return sections, authors, nil
}

// fillResults runs the search and fills the results and the pager. A page
// past the last is a 404, as in archives.
func (h *Handler) fillResults(ctx context.Context, p *SearchPage, q article.SearchQuery, in searchParams, page int) error {
	res, err := h.Articles.Search(ctx, q)
	if err != nil {
		return err
	}
	pages := max(1, (res.Total+searchPageSize-1)/searchPageSize)
	if page > pages {
		return web.NotFound()
	}
	p.Searched, p.Total, p.More = true, res.Total, res.More
	for _, hit := range res.Hits {
		p.Results = append(p.Results, SearchResult{Teaser: teaser(hit.Article, p.Site),
			MarkedHeadline: hit.Headline, Snippet: hit.Snippet})
	}
	p.Pager = Pager{Page: page, Pages: pages}
	if page > 1 {
		p.Pager.PrevURL = searchURL(in, page-1)
	}
	if page < pages {
		p.Pager.NextURL = searchURL(in, page+1)
	}
	return nil
}

// searchURL links to another page of the same search.
func searchURL(in searchParams, page int) string {
	v := url.Values{}
	for _, f := range []struct{ name, value string }{
		{"q", in.q}, {"section", in.section}, {"author", in.author}, {"from", in.from}, {"to", in.to},
	} {
		if f.value != "" {
			v.Set(f.name, f.value)
		}
	}
	if page > 1 {
		v.Set("page", strconv.Itoa(page))
	}
	if len(v) == 0 {
		return "/search"
	}
	return "/search?" + v.Encode()
}

// searchPage renders the page; a 400 is cached briefly, like other errors.
func (h *Handler) searchPage(w http.ResponseWriter, r *http.Request, status int, p SearchPage) error {
	body, err := h.Render.Render("search", p)
	if err != nil {
		return err
	}
	keys := []string{change.Search}
	for _, res := range p.Results {
		keys = append(keys, teaserKeys(res.Teaser)...)
	}
	web.Keys(w, keys...)
	caching := web.Public
	if status != http.StatusOK {
		caching = web.Short
	}
	web.WriteHTML(w, r, status, body, caching)
	return nil
}
