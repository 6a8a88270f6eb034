package desk

import (
	"context"
	"net/http"
	"time"

	"github.com/datelinenews/dateline/internal/page"
)

// pageStore is what the static page screens read and write.
type pageStore interface {
	ListPages(ctx context.Context) ([]page.Page, error)
	PageByID(ctx context.Context, id int64) (page.Page, error)
	CreatePage(ctx context.Context, p page.Page, now time.Time) (int64, error)
	UpdatePage(ctx context.Context, p page.Page, now time.Time) error
	DeletePage(ctx context.Context, id int64) error
}

// PagesPage lists the static pages: About, Contact, Support…
type PagesPage struct {
	Layout
	Pages []PageRow
}

// PageRow is one static page in the list.
type PageRow struct {
	page.Page
	Updated string
}

// Pages lists the static pages.
func (h *Handler) Pages(w http.ResponseWriter, r *http.Request) error {
	st := h.Store
	l, err := h.layout(r, "Pages", "pages")
	if err != nil {
		return err
	}
	list, err := st.ListPages(r.Context())
	if err != nil {
		return err
	}
	p := PagesPage{Layout: l}
	for _, pg := range list {
		p.Pages = append(p.Pages, PageRow{Page: pg, Updated: pg.UpdatedAt.In(l.Site.Location()).Format("2 Jan 2006 15:04")})
	}
	return h.page(w, r, http.StatusOK, "pages", p)
}
