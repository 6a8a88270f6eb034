package desk

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/web"
)

// AuditPage lists who did what, newest first, with filters.
type AuditPage struct {
	Layout
	Entries []AuditRow
	People  []people.User
	Form    AuditForm // the filters as typed
	Errors  map[string]string
	Page    int
	PrevURL string
	NextURL string
	Actions []string // suggestions for the action filter
}

// AuditRow is one entry as shown.
type AuditRow struct {
	people.AuditEntry
	When   string
	Client string // the start of the client hash: enough to tell clients apart
}

// AuditForm holds the audit filters as typed.
type AuditForm struct{ User, Action, From, To string }

const auditPerPage = 50

// auditActions are offered as action filters; any prefix may be typed.
var auditActions = []string{"account.", "session.", "story.", "comment.", "comments.settings", "blocklist.",
	"section.", "tag.", "page.", "settings.", "user.", "user.invite", "user.role",
	"user.disable", "user.enable", "user.end-sessions", "user.link", "account.password"}

// AuditLog lists audit entries filtered by user, action prefix and dates.
func (h *Handler) AuditLog(w http.ResponseWriter, r *http.Request) error {
	l, err := h.layout(r, "Audit log", "audit")
	if err != nil {
		return err
	}
	q := r.URL.Query()
	page, err := pageNumber(q.Get("page"))
	if err != nil {
		return err
	}
	form := AuditForm{User: q.Get("user"), Action: q.Get("action"), From: q.Get("from"), To: q.Get("to")}
	f, problems := auditFilter(form, l.Site.Location())
	users, err := h.Auth.Users(r.Context())
	if err != nil {
		return err
	}
	p := AuditPage{Layout: l, People: users, Form: form, Errors: problems, Page: page, Actions: auditActions}
	if len(problems) > 0 {
		return h.page(w, r, http.StatusUnprocessableEntity, "audit", p)
	}
	// One more than a page tells whether there is a next page without counting.
	f.Limit, f.Offset = auditPerPage+1, (page-1)*auditPerPage
	list, err := h.Auth.AuditLog(r.Context(), f)
	if err != nil {
		return err
	}
	if len(list) > auditPerPage {
		list, p.NextURL = list[:auditPerPage], pageURL(q, page+1)
	}
	if page > 1 {
		p.PrevURL = pageURL(q, page-1)
	}
	for _, e := range list {
		p.Entries = append(p.Entries, AuditRow{AuditEntry: e, When: when(e.At, l), Client: e.Client[:min(8, len(e.Client))]})
	}
	return h.page(w, r, http.StatusOK, "audit", p)
}

// auditFilter checks the typed filters. Dates are whole days in the
// newsroom's time zone, both ends included.
func auditFilter(form AuditForm, loc *time.Location) (people.AuditFilter, map[string]string) {
	var f people.AuditFilter
	problems := map[string]string{}
	if form.User != "" {
		id, err := strconv.ParseInt(form.User, 10, 64)
		if err != nil || id <= 0 {
			problems["user"] = "Choose a user from the list."
		}
		f.UserID = id
	}
	f.Action = strings.TrimSpace(form.Action)
	if len(f.Action) > 100 {
		problems["action"] = "Use at most 100 characters, for example user. or story.publish."
	}
	day := func(field, v string) time.Time {
		if v == "" {
			return time.Time{}
		}
		t, err := time.ParseInLocation("2006-01-02", strings.TrimSpace(v), loc)
		if err != nil {
			problems[field] = "Use the date picker, or type a date like 2026-11-25."
		}
		return t
	}
	f.Since = day("from", form.From)
	if to := day("to", form.To); !to.IsZero() {
		f.Until = to.AddDate(0, 0, 1)
	}
	if !f.Since.IsZero() && !f.Until.IsZero() && !f.Since.Before(f.Until) && problems["to"] == "" {
		problems["to"] = "The end date is before the start date."
	}
	return f, problems
}

// pageNumber reads ?page=, 1 when absent.
func pageNumber(v string) (int, error) {
	if v == "" {
		return 1, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 100000 {
		return 0, web.BadRequest("page must be a whole number from 1")
	}
	return n, nil
}

// pageURL is the audit log's address for another page, filters kept.
func pageURL(q url.Values, page int) string {
	next := url.Values{}
	for k, v := range q {
		next[k] = v
	}
	next.Set("page", strconv.Itoa(page))
	return "/admin/audit?" + next.Encode()
}
