package desk

import (
	"net/http"
	"strconv"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/diff"
	"github.com/datelinenews/dateline/internal/web"
)

// RevisionsPage lists a story's revisions and compares two of them.
type RevisionsPage struct {
	Layout
	Story     article.Article
	Revisions []RevisionRow
	From, To  article.Revision
	Fields    []FieldDiff
	Inserted  int
	Deleted   int
	CanRevert bool
}

// RevisionRow is one revision in the list.
type RevisionRow struct {
	article.Revision
	When string
}

// FieldDiff is the comparison of one field between two revisions.
type FieldDiff struct {
	Name    string
	Lines   []diff.Line
	Changed bool
}

// Revisions shows the revision list and a readable diff between two
// revisions: by default the one before the newest, and the newest.
func (h *Handler) Revisions(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return web.NotFound()
	}
	u := CurrentUser(r)
	a, revs, err := h.Articles.Revisions(r.Context(), u, id)
	if err != nil {
		return err
	}
	l, err := h.layout(r, "Revisions: "+a.Headline, "stories")
	if err != nil {
		return err
	}
	p := RevisionsPage{Layout: l, Story: a, CanRevert: article.CanEdit(u, a)}
	loc := l.Site.Location()
	byID := map[int64]article.Revision{}
	for _, rev := range revs {
		byID[rev.ID] = rev
		p.Revisions = append(p.Revisions, RevisionRow{Revision: rev, When: rev.CreatedAt.In(loc).Format("2 Jan 2006 15:04:05")})
	}
	if len(revs) == 0 {
		return h.page(w, r, http.StatusOK, "revisions", p)
	}
	p.To, p.From = revs[0], revs[min(1, len(revs)-1)]
	for name, dst := range map[string]*article.Revision{"from": &p.From, "to": &p.To} {
		if v := r.URL.Query().Get(name); v != "" {
			rid, err := strconv.ParseInt(v, 10, 64)
			rev, ok := byID[rid]
			if err != nil || !ok {
				return web.BadRequest("unknown revision")
			}
			*dst = rev
		}
	}
	for _, f := range []struct{ name, from, to string }{
		{"Headline", p.From.Headline, p.To.Headline},
		{"Standfirst", p.From.Standfirst, p.To.Standfirst},
		{"Story", p.From.Body, p.To.Body},
		{"Slug", p.From.Slug, p.To.Slug},
		{"Dateline", p.From.Dateline, p.To.Dateline},
	} {
		lines := diff.Lines(f.from, f.to)
		ins, del := diff.Stats(lines)
		p.Inserted, p.Deleted = p.Inserted+ins, p.Deleted+del
		p.Fields = append(p.Fields, FieldDiff{Name: f.name, Lines: lines, Changed: f.from != f.to})
	}
	return h.page(w, r, http.StatusOK, "revisions", p)
}

// RestoreRevision saves an old revision's words as the newest version.
func (h *Handler) RestoreRevision(w http.ResponseWriter, r *http.Request) error {
	id, err1 := strconv.ParseInt(r.PathValue("id"), 10, 64)
	rev, err2 := strconv.ParseInt(r.PathValue("rev"), 10, 64)
	if err1 != nil || err2 != nil {
		return web.NotFound()
	}
	a, err := h.Articles.Restore(r.Context(), CurrentUser(r), id, rev)
	if err != nil {
		return err
	}
	h.audit(r, "story.restore", "story "+strconv.FormatInt(id, 10), "revision "+strconv.FormatInt(rev, 10))
	return seeOther(w, r, "/admin/stories/"+strconv.FormatInt(a.ID, 10), "Revision restored as version "+strconv.Itoa(a.Version)+".")
}
