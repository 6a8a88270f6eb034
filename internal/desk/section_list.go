package desk

import (
	"context"
	"net/http"
	"time"

	"github.com/datelinenews/dateline/internal/section"
)

// sectionStore is what the section pages read and write.
type sectionStore interface {
	ListSections(ctx context.Context) ([]section.Section, error)
	SectionByID(ctx context.Context, id int64) (section.Section, error)
	SectionStoryCounts(ctx context.Context) (map[int64]int, error)
	CreateSection(ctx context.Context, sec section.Section, now time.Time) (int64, error)
	UpdateSection(ctx context.Context, sec section.Section, now time.Time) error
	MoveSection(ctx context.Context, id int64, delta int, now time.Time) error
	DeleteSection(ctx context.Context, id int64) error
}

// SectionsPage lists the sections in front-page order, with the form to
// add one or, on /admin/sections/{id}, to change one.
type SectionsPage struct {
	Layout
	Sections []SectionRow
	Editing  section.Section // as stored; ID 0 when adding a section
	Form     SectionForm
	Errors   map[string]string
	Refused  string // why a delete was refused
}

// SectionRow is one section in the list.
type SectionRow struct {
	section.Section
	Stories     int
	First, Last bool // no move up, no move down
}

// SectionForm is a section as typed, kept when it needs fixing.
type SectionForm struct{ Name, Slug, Description string }

// Sections lists the sections with the form to add one.
func (h *Handler) Sections(w http.ResponseWriter, r *http.Request) error {
	return h.sections(w, r, http.StatusOK, SectionsPage{})
}

// EditSection shows the list with one section's form filled in.
func (h *Handler) EditSection(w http.ResponseWriter, r *http.Request) error {
	sec, err := h.section(r)
	if err != nil {
		return err
	}
	form := SectionForm{Name: sec.Name, Slug: sec.Slug, Description: sec.Description}
	return h.sections(w, r, http.StatusOK, SectionsPage{Editing: sec, Form: form})
}

// section loads the section named by {id}.
func (h *Handler) section(r *http.Request) (section.Section, error) {
	id, err := pathID(r)
	if err != nil {
		return section.Section{}, err
	}
	st := h.Store
	sec, err := st.SectionByID(r.Context(), id)
	return sec, notFound(err)
}

// sections renders the page p, filling in the list and the layout.
func (h *Handler) sections(w http.ResponseWriter, r *http.Request, status int, p SectionsPage) error {
	st := h.Store
	var err error
	title := "Sections"
	if p.Editing.ID != 0 {
		title = "Edit section: " + p.Editing.Name
	}
	if p.Layout, err = h.layout(r, title, "sections"); err != nil {
		return err
	}
	list, err := st.ListSections(r.Context())
	if err != nil {
		return err
	}
	counts, err := st.SectionStoryCounts(r.Context())
	if err != nil {
		return err
	}
	for i, sec := range list {
		p.Sections = append(p.Sections, SectionRow{Section: sec, Stories: counts[sec.ID], First: i == 0, Last: i == len(list)-1})
	}
	return h.page(w, r, status, "sections", p)
}

// parseSectionForm reads the section form's fields as typed.
func parseSectionForm(r *http.Request) SectionForm {
	f := r.PostForm
	return SectionForm{Name: f.Get("name"), Slug: f.Get("slug"), Description: f.Get("description")}
}

// section is the tidied section the form describes.
func (f SectionForm) section() section.Section {
	return section.Section{Name: f.Name, Slug: f.Slug, Description: f.Description}.Tidy()
}
